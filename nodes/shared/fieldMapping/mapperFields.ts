import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';
import type { ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import {
	activePicklistValues,
	availableRecordTypes,
	canMatch,
	isRequired,
	isWritable,
	n8nType,
	type MappingOperation,
} from './fieldRules';

export interface MapperFieldsOptions {
	operation: MappingOperation;
	/**
	 * Describes of parent objects: for each writable lookup to one of them, the parent's external ID
	 * fields are offered as `Relationship.Field` (a parent found by its external ID), hidden until added.
	 */
	parents?: DescribeSObjectResult[];
}

/**
 * The fields of an object for n8n's resource mapper, from its describe: only those the operation
 * can write (plus the match columns: Id for update, external ID and idLookup fields for upsert).
 */
export function describeToMapperFields(
	describe: DescribeSObjectResult,
	options: MapperFieldsOptions,
): ResourceMapperFields {
	const { operation } = options;
	const fields: ResourceMapperField[] = [];
	for (const field of describe.fields) {
		const matchable =
			operation === 'upsert' ? canMatch(field) : operation === 'update' && field.type === 'id';
		if (!isWritable(field, operation) && !matchable) continue;
		fields.push(mapperField(describe, field, operation, matchable));
	}
	if (operation === 'upsert') {
		const firstExternal = fields.find((f) =>
			describe.fields.some((d) => d.name === f.id && d.externalId),
		);
		if (firstExternal) firstExternal.defaultMatch = true;
	}
	for (const parent of options.parents ?? [])
		fields.push(...parentLookupFields(describe, parent, operation));
	// n8n shows the notice whenever the field list is hidden ("Map Automatically" too), so it is
	// given only when there really are no fields.
	if (fields.length > 0) return { fields };
	return {
		fields,
		emptyFieldsNotice: `${describe.label} has no fields you can set when ${WRITING[operation]} a record`,
	};
}

const WRITING: Record<MappingOperation, string> = {
	create: 'creating',
	update: 'updating',
	upsert: 'creating or updating',
};

function mapperField(
	describe: DescribeSObjectResult,
	field: Field,
	operation: MappingOperation,
	matchable: boolean,
): ResourceMapperField {
	const result: ResourceMapperField = {
		id: field.name,
		displayName: displayName(field),
		required: isRequired(field, operation),
		defaultMatch: operation === 'update' && field.type === 'id',
		canBeUsedToMatch: matchable,
		display: true,
		type: n8nType(field),
	};
	if (field.type === 'picklist') {
		result.options = activePicklistValues(field).map((p) => ({
			name: p.label ?? p.value,
			value: p.value,
		}));
	}
	if (field.name === 'RecordTypeId') {
		const recordTypes = availableRecordTypes(describe);
		if (recordTypes.length > 0) {
			result.type = 'options';
			result.options = recordTypes.map((r) => ({ name: r.name, value: r.recordTypeId }));
		}
	}
	return result;
}

/** "Label (ApiName)" unless the label is the API name with spaces; references name their objects. */
export function displayName(field: Field): string {
	const plain = field.label.replace(/\s+/g, '');
	let name =
		plain === field.name || field.label === field.name
			? field.label
			: `${field.label} (${field.name})`;
	if (
		field.type === 'reference' &&
		field.referenceTo &&
		field.referenceTo.length > 0 &&
		field.name !== 'RecordTypeId'
	) {
		name += ` → Id of ${field.referenceTo.join(' or ')}`;
	}
	return name;
}

function parentLookupFields(
	describe: DescribeSObjectResult,
	parent: DescribeSObjectResult,
	operation: MappingOperation,
): ResourceMapperField[] {
	const lookups = describe.fields.filter(
		(f) =>
			f.type === 'reference' &&
			f.relationshipName &&
			isWritable(f, operation) &&
			f.referenceTo?.length === 1 &&
			f.referenceTo[0] === parent.name,
	);
	const keys = parent.fields.filter((f) => f.externalId);
	return lookups.flatMap((lookup) =>
		keys.map((key) => ({
			id: `${lookup.relationshipName}.${key.name}`,
			displayName: `${lookup.label.replace(/ ID$/, '')} by ${key.label} (${lookup.relationshipName}.${key.name})`,
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			removed: true,
			type: 'string' as const,
		})),
	);
}
