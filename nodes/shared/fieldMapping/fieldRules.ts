import type { Field } from '@jsforce/jsforce-node';
import type { FieldType } from 'n8n-workflow';

export type MappingOperation = 'create' | 'update' | 'upsert';

/**
 * What the field checks read of a describe's field: a jsforce `Field` fits, and so does the compact
 * form the action node keeps across executions (see schema/writeSchema.ts).
 */
export type MappingField = Pick<
	Field,
	| 'name'
	| 'label'
	| 'type'
	| 'createable'
	| 'updateable'
	| 'nillable'
	| 'defaultedOnCreate'
	| 'externalId'
	| 'idLookup'
	| 'length'
	| 'relationshipName'
	| 'referenceTo'
	| 'picklistValues'
	| 'restrictedPicklist'
	| 'filterable'
>;

/** A record type as the checks read it (a describe's `recordTypeInfos` entry fits). */
export interface MappingRecordType {
	available: boolean;
	master: boolean;
	name: string;
	recordTypeId: string;
	developerName?: string;
	active?: boolean;
}

/** What the field checks read of an object's describe: a jsforce `DescribeSObjectResult` fits. */
export interface MappingDescribe {
	name: string;
	label: string;
	keyPrefix?: string | null;
	recordTypeInfos?: MappingRecordType[];
	fields: MappingField[];
}

/** A picklist entry as the describe gives it. */
export interface PicklistEntry {
	value: string;
	label: string | null;
	active: boolean;
}

/** Whether the operation can set the field: createable for create, updateable for update, both for upsert. */
export function isWritable(field: MappingField, operation: MappingOperation): boolean {
	if (operation === 'create') return field.createable;
	if (operation === 'update') return field.updateable;
	return field.createable && field.updateable;
}

/** Whether a create (or an upsert that creates) must give the field. */
export function isRequired(field: MappingField, operation: MappingOperation): boolean {
	return operation !== 'update' && field.createable && !field.nillable && !field.defaultedOnCreate;
}

/** Whether an upsert can match records on the field: external ID and idLookup fields. */
export function canMatch(field: MappingField): boolean {
	return field.externalId || field.idLookup;
}

/** The active values of a picklist field. */
export function activePicklistValues(field: MappingField): PicklistEntry[] {
	const raw: unknown[] = field.picklistValues ?? [];
	return raw.filter(isPicklistEntry).filter((p) => p.active);
}

function isPicklistEntry(v: unknown): v is PicklistEntry {
	return (
		typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'string'
	);
}

const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent', 'long']);

/** The n8n mapper type for a Salesforce field type. */
export function n8nType(field: MappingField): FieldType {
	if (NUMBER_TYPES.has(field.type)) return 'number';
	if (field.type === 'boolean') return 'boolean';
	if (field.type === 'date' || field.type === 'datetime') return 'dateTime';
	if (field.type === 'picklist') return 'options';
	return 'string';
}

export function isNumberType(field: MappingField): boolean {
	return NUMBER_TYPES.has(field.type);
}

/** The record types a user can pick: the available ones, without the master when there are others. */
export function availableRecordTypes(
	describe: Pick<MappingDescribe, 'recordTypeInfos'>,
): Array<{ name: string; recordTypeId: string; developerName?: string }> {
	const available = (describe.recordTypeInfos ?? []).filter(
		(r) => r.available && r.active !== false,
	);
	const specific = available.filter((r) => !r.master);
	return (specific.length > 0 ? specific : available).map((r) => ({
		name: r.name,
		recordTypeId: r.recordTypeId,
		developerName: r.developerName,
	}));
}
