import { DateTime } from 'luxon';

import { FieldMappingError } from './errors';
import {
	activePicklistValues,
	availableRecordTypes,
	isNumberType,
	type MappingDescribe,
	type MappingField,
} from './fieldRules';
import { isWellFormedId, STANDARD_KEY_PREFIXES } from '../salesforceIds';
import {
	booleanOf,
	dateRangeProblem,
	decimalText,
	looksLikeBareNumber,
	SALESFORCE_YEARS,
} from '../soql/literals';

export interface ConvertContext {
	describe: MappingDescribe;
	itemIndex?: number;
	/** Zone for date-times written without one (the workflow's time zone); UTC when not given. */
	timezone?: string;
	/** Key prefixes by object name, beyond the standard ones, for checking reference Ids. */
	keyPrefixes?: Record<string, string>;
}

/** A mapped value: what the mapper or an input item can hold. */
export type MappedInput = unknown;

export type SalesforceValue = string | number | boolean | null;

/** Converts one non-empty value to what Salesforce expects for the field, or throws a FieldMappingError. */
export function convertValue(
	field: MappingField,
	value: MappedInput,
	ctx: ConvertContext,
): SalesforceValue {
	if (isNumberType(field)) return toNumber(field, value, ctx);
	switch (field.type) {
		case 'boolean':
			return toBoolean(field, value, ctx);
		case 'date':
			return toDateTime(field, value, ctx).toISODate() ?? fail(field, value, ctx, 'a date');
		case 'datetime':
			return toDateTime(field, value, ctx).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
		case 'time':
			return toTime(field, value, ctx);
		case 'picklist':
			return toPicklist(field, text(field, value, ctx), ctx);
		case 'multipicklist':
			return toMultiPicklist(field, value, ctx);
		case 'reference':
		case 'id':
			return toId(field, text(field, value, ctx).trim(), ctx);
		default:
			return toText(field, value, ctx);
	}
}

export function label(field: MappingField): string {
	return field.label === field.name ? field.name : `${field.label} (${field.name})`;
}

/** " (item N)" when the value belongs to an item, for the end of a message. */
export function whereItem(ctx: ConvertContext): string {
	return ctx.itemIndex === undefined ? '' : ` (item ${ctx.itemIndex})`;
}

function fail(
	field: MappingField,
	value: MappedInput,
	ctx: ConvertContext,
	expected: string,
): never {
	throw new FieldMappingError(
		`${label(field)} of ${ctx.describe.name} needs ${expected}, got ${JSON.stringify(value)}${whereItem(ctx)}`,
		'wrongType',
		field.name,
		ctx.itemIndex,
	);
}

function text(field: MappingField, value: MappedInput, ctx: ConvertContext): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return fail(field, value, ctx, 'text');
}

function toText(field: MappingField, value: MappedInput, ctx: ConvertContext): string {
	const s = text(field, value, ctx);
	if (field.length > 0 && s.length > field.length) {
		throw new FieldMappingError(
			`${label(field)} of ${ctx.describe.name} holds at most ${field.length} characters, got ${s.length}${whereItem(ctx)}`,
			'tooLong',
			field.name,
			ctx.itemIndex,
		);
	}
	return s;
}

function toNumber(field: MappingField, value: MappedInput, ctx: ConvertContext): number {
	// Only decimals: `0x10`, `1_000` or `Infinity` are not read as numbers.
	const decimal = decimalText(value);
	const n = decimal === undefined ? NaN : Number(decimal);
	if (!Number.isFinite(n)) fail(field, value, ctx, 'a number');
	if (field.type === 'int' && !Number.isInteger(n)) fail(field, value, ctx, 'a whole number');
	return n;
}

function toBoolean(field: MappingField, value: MappedInput, ctx: ConvertContext): boolean {
	return booleanOf(value) ?? fail(field, value, ctx, 'true or false');
}

function toDateTime(field: MappingField, value: MappedInput, ctx: ConvertContext): DateTime {
	const zone = { zone: ctx.timezone ?? 'UTC', setZone: field.type === 'date' };
	let dt: DateTime | undefined;
	if (DateTime.isDateTime(value)) dt = value;
	else if (value instanceof Date) dt = DateTime.fromJSDate(value);
	else if (looksLikeBareNumber(value)) {
		// 1767225600 could be seconds or milliseconds: refused rather than guessed.
		return fail(
			field,
			value,
			ctx,
			`${field.type === 'date' ? 'a date written as 2026-11-21' : 'a date and time written as 2026-11-21T09:30:00Z'} (a number is not read as a date)`,
		);
	} else if (typeof value === 'string') {
		const s = value.trim();
		dt = [
			DateTime.fromISO(s, zone),
			DateTime.fromRFC2822(s, zone),
			DateTime.fromSQL(s, zone),
			DateTime.fromHTTP(s, zone),
		].find((d) => d.isValid);
	}
	if (!dt || !dt.isValid)
		return fail(
			field,
			value,
			ctx,
			field.type === 'date' ? 'a date (2026-11-21)' : 'a date and time (2026-11-21T09:30:00Z)',
		);
	if (dateRangeProblem(dt))
		return fail(
			field,
			value,
			ctx,
			`a date from the year ${SALESFORCE_YEARS.min} to ${SALESFORCE_YEARS.max}`,
		);
	return dt;
}

function toTime(field: MappingField, value: MappedInput, ctx: ConvertContext): string {
	const s = text(field, value, ctx).trim();
	const dt = DateTime.fromISO(s, { zone: 'UTC' });
	if (!dt.isValid) fail(field, value, ctx, 'a time (13:30:00)');
	return dt.toUTC().toFormat("HH:mm:ss.SSS'Z'");
}

function toPicklist(field: MappingField, raw: string, ctx: ConvertContext): string {
	const value = raw.trim();
	const allowed = activePicklistValues(field).map((p) => p.value);
	const exact =
		allowed.find((a) => a === value) ??
		allowed.find((a) => a.toLowerCase() === value.toLowerCase());
	if (exact !== undefined) return exact;
	if (!field.restrictedPicklist) return value;
	throw new FieldMappingError(
		`"${value}" is not a value of ${label(field)} of ${ctx.describe.name}${whereItem(ctx)}. Allowed: ${allowed.map((a) => `"${a}"`).join(', ')}`,
		'invalidPicklistValue',
		field.name,
		ctx.itemIndex,
		allowed,
	);
}

function toMultiPicklist(field: MappingField, value: MappedInput, ctx: ConvertContext): string {
	const parts = Array.isArray(value)
		? value.map((v) => text(field, v, ctx))
		: text(field, value, ctx).split(';');
	return parts
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.map((p) => toPicklist(field, p, ctx))
		.join(';');
}

function toId(field: MappingField, value: string, ctx: ConvertContext): string {
	if (field.name === 'RecordTypeId') {
		const byName = availableRecordTypes(ctx.describe).find(
			(r) => r.name === value || r.developerName === value,
		);
		if (byName) return byName.recordTypeId;
	}
	if (!isWellFormedId(value)) {
		throw new FieldMappingError(
			`${label(field)} of ${ctx.describe.name} needs a Salesforce Id (15 or 18 characters), got "${value}"${whereItem(ctx)}`,
			'malformedId',
			field.name,
			ctx.itemIndex,
		);
	}
	const targets = field.type === 'id' ? [ctx.describe.name] : (field.referenceTo ?? []);
	const prefixes = targets.map(
		(t) =>
			(t === ctx.describe.name ? ctx.describe.keyPrefix : undefined) ??
			ctx.keyPrefixes?.[t] ??
			STANDARD_KEY_PREFIXES[t],
	);
	if (targets.length > 0 && prefixes.every((p) => p) && !prefixes.includes(value.slice(0, 3))) {
		throw new FieldMappingError(
			`${label(field)} of ${ctx.describe.name} needs the Id of ${targets.map((t, i) => `a ${t} (${prefixes[i]}...)`).join(' or ')}, got "${value}"${whereItem(ctx)}`,
			'malformedId',
			field.name,
			ctx.itemIndex,
		);
	}
	return value;
}
