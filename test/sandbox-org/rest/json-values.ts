import type { FieldDescribe } from '../core/describe-types';
import { parseDate, parseDateTime } from '../core/format';
import { recordError } from './record-errors';

/**
 * The first step of a write, as Salesforce's JSON deserializer does it: each value must have a
 * JSON type the field's type accepts, else the request fails with JSON_PARSER_ERROR before any
 * field rule runs. Scalars are coerced the way Salesforce does (numbers and booleans to text,
 * numeric text to numbers); empty text means null, as Salesforce stores no empty strings.
 */
export function coerceJsonValue(field: FieldDescribe, value: unknown, source: JsonSource): unknown {
	if (value === null || value === undefined) return field.type === 'boolean' ? false : null;
	switch (field.type) {
		case 'boolean':
			if (typeof value === 'boolean') return value;
			throw parserError('boolean', value, source);
		case 'int':
		case 'long':
		case 'double':
		case 'currency':
		case 'percent':
			return coerceNumber(field, value, source);
		case 'date': {
			if (value === '') return null;
			const date = typeof value === 'string' ? parseDate(value) : undefined;
			if (date === undefined) throw parserError('date', value, source);
			return date;
		}
		case 'datetime': {
			if (value === '') return null;
			if (typeof value === 'number' && Number.isFinite(value)) return value;
			const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
			if (ms === undefined) throw parserError('dateTime', value, source);
			return ms;
		}
		case 'base64':
			// A multipart request hands the file part over as bytes; JSON carries it as base64 text.
			if (Buffer.isBuffer(value)) return value;
			if (typeof value !== 'string') throw parserError('base64', value, source);
			return Buffer.from(value, 'base64');
		case 'address':
		case 'location':
		case 'anyType':
			return value;
		default:
			if (typeof value === 'object') throw parserError('string', value, source);
			return value === '' ? null : String(value);
	}
}

function coerceNumber(field: FieldDescribe, value: unknown, source: JsonSource): number | null {
	const kind = field.type === 'int' ? 'int' : field.type === 'long' ? 'long' : 'double';
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value === '') return null;
	if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value))
		return Number(value);
	throw parserError(kind, value, source);
}

/** Where a value came from in the request text, to place a parser error as Salesforce does. */
export interface JsonSource {
	rawBody?: string;
	key: string;
}

/** `Cannot deserialize instance of date from VALUE_STRING value x or request may be missing a required field at [line:1, column:9]` */
export function parserError(kind: string, value: unknown, source: JsonSource) {
	const text =
		typeof value === 'string'
			? value
			: Array.isArray(value)
				? '['
				: typeof value === 'object' && value !== null
					? '{'
					: String(value);
	const { line, column } = valuePosition(source.rawBody, source.key, value);
	return recordError(
		'JSON_PARSER_ERROR',
		`Cannot deserialize instance of ${kind} from ${jsonToken(value)} value ${text} or request may be missing a required field at [line:${line}, column:${column}]`,
	);
}

/** The JSON parser's name for the token a value starts with. */
export function jsonToken(value: unknown): string {
	if (value === null) return 'VALUE_NULL';
	if (typeof value === 'string') return 'VALUE_STRING';
	if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
	if (typeof value === 'number')
		return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
	return Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT';
}

/** Line and column just past the value of `"key": value` in the request text (1-based), as the JSON parser reports it. */
function valuePosition(
	rawBody: string | undefined,
	key: string,
	value: unknown,
): { line: number; column: number } {
	const text = rawBody ?? '';
	const keyPattern = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*`, 'g');
	const token = typeof value === 'object' ? '' : JSON.stringify(value);
	let fallback = -1;
	for (let m = keyPattern.exec(text); m; m = keyPattern.exec(text)) {
		const start = keyPattern.lastIndex;
		if (fallback < 0) fallback = start + 1;
		if (token && text.startsWith(token, start)) return lineAndColumn(text, start + token.length);
	}
	return fallback < 0 ? { line: 1, column: 1 } : lineAndColumn(text, fallback);
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
	const before = text.slice(0, index);
	const line = before.split('\n').length;
	return { line, column: index - before.lastIndexOf('\n') };
}
