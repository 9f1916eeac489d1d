import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';

import { isWellFormedId } from '../salesforceIds';
import { resolveFieldNames } from './fieldNames';
import {
	booleanOf,
	decimalText,
	looksLikeBareNumber,
	soqlDate,
	soqlDateTime,
	soqlLikeLiteral,
	soqlString,
} from './literals';

export type ConditionOperator =
	| 'equals'
	| 'notEquals'
	| 'lessThan'
	| 'lessOrEqual'
	| 'greaterThan'
	| 'greaterOrEqual'
	| 'contains'
	| 'startsWith'
	| 'endsWith'
	| 'isEmpty'
	| 'isNotEmpty'
	| 'in'
	| 'notIn';

/** One condition as a user builds it in the editor: field, operator, value. */
export interface Condition {
	field: string;
	operator: ConditionOperator;
	value?: unknown;
}

/** A condition that cannot become SOQL, in plain words (it names the field and what is wrong). */
export class ConditionError extends Error {}

const COMPARISON: Partial<Record<ConditionOperator, string>> = {
	equals: '=',
	notEquals: '!=',
	lessThan: '<',
	lessOrEqual: '<=',
	greaterThan: '>',
	greaterOrEqual: '>=',
};
const TEXT_TYPES = new Set([
	'string',
	'email',
	'phone',
	'url',
	'picklist',
	'combobox',
	'textarea',
	'encryptedstring',
]);
const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent', 'long']);
const ID_TYPES = new Set(['id', 'reference']);
/** SOQL's relative date literals (TODAY, LAST_N_DAYS:30, ...), allowed as values of date fields. */
const DATE_LITERAL =
	/^(YESTERDAY|TODAY|TOMORROW|(LAST|THIS|NEXT)_(WEEK|MONTH|QUARTER|YEAR|FISCAL_QUARTER|FISCAL_YEAR)|(LAST|NEXT)_90_DAYS|(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS|FISCAL_QUARTERS|FISCAL_YEARS):\d{1,4}|N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS|FISCAL_QUARTERS|FISCAL_YEARS)_AGO:\d{1,4})$/i;

/** One condition as SOQL, its field checked against the describe and its value typed and escaped. */
export function conditionToSoql(describe: DescribeSObjectResult, condition: Condition): string {
	const [name] = resolveFieldNames(describe, [condition.field]);
	if (name.includes('.'))
		throw new ConditionError(
			`Filter on "${condition.field}": only fields of ${describe.label} itself can be filtered here`,
		);
	const field = describe.fields.find((f) => f.name === name) as Field;
	if (!field.filterable)
		throw new ConditionError(
			`Filter on "${name}": Salesforce cannot filter on this field (type ${field.type})`,
		);
	const op = condition.operator;
	if (op === 'isEmpty') return `${name} = null`;
	if (op === 'isNotEmpty') return `${name} != null`;
	if (op === 'in' || op === 'notIn') {
		const values = listOf(condition.value);
		if (values.length === 0)
			throw new ConditionError(
				`Filter on "${name}": give at least one value for "${op === 'in' ? 'is one of' : 'is none of'}"`,
			);
		return `${name} ${op === 'in' ? 'IN' : 'NOT IN'} (${values.map((v) => literalFor(field, v)).join(', ')})`;
	}
	if (op === 'contains' || op === 'startsWith' || op === 'endsWith') {
		if (!TEXT_TYPES.has(field.type) || field.type === 'textarea')
			throw new ConditionError(
				`Filter on "${name}": "${op}" works on text fields; ${name} is of type ${field.type}`,
			);
		return `${name} LIKE ${soqlLikeLiteral(String(condition.value ?? ''), op)}`;
	}
	const comparison = COMPARISON[op];
	if (!comparison)
		throw new ConditionError(`Filter on "${name}": unknown operator "${String(op)}"`);
	if (condition.value === null || condition.value === undefined || condition.value === '') {
		throw new ConditionError(
			`Filter on "${name}": the value is empty (use "is empty" to find records without a value)`,
		);
	}
	return `${name} ${comparison} ${literalFor(field, condition.value)}`;
}

/** Several conditions joined with AND (or OR). */
export function conditionsToSoql(
	describe: DescribeSObjectResult,
	conditions: Condition[],
	join: 'AND' | 'OR' = 'AND',
): string {
	const parts = conditions.map((c) => conditionToSoql(describe, c));
	return parts.length > 1 ? parts.map((p) => `(${p})`).join(` ${join} `) : (parts[0] ?? '');
}

/** A value as a SOQL literal of the field's type; anything that is not one is refused. */
export function literalFor(field: Field, value: unknown): string {
	const name = field.name;
	const text = typeof value === 'string' ? value.trim() : value;
	if (field.type === 'boolean') {
		const b = booleanOf(text);
		if (b !== undefined) return String(b);
		throw new ConditionError(`Filter on "${name}": "${String(value)}" is not true or false`);
	}
	if (NUMBER_TYPES.has(field.type)) {
		const decimal = decimalText(text);
		if (decimal === undefined)
			throw new ConditionError(
				`Filter on "${name}": "${String(value)}" is not a number (write it with digits and a point, such as 1500 or 12.5)`,
			);
		return decimal;
	}
	if (field.type === 'date' || field.type === 'datetime') {
		if (typeof text === 'string' && DATE_LITERAL.test(text)) return text.toUpperCase();
		if (typeof text === 'number' || looksLikeBareNumber(text)) {
			throw new ConditionError(
				`Filter on "${name}": "${String(value)}" is a number, not a date; give an ISO date such as ${field.type === 'date' ? '2026-05-01' : '2026-05-01T09:30:00Z'}`,
			);
		}
		let refusal: string;
		try {
			return field.type === 'date'
				? soqlDate(String(text))
				: soqlDateTime(text instanceof Date ? text : String(text));
		} catch (error) {
			refusal = (error as Error).message;
		}
		if (/Salesforce stores dates/.test(refusal))
			throw new ConditionError(`Filter on "${name}": ${refusal}`);
		throw new ConditionError(
			`Filter on "${name}": "${String(value)}" is not a ${field.type === 'date' ? 'date (2026-05-01)' : 'date and time (2026-05-01T09:30:00Z)'} nor a relative date such as LAST_N_DAYS:30`,
		);
	}
	if (ID_TYPES.has(field.type)) {
		if (typeof text !== 'string' || !isWellFormedId(text)) {
			throw new ConditionError(
				`Filter on "${name}": "${String(value)}" is not a Salesforce record Id (15 or 18 letters and digits)`,
			);
		}
		return soqlString(text);
	}
	if (typeof value === 'object' && value !== null)
		throw new ConditionError(
			`Filter on "${name}": the value is a list or an object; give one value`,
		);
	return soqlString(String(value));
}

/** A list parameter as an expression may give it: an array, or a comma-separated string. */
export function listOf(value: unknown): unknown[] {
	if (Array.isArray(value))
		return value.filter(
			(v) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''),
		);
	if (typeof value === 'string')
		return value
			.split(',')
			.map((v) => v.trim())
			.filter((v) => v !== '');
	return value === undefined || value === null ? [] : [value];
}

/** An "is one of" condition as its field and its values as SOQL literals, for a caller that splits a long list over several queries. */
export function inListOf(
	describe: DescribeSObjectResult,
	condition: Condition,
): { field: string; literals: string[] } {
	conditionToSoql(describe, condition); // checks the field and every value
	const [name] = resolveFieldNames(describe, [condition.field]);
	const field = describe.fields.find((f) => f.name === name) as Field;
	return { field: name, literals: listOf(condition.value).map((v) => literalFor(field, v)) };
}
