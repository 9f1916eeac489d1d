import type { FieldDescribe } from './describe-types';
import { formatDateTime } from './format';
import type { SObjectType } from './schema';
import type { Row } from './store';

/** `{type, url}` as every record in a REST response carries it. */
export function attributes(
	type: SObjectType,
	id: unknown,
	version: string,
): { type: string; url: string } {
	return { type: type.name, url: `/services/data/v${version}/sobjects/${type.name}/${String(id)}` };
}

/** A stored value as Salesforce writes it in JSON. */
export function jsonValue(field: FieldDescribe | undefined, value: unknown): unknown {
	if (value === undefined || value === null) return null;
	if (field?.type === 'datetime' && typeof value === 'number') return formatDateTime(value);
	if (field?.type === 'anyType' && typeof value === 'number') return formatDateTime(value);
	return value;
}

/** A whole record as `GET /sobjects/T/Id` returns it: attributes first, then every field in describe order. */
export function recordJson(
	type: SObjectType,
	row: Row,
	version: string,
	fieldNames?: string[],
): Record<string, unknown> {
	const out: Record<string, unknown> = { attributes: attributes(type, row.Id, version) };
	const fields = fieldNames
		? fieldNames.map((n) => type.field(n)).filter((f): f is FieldDescribe => !!f)
		: type.fields;
	for (const f of fields)
		out[f.name] =
			f.type === 'address'
				? addressValue(f.name, row)
				: f.type === 'base64'
					? blobUrl(type, row, f.name, version)
					: jsonValue(f, row[f.name]);
	return out;
}

/** A blob field as records show it: the address of its bytes (`sObject Blob Get`), or null without any. */
export function blobUrl(
	type: SObjectType,
	row: Row,
	field: string,
	version: string,
): string | null {
	return row[field] === null || row[field] === undefined
		? null
		: `${attributes(type, row.Id, version).url}/${field}`;
}

const ADDRESS_PARTS = [
	'city',
	'country',
	'countryCode',
	'geocodeAccuracy',
	'latitude',
	'longitude',
	'postalCode',
	'state',
	'stateCode',
	'street',
] as const;

/**
 * A compound address (`BillingAddress`, `MailingAddress`, a Lead's `Address`) as Salesforce writes
 * it: an object of its component fields, or null when every component is empty.
 */
export function addressValue(fieldName: string, row: Row): Record<string, unknown> | null {
	const prefix = fieldName.replace(/Address$/, '');
	const out: Record<string, unknown> = {};
	let any = false;
	for (const part of ADDRESS_PARTS) {
		const value = row[`${prefix}${part.charAt(0).toUpperCase()}${part.slice(1)}`] ?? null;
		out[part] = value;
		if (value !== null) any = true;
	}
	return any ? out : null;
}
