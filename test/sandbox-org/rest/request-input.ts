import { NOT_FOUND_RESOURCE } from '../http/errors';
import type { SObjectType } from '../core/schema';
import type { SfRequest, SfResponse } from '../http/types';
import { jsonToken } from './json-values';
import { recordError } from './record-errors';

/** The record a create or update sends: a JSON object, else Salesforce's JSON_PARSER_ERROR. */
export function recordBody(req: SfRequest, typeName: string): Record<string, unknown> {
	const body = req.body;
	if (body === undefined)
		throw recordError(
			'JSON_PARSER_ERROR',
			'The HTTP entity body is required, but this request has no entity body.',
		);
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		const text = Array.isArray(body) ? '[' : String(body);
		throw recordError(
			'JSON_PARSER_ERROR',
			`Cannot deserialize instance of ${typeName} from ${jsonToken(body)} value ${text} or request may be missing a required field at [line:1, column:1]`,
		);
	}
	return body as Record<string, unknown>;
}

/** The object a URL names, or Salesforce's 404 for an unknown one. */
export function objectOf(req: SfRequest, name: string): SObjectType | SfResponse {
	return req.org.schema.get(name) ?? NOT_FOUND_RESOURCE();
}

export function isResponse(x: SObjectType | SfResponse): x is SfResponse {
	return 'status' in x;
}

/** `?allOrNone=true` or `"allOrNone": true`. */
export function flag(value: unknown): boolean {
	return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** The API version as a number (`62.0` -> 62). */
export function versionNumber(req: SfRequest): number {
	return Number(req.version);
}
