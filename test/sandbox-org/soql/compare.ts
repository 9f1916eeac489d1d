import type { LiteralType } from '@jetstreamapp/soql-parser-js';

import type { FieldDescribe } from '../core/describe-types';
import { parseDateTime } from '../core/format';
import { isValidId, toId18 } from '../core/ids';
import { compareToRange, dateLiteralRange, type TimeRange } from './date-literals';
import {
	dateTimeValue,
	dateValue,
	IllegalEscape,
	isQuoted,
	likePattern,
	stringValue,
} from './literals';

// How a WHERE comparison treats values, by the field's type, as SOQL does: text is compared
// case-insensitively, `!=` and NOT IN keep rows whose value is null, date literals are ranges.

export type Category =
	| 'id'
	| 'text'
	| 'multipicklist'
	| 'boolean'
	| 'number'
	| 'date'
	| 'datetime'
	| 'other';

export type Operand =
	| { kind: 'null' }
	| { kind: 'string'; raw: string; value: string }
	| { kind: 'number'; value: number }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'date'; value: string }
	| { kind: 'datetime'; value: number }
	| { kind: 'range'; literal: string };

/** Why a literal cannot be used: Salesforce's error code and message. */
export interface LiteralProblem {
	errorCode: string;
	message: string;
}

export function categoryOf(field: FieldDescribe): Category {
	switch (field.type) {
		case 'id':
		case 'reference':
			return 'id';
		case 'string':
		case 'textarea':
		case 'email':
		case 'phone':
		case 'url':
		case 'picklist':
		case 'combobox':
		case 'encryptedstring':
			return 'text';
		case 'multipicklist':
			return 'multipicklist';
		case 'boolean':
			return 'boolean';
		case 'int':
		case 'double':
		case 'currency':
		case 'percent':
		case 'long':
			return 'number';
		case 'date':
			return 'date';
		case 'datetime':
			return 'datetime';
		default:
			return 'other';
	}
}

/** A literal as the parser gave it (quotes kept) turned into a typed operand; a LIKE pattern keeps its escapes. */
export function toOperand(
	raw: string,
	literalType: LiteralType | undefined,
	like = false,
): Operand | LiteralProblem | IllegalEscape {
	switch (literalType) {
		case 'NULL':
			return { kind: 'null' };
		case 'BOOLEAN':
			return { kind: 'boolean', value: raw.toUpperCase() === 'TRUE' };
		case 'INTEGER':
		case 'DECIMAL':
			return { kind: 'number', value: Number(raw) };
		case 'INTEGER_WITH_CURRENCY_PREFIX':
		case 'DECIMAL_WITH_CURRENCY_PREFIX':
			return { kind: 'number', value: Number(raw.slice(3)) };
		case 'DATE': {
			const value = dateValue(raw);
			return value
				? { kind: 'date', value }
				: { errorCode: 'MALFORMED_QUERY', message: `Invalid date: ${raw}` };
		}
		case 'DATETIME': {
			const value = dateTimeValue(raw);
			return value !== undefined
				? { kind: 'datetime', value }
				: { errorCode: 'MALFORMED_QUERY', message: `Invalid datetime: ${raw}` };
		}
		case 'DATE_LITERAL':
		case 'DATE_N_LITERAL':
			return { kind: 'range', literal: raw };
		case 'STRING': {
			if (!isQuoted(raw))
				return { errorCode: 'MALFORMED_QUERY', message: `unexpected token: '${raw}'` };
			if (like) {
				const pattern = likePattern(raw);
				return pattern instanceof IllegalEscape
					? pattern
					: { kind: 'string', raw, value: raw.slice(1, -1) };
			}
			const value = stringValue(raw);
			return value instanceof IllegalEscape ? value : { kind: 'string', raw, value };
		}
		default:
			return { errorCode: 'MALFORMED_QUERY', message: `unexpected token: '${raw}'` };
	}
}

/** Whether an operand fits the field, in Salesforce's words when it does not. */
export function operandProblem(field: FieldDescribe, operand: Operand): LiteralProblem | undefined {
	if (operand.kind === 'null') return undefined;
	const category = categoryOf(field);
	const mustBe = (type: string, quoted: boolean): LiteralProblem => ({
		errorCode: 'INVALID_FIELD',
		message: `value of filter criterion for field '${field.name}' must be of type ${type} and ${quoted ? 'should be enclosed in quotes' : 'should not be enclosed in quotes'}`,
	});
	switch (category) {
		case 'id':
			if (operand.kind !== 'string') return mustBe('string', true);
			if (operand.value !== '' && !isValidId(operand.value))
				return {
					errorCode: 'INVALID_QUERY_FILTER_OPERATOR',
					message: `invalid ID field: ${operand.value}`,
				};
			return undefined;
		case 'text':
		case 'multipicklist':
			return operand.kind === 'string' ? undefined : mustBe('string', true);
		case 'boolean':
			return operand.kind === 'boolean' ? undefined : mustBe('boolean', false);
		case 'number':
			return operand.kind === 'number'
				? undefined
				: mustBe(field.type === 'int' ? 'integer' : 'double', false);
		case 'date':
			return operand.kind === 'date' || operand.kind === 'range'
				? undefined
				: mustBe('date', false);
		case 'datetime':
			return operand.kind === 'datetime' || operand.kind === 'range'
				? undefined
				: mustBe('dateTime', false);
		default:
			return undefined;
	}
}

type Normal = string | number | null;

/** A stored value in comparable form: text upper-cased, dates as `YYYY-MM-DD`, date-times as epoch ms. */
function normalize(category: Category, value: unknown): Normal {
	if (value === null || value === undefined || value === '') return null;
	switch (category) {
		case 'text':
		case 'multipicklist':
			return String(value).toUpperCase();
		case 'boolean':
			return value === true ? 1 : value === false ? 0 : null;
		case 'number':
			return typeof value === 'number' ? value : Number(value);
		case 'datetime':
			return typeof value === 'number' ? value : (parseDateTime(String(value)) ?? null);
		default:
			return String(value);
	}
}

function normalizeOperand(category: Category, operand: Operand): Normal {
	switch (operand.kind) {
		case 'null':
		case 'range':
			return null;
		case 'string':
			if (category === 'id') return operand.value === '' ? null : toId18(operand.value);
			return normalize(category, operand.value);
		case 'boolean':
			return operand.value ? 1 : 0;
		default:
			return operand.value;
	}
}

/** Epoch ms of a date or date-time value, for comparison with a date literal's range. */
function instant(category: Category, value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	if (category === 'date') return Date.parse(`${String(value)}T00:00:00Z`);
	return normalize('datetime', value) as number | null;
}

export type ValueTest = (value: unknown, now: number) => boolean;

/** The test a comparison applies to a row's value. */
export function comparison(field: FieldDescribe, operator: string, operands: Operand[]): ValueTest {
	const category = categoryOf(field);
	const ranges = new RangeCache();
	const one = (operand: Operand, op: string): ValueTest => {
		if (operand.kind === 'range') {
			return (value, now) => {
				const at = instant(category, value);
				if (at === null) return op === '!=' || op === '<>';
				const range = ranges.get(operand.literal, now);
				return range ? compareToRange(at, op, range) : false;
			};
		}
		const literal = normalizeOperand(category, operand);
		return (value) => {
			const v = normalize(category, value);
			switch (op) {
				case '=':
					return literal === null
						? v === null
						: v !== null && (category === 'multipicklist' ? sameSet(v, literal) : v === literal);
				case '!=':
				case '<>':
					return literal === null
						? v !== null
						: v === null || (category === 'multipicklist' ? !sameSet(v, literal) : v !== literal);
				case '<':
					return v !== null && literal !== null && v < literal;
				case '<=':
					return v !== null && literal !== null && v <= literal;
				case '>':
					return v !== null && literal !== null && v > literal;
				case '>=':
					return v !== null && literal !== null && v >= literal;
				default:
					return false;
			}
		};
	};
	switch (operator) {
		case 'IN': {
			const tests = operands.map((o) => one(o, '='));
			return (value, now) => tests.some((t) => t(value, now));
		}
		case 'NOT IN': {
			const tests = operands.map((o) => one(o, '='));
			return (value, now) => !tests.some((t) => t(value, now));
		}
		case 'LIKE': {
			const operand = operands[0];
			const pattern = operand?.kind === 'string' ? likePattern(operand.raw) : undefined;
			if (!(pattern instanceof RegExp)) return () => false;
			return (value) =>
				value !== null && value !== undefined && value !== '' && pattern.test(String(value));
		}
		case 'INCLUDES':
		case 'EXCLUDES': {
			const wanted = operands.map((o) =>
				o.kind === 'string' ? splitValues(o.value.toUpperCase()) : [],
			);
			return (value) => {
				const have = new Set(
					value === null || value === undefined ? [] : splitValues(String(value).toUpperCase()),
				);
				const includes = wanted.some((w) => w.length > 0 && w.every((x) => have.has(x)));
				return operator === 'INCLUDES' ? includes : !includes;
			};
		}
		default:
			return one(operands[0] ?? { kind: 'null' }, operator);
	}
}

function splitValues(s: string): string[] {
	return s
		.split(';')
		.map((x) => x.trim())
		.filter((x) => x !== '');
}

function sameSet(a: Normal, b: Normal): boolean {
	const x = new Set(splitValues(String(a)));
	const y = new Set(splitValues(String(b)));
	return x.size === y.size && [...x].every((v) => y.has(v));
}

/** A date literal's range, computed once per query run (the run's `now` does not change). */
class RangeCache {
	private now = NaN;
	private readonly ranges = new Map<string, TimeRange | undefined>();

	get(literal: string, now: number): TimeRange | undefined {
		if (now !== this.now) {
			this.now = now;
			this.ranges.clear();
		}
		if (!this.ranges.has(literal)) this.ranges.set(literal, dateLiteralRange(literal, now));
		return this.ranges.get(literal);
	}
}
