import type { FieldDescribe } from './describe-types';
import { formatDateTime } from './format';
import type { SObjectType } from './schema';
import type { Row } from './store';

/** `{type, url}` as every record in a REST response carries it. */
export function attributes(type: SObjectType, id: unknown, version: string): { type: string; url: string } {
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
export function recordJson(type: SObjectType, row: Row, version: string, fieldNames?: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = { attributes: attributes(type, row.Id, version) };
	const fields = fieldNames ? fieldNames.map((n) => type.field(n)).filter((f): f is FieldDescribe => !!f) : type.fields;
	for (const f of fields) {
		if (f.type === 'address' || f.type === 'location') out[f.name] = null;
		else out[f.name] = jsonValue(f, row[f.name]);
	}
	return out;
}
