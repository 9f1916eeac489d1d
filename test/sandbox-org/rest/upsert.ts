import type { FieldDescribe } from '../core/describe-types';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import { recordError } from './record-errors';
import { rowsMatching } from './record-lookup';
import { createRecord, updateRecord, type WriteContext } from './write';

export type UpsertOutcome = { id: string; created: boolean } | { matches: Row[] };

/**
 * Upsert by an External ID (or idLookup, or Id) field: updates the one record whose field
 * equals `value`, creates one when none does (unless `updateOnly`), and reports every match
 * when several do. The field may appear in the body only with the same value.
 */
export function upsertRecord(
	ctx: WriteContext,
	type: SObjectType,
	field: FieldDescribe,
	value: string,
	record: Record<string, unknown>,
	opts: { updateOnly?: boolean } = {},
): UpsertOutcome {
	const bodyKey = Object.keys(record).find((k) => k.toLowerCase() === field.name.toLowerCase());
	if (
		bodyKey !== undefined &&
		record[bodyKey] !== null &&
		!sameValue(field, String(record[bodyKey]), value)
	) {
		throw recordError(
			'INVALID_FIELD',
			`The value of ${field.name} in the request body (${String(record[bodyKey])}) doesn't match the value in the URL (${value})`,
			[field.name],
		);
	}
	const matches = rowsMatching(ctx.org, type, field, value);
	if (matches.length > 1) return { matches };
	if (matches.length === 1) {
		const rest = { ...record };
		if (bodyKey !== undefined && field.type === 'id') delete rest[bodyKey];
		updateRecord(ctx, type, matches[0], rest);
		return { id: matches[0].Id as string, created: false };
	}
	if (opts.updateOnly || field.type === 'id')
		throw recordError('NOT_FOUND', 'The requested resource does not exist', undefined, 404);
	const withKey = { ...record };
	if (bodyKey !== undefined) delete withKey[bodyKey];
	withKey[field.name] = value;
	return { id: createRecord(ctx, type, withKey), created: true };
}

function sameValue(field: FieldDescribe, a: string, b: string): boolean {
	if (['int', 'double', 'currency', 'percent', 'long'].includes(field.type))
		return Number(a) === Number(b);
	return field.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** The body of Salesforce's HTTP 300 for an ambiguous external ID: the URL of every matching record. */
export function multipleChoicesBody(type: SObjectType, matches: Row[], version: string): string[] {
	return matches.map((r) => `/services/data/v${version}/sobjects/${type.name}/${String(r.Id)}`);
}
