import { nearestNames } from '../soql/fieldNames';
import {
	convertValue,
	label,
	type ConvertContext,
	type MappedInput,
	type SalesforceValue,
	whereItem,
} from './convertValue';
import { FieldMappingError } from './errors';
import {
	canMatch,
	isRequired,
	isWritable,
	type MappingDescribe,
	type MappingField,
	type MappingOperation,
} from './fieldRules';

export interface MappedRecordOptions {
	operation: MappingOperation;
	itemIndex?: number;
	/** Zone for date-times written without one (the workflow's time zone); UTC when not given. */
	timezone?: string;
	/** Key prefixes by object name, beyond the standard ones, for checking reference Ids. */
	keyPrefixes?: Record<string, string>;
	/** Describes of parent objects: when given, a `Relationship.Field` key must name an external ID field of it. */
	parents?: MappingDescribe[];
}

/** A Salesforce record body: field values, and parents found by external ID (`{"Contact": {"Ext_Id__c": "x"}}`). */
export type SalesforceRecordBody = Record<
	string,
	SalesforceValue | Record<string, SalesforceValue>
>;

/**
 * The record body for the mapped values of one item, converted by the fields' types and checked
 * against the describe. Empty values become null where the field is nillable. A create must give
 * every required field; an update or upsert may leave them out but not empty them.
 */
export function mappedValuesToRecord(
	describe: MappingDescribe,
	values: Record<string, MappedInput> | null | undefined,
	options: MappedRecordOptions,
): SalesforceRecordBody {
	const ctx: ConvertContext = {
		describe,
		itemIndex: options.itemIndex,
		timezone: options.timezone,
		keyPrefixes: options.keyPrefixes,
	};
	const byName = new Map(describe.fields.map((f) => [f.name.toLowerCase(), f] as const));
	const body: SalesforceRecordBody = {};
	for (const [key, value] of Object.entries(values ?? {})) {
		if (value === undefined) continue;
		if (key.includes('.')) {
			const [relationship, parentField] = parentLookup(describe, key, options, ctx);
			body[relationship] = {
				[parentField]: emptyToNull(value) ?? failEmptyKey(describe, key, ctx),
			};
			continue;
		}
		const field = byName.get(key.trim().toLowerCase());
		if (!field) throw unknownField(describe, key, options.operation, ctx);
		if (
			!isWritable(field, options.operation) &&
			!(options.operation === 'upsert' && canMatch(field)) &&
			!(options.operation === 'update' && field.type === 'id')
		) {
			throw new FieldMappingError(
				`${label(field)} of ${describe.name} cannot be set in a ${options.operation}${whereItem(ctx)}`,
				'notWritable',
				field.name,
				ctx.itemIndex,
			);
		}
		const converted = convertOrEmpty(field, value, options.operation, ctx);
		if (converted !== undefined) body[field.name] = converted;
	}
	for (const field of describe.fields) {
		if (
			field.relationshipName &&
			typeof body[field.relationshipName] === 'object' &&
			body[field.name] !== undefined
		) {
			throw new FieldMappingError(
				`${label(field)} of ${describe.name} is given twice: as an Id and as "${field.relationshipName}.…"${whereItem(ctx)}`,
				'notWritable',
				field.name,
				ctx.itemIndex,
			);
		}
	}
	if (options.operation === 'create') {
		const given = new Set(Object.keys(body).map((k) => k.toLowerCase()));
		const missing = describe.fields.find(
			(f) => isRequired(f, 'create') && !given.has(f.name.toLowerCase()),
		);
		if (missing) throw requiredMissing(describe, missing, ctx);
	}
	return body;
}

/** The converted value; null for an empty nillable field; undefined to leave a defaulted field to Salesforce. */
function convertOrEmpty(
	field: MappingField,
	value: MappedInput,
	operation: MappingOperation,
	ctx: ConvertContext,
): SalesforceValue | undefined {
	if (emptyToNull(value) !== null) return convertValue(field, value, ctx);
	if (field.nillable) return null;
	if (isRequired(field, operation)) throw requiredMissing(ctx.describe, field, ctx);
	if (operation === 'create' && field.defaultedOnCreate) return undefined;
	throw new FieldMappingError(
		`${label(field)} of ${ctx.describe.name} cannot be empty${whereItem(ctx)}`,
		'requiredMissing',
		field.name,
		ctx.itemIndex,
	);
}

function emptyToNull(value: MappedInput): SalesforceValue | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value.trim() === '' ? null : value;
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	return String(value);
}

function parentLookup(
	describe: MappingDescribe,
	key: string,
	options: MappedRecordOptions,
	ctx: ConvertContext,
): [string, string] {
	const [relationshipName, parentField, ...rest] = key.trim().split('.');
	const lookups = describe.fields.filter((f) => f.type === 'reference' && f.relationshipName);
	const lookup = lookups.find(
		(f) => String(f.relationshipName).toLowerCase() === relationshipName.toLowerCase(),
	);
	if (!lookup || rest.length > 0 || !parentField) {
		const near = nearestNames(
			relationshipName,
			lookups.map((f) => String(f.relationshipName)),
		);
		throw new FieldMappingError(
			`${describe.label} (${describe.name}) has no relationship "${relationshipName}" to find a parent by "${key}"${whereItem(ctx)}.${hint(near)}`,
			'unknownRelationship',
			key,
			ctx.itemIndex,
			near,
		);
	}
	if (!isWritable(lookup, options.operation)) {
		throw new FieldMappingError(
			`${label(lookup)} of ${describe.name} cannot be set in a ${options.operation}${whereItem(ctx)}`,
			'notWritable',
			key,
			ctx.itemIndex,
		);
	}
	const targets = lookup.referenceTo ?? [];
	if (targets.length !== 1) {
		throw new FieldMappingError(
			`${label(lookup)} of ${describe.name} can point to ${targets.join(' or ')}: give the parent's Id in ${lookup.name} instead of "${key}"${whereItem(ctx)}`,
			'unknownRelationship',
			key,
			ctx.itemIndex,
		);
	}
	const parent = options.parents?.find((p) => p.name === targets[0]);
	if (!parent) return [String(lookup.relationshipName), parentField];
	const keys = parent.fields.filter((f) => f.externalId || f.idLookup);
	const match = keys.find((f) => f.name.toLowerCase() === parentField.toLowerCase());
	if (!match) {
		const near = nearestNames(
			parentField,
			keys.map((f) => f.name),
		);
		throw new FieldMappingError(
			`${parent.name} has no external ID field "${parentField}" to find the ${lookup.relationshipName} of ${describe.name} by${whereItem(ctx)}.${hint(near)}`,
			'unknownField',
			key,
			ctx.itemIndex,
			near,
		);
	}
	return [String(lookup.relationshipName), match.name];
}

function failEmptyKey(describe: MappingDescribe, key: string, ctx: ConvertContext): never {
	throw new FieldMappingError(
		`"${key}" of ${describe.name} needs a value to find the parent by${whereItem(ctx)}`,
		'requiredMissing',
		key,
		ctx.itemIndex,
	);
}

function unknownField(
	describe: MappingDescribe,
	key: string,
	operation: MappingOperation,
	ctx: ConvertContext,
): FieldMappingError {
	const near = nearestNames(
		key,
		describe.fields.filter((f) => isWritable(f, operation)).map((f) => f.name),
	);
	return new FieldMappingError(
		`${describe.label} (${describe.name}) has no field "${key}"${whereItem(ctx)}.${hint(near)}`,
		'unknownField',
		key,
		ctx.itemIndex,
		near,
	);
}

function requiredMissing(
	describe: MappingDescribe,
	field: MappingField,
	ctx: ConvertContext,
): FieldMappingError {
	return new FieldMappingError(
		`${label(field)} is required to create a ${describe.label}${whereItem(ctx)}`,
		'requiredMissing',
		field.name,
		ctx.itemIndex,
	);
}

function hint(near: string[]): string {
	return near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}
