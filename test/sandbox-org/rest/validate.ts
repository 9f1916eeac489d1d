import type { FieldDescribe } from '../core/describe-types';
import { isValidId, toId18 } from '../core/ids';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import type { SfErrorEntry } from '../http/types';
import type { SandboxOrg } from '../org';
import { fieldValueErrors } from './field-rules';
import { coerceJsonValue } from './json-values';
import { RecordErrors, recordError } from './record-errors';
import { externalIdField, idLabel, rowsMatching } from './record-lookup';
import { objectRuleErrors, referenceError } from './reference-rules';

export interface WriteInput {
	org: SandboxOrg;
	type: SObjectType;
	/** The record as the client sent it (an `attributes` map is allowed and ignored). */
	record: Record<string, unknown>;
	mode: 'create' | 'update';
	/** The row an update changes. */
	current?: Row;
	/** The request text the record came in, to place parser errors. */
	rawBody?: string;
}

/**
 * Checks a create or an update as Salesforce does and returns the values to store (canonical
 * field names, stored forms), or throws RecordErrors. The order is Salesforce's: the JSON is
 * deserialized first (unknown field, wrong JSON type: the first one fails the request), then
 * field-level access, then every field rule and required field together, then lookups and
 * object rules, then unique fields.
 */
export function validateWrite(input: WriteInput): Row {
	const { type, mode } = input;
	const values = deserialize(input);

	const readOnly = Object.keys(values).filter((name) => {
		const f = type.field(name) as FieldDescribe;
		return mode === 'create' ? !f.createable : !f.updateable;
	});
	if (readOnly.length > 0) {
		throw recordError(
			'INVALID_FIELD_FOR_INSERT_UPDATE',
			`Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
			readOnly,
		);
	}

	const errors: SfErrorEntry[] = [];
	for (const [name, value] of Object.entries(values)) {
		if (value !== null) errors.push(...fieldValueErrors(type.field(name) as FieldDescribe, value));
	}
	const missing = missingRequired(type, values, mode);
	if (missing.length > 0)
		errors.push({
			message: `Required fields are missing: [${missing.join(', ')}]`,
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: missing,
		});
	if (errors.length > 0) throw new RecordErrors(errors);

	for (const [name, value] of Object.entries(values)) {
		const f = type.field(name) as FieldDescribe;
		if (f.type !== 'reference' || typeof value !== 'string') continue;
		values[name] = toId18(value);
		const problem = referenceError(input.org, type, f, values[name] as string, value);
		if (problem) errors.push(problem);
	}
	errors.push(...objectRuleErrors(input.org, type, { ...input.current, ...values }));
	if (errors.length > 0) throw new RecordErrors(errors);

	const duplicate = duplicateValue(
		input.org,
		type,
		values,
		input.current?.Id as string | undefined,
	);
	if (duplicate) throw new RecordErrors([duplicate]);
	return values;
}

/** JSON to stored values, field by field in the order sent; the first unknown field or JSON type mismatch fails. */
function deserialize(input: WriteInput): Row {
	const { type, record, mode } = input;
	const values: Row = {};
	for (const [key, raw] of Object.entries(record)) {
		if (key === 'attributes') continue;
		const field = type.field(key);
		if (!field) {
			const relationship = type.parentRelationship(key);
			if (relationship && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
				values[relationship.name] = resolveForeignKey(
					input.org,
					relationship,
					raw as Record<string, unknown>,
				);
				continue;
			}
			throw recordError('INVALID_FIELD', `No such column '${key}' on sobject of type ${type.name}`);
		}
		if (field.name === 'Id') {
			if (raw === null || raw === undefined || raw === '') continue;
			if (typeof raw !== 'string' || !isValidId(raw) || raw.slice(0, 3) !== type.keyPrefix) {
				throw recordError(
					'MALFORMED_ID',
					`${idLabel(type)}: id value of incorrect type: ${String(raw)}`,
					['Id'],
				);
			}
			if (mode === 'create')
				throw recordError(
					'INVALID_FIELD_FOR_INSERT_UPDATE',
					'cannot specify Id in an insert call',
					['Id'],
				);
			if (toId18(raw) === input.current?.Id) continue;
		}
		values[field.name] = coerceJsonValue(field, raw, { rawBody: input.rawBody, key });
	}
	return values;
}

/**
 * A parent named by one of its External ID values instead of its Id
 * (`"Account": {"ExtId__c": "A-1"}`), as Salesforce resolves it on write.
 */
function resolveForeignKey(
	org: SandboxOrg,
	lookup: FieldDescribe,
	parent: Record<string, unknown>,
): string {
	const attributes = parent.attributes as { type?: unknown } | undefined;
	const targetName = typeof attributes?.type === 'string' ? attributes.type : lookup.referenceTo[0];
	const target = org.schema.get(targetName ?? '');
	const keys = Object.keys(parent).filter((k) => k !== 'attributes');
	if (!target || keys.length !== 1)
		throw recordError(
			'INVALID_FIELD',
			`No such column '${lookup.relationshipName}' on sobject of type ${targetName}`,
		);
	const field = externalIdField(target, keys[0]);
	if (!field || field.type === 'id') {
		throw recordError(
			'INVALID_FIELD',
			`Invalid field for upsert, must be an External Id custom or standard indexed field: ${keys[0]} (${target.name})`,
		);
	}
	const value = String(parent[keys[0]]);
	const matches = rowsMatching(org, target, field, value);
	if (matches.length === 0)
		throw recordError(
			'INVALID_FIELD',
			`Foreign key external ID: ${value} not found for field ${field.name} in entity ${target.name}`,
		);
	if (matches.length > 1)
		throw recordError(
			'INVALID_FIELD',
			`Foreign key external ID: ${value} matches more than one record for field ${field.name} in entity ${target.name}`,
		);
	return matches[0].Id as string;
}

/**
 * Required fields (`createable && !nillable && !defaultedOnCreate`) left empty on create, and
 * non-nillable fields an update empties.
 */
function missingRequired(type: SObjectType, values: Row, mode: 'create' | 'update'): string[] {
	const empty = (v: unknown) => v === null || v === undefined;
	if (mode === 'create') {
		return type.fields
			.filter(
				(f) =>
					f.createable &&
					!f.nillable &&
					!f.defaultedOnCreate &&
					f.type !== 'boolean' &&
					empty(values[f.name]),
			)
			.map((f) => f.name);
	}
	return type.fields
		.filter((f) => f.name in values && empty(values[f.name]) && !f.nillable && f.type !== 'boolean')
		.map((f) => f.name);
}

/** DUPLICATE_VALUE for a unique field whose value another record already has. */
function duplicateValue(
	org: SandboxOrg,
	type: SObjectType,
	values: Row,
	selfId: string | undefined,
): SfErrorEntry | undefined {
	for (const field of type.fields) {
		const value = values[field.name];
		if (!field.unique || value === null || value === undefined) continue;
		const other = rowsMatching(org, type, field, String(value)).find((r) => r.Id !== selfId);
		if (other) {
			return {
				message: `duplicate value found: ${field.name} duplicates value on record with id: ${String(other.Id).slice(0, 15)}`,
				errorCode: 'DUPLICATE_VALUE',
				fields: [],
			};
		}
	}
	return undefined;
}
