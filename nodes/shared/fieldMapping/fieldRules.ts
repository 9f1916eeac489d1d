import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';
import type { FieldType } from 'n8n-workflow';

export type MappingOperation = 'create' | 'update' | 'upsert';

/** A picklist entry as the describe gives it. */
export interface PicklistEntry {
	value: string;
	label: string | null;
	active: boolean;
}

/** Whether the operation can set the field: createable for create, updateable for update, both for upsert. */
export function isWritable(field: Field, operation: MappingOperation): boolean {
	if (operation === 'create') return field.createable;
	if (operation === 'update') return field.updateable;
	return field.createable && field.updateable;
}

/** Whether a create (or an upsert that creates) must give the field. */
export function isRequired(field: Field, operation: MappingOperation): boolean {
	return operation !== 'update' && field.createable && !field.nillable && !field.defaultedOnCreate;
}

/** Whether an upsert can match records on the field: external ID and idLookup fields. */
export function canMatch(field: Field): boolean {
	return field.externalId || field.idLookup;
}

/** The active values of a picklist field. */
export function activePicklistValues(field: Field): PicklistEntry[] {
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
export function n8nType(field: Field): FieldType {
	if (NUMBER_TYPES.has(field.type)) return 'number';
	if (field.type === 'boolean') return 'boolean';
	if (field.type === 'date' || field.type === 'datetime') return 'dateTime';
	if (field.type === 'picklist') return 'options';
	return 'string';
}

export function isNumberType(field: Field): boolean {
	return NUMBER_TYPES.has(field.type);
}

/** The record types a user can pick: the available ones, without the master when there are others. */
export function availableRecordTypes(
	describe: DescribeSObjectResult,
): Array<{ name: string; recordTypeId: string; developerName?: string }> {
	const available = (describe.recordTypeInfos ?? []).filter(
		(r) => r.available && (r as { active?: boolean }).active !== false,
	);
	const specific = available.filter((r) => !r.master);
	return (specific.length > 0 ? specific : available).map((r) => ({
		name: r.name,
		recordTypeId: r.recordTypeId,
		developerName: (r as { developerName?: string }).developerName,
	}));
}
