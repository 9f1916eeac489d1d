import type { FieldDescribe } from '../core/describe-types';
import { isValidId, toId18 } from '../core/ids';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import type { SandboxOrg } from '../org';

/** What an Id names for an object: its visible row, or why there is none. */
export type IdLookup =
	| { row: Row }
	| { problem: 'malformed' }
	| { problem: 'otherObject' }
	| { problem: 'notFound'; id: string }
	| { problem: 'deleted'; id: string };

/** Resolves `id` as a record of `type`, telling a malformed Id, another object's Id, a deleted and an unknown record apart. */
export function lookupRecord(org: SandboxOrg, type: SObjectType, id: string): IdLookup {
	if (!isValidId(id)) return { problem: 'malformed' };
	if (id.slice(0, 3) !== type.keyPrefix) return { problem: 'otherObject' };
	const id18 = toId18(id);
	const row = org.store.get(id18, type.name);
	if (row) return { row };
	return inRecycleBin(org, type, id18)
		? { problem: 'deleted', id: id18 }
		: { problem: 'notFound', id: id18 };
}

/** True when a record of `type` with this 18-character Id sits in the recycle bin. */
export function inRecycleBin(org: SandboxOrg, type: SObjectType, id18: string): boolean {
	return org.store
		.rows(type.name, { includeDeleted: true })
		.some((r) => r.Id === id18 && r.IsDeleted === true);
}

/** `Account ID`, as Salesforce names an object's Id in its messages (custom objects say `Record ID`). */
export function idLabel(type: SObjectType): string {
	return type.properties.custom ? 'Record ID' : `${type.properties.label} ID`;
}

/**
 * Rows whose `field` equals `value`, as upsert and retrieval by external ID match them:
 * case-insensitively unless the field is case-sensitive, numbers by value, `Id` by Id.
 */
export function rowsMatching(
	org: SandboxOrg,
	type: SObjectType,
	field: FieldDescribe,
	value: string,
): Row[] {
	if (field.type === 'id') {
		if (!isValidId(value) || value.slice(0, 3) !== type.keyPrefix) return [];
		const row = org.store.get(toId18(value), type.name);
		return row ? [row] : [];
	}
	if (value === '') return [];
	const numeric = ['int', 'double', 'currency', 'percent', 'long'].includes(field.type);
	const wanted = field.caseSensitive ? value : value.toLowerCase();
	return org.store.rows(type.name).filter((row) => {
		const v = row[field.name];
		if (v === null || v === undefined) return false;
		if (numeric) return Number(v) === Number(value);
		const s = String(v);
		return (field.caseSensitive ? s : s.toLowerCase()) === wanted;
	});
}

/** A field that can key an upsert or a lookup by external ID: `Id`, an External ID field or an idLookup field. */
export function externalIdField(type: SObjectType, name: string): FieldDescribe | undefined {
	const field = type.field(name);
	if (!field) return undefined;
	return field.type === 'id' || field.externalId || field.idLookup ? field : undefined;
}

/** Salesforce's 404 for a field name that is not an External ID field (also what an invalid record Id in a URL gets). */
export const EXTERNAL_ID_FIELD_NOT_FOUND = (name: string) =>
	`Provided external ID field does not exist or is not accessible: ${name}`;
