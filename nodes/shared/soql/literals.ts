import { DateTime } from 'luxon';

// SOQL literals. Every value a user types reaches a query only through these functions.

const STRING_ESCAPES: Record<string, string> = {
	'\\': '\\\\',
	"'": "\\'",
	'"': '\\"',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\b': '\\b',
	'\f': '\\f',
};

/** Escapes a value for use inside a quoted SOQL string literal. */
export function escapeSoqlString(value: string): string {
	return value.replace(/[\\'"\n\r\t\b\f]/g, (c) => STRING_ESCAPES[c]);
}

/** A quoted SOQL string literal: `'O\'Brien'`. */
export function soqlString(value: string): string {
	return `'${escapeSoqlString(value)}'`;
}

/** A quoted literal for LIKE that matches `value` literally (its `%` and `_` escaped too). */
export function soqlLikeLiteral(
	value: string,
	mode: 'contains' | 'startsWith' | 'endsWith' | 'exact' = 'contains',
): string {
	const escaped = escapeSoqlString(value).replace(/[%_]/g, (c) => `\\${c}`);
	const pattern =
		mode === 'contains'
			? `%${escaped}%`
			: mode === 'startsWith'
				? `${escaped}%`
				: mode === 'endsWith'
					? `%${escaped}`
					: escaped;
	return `'${pattern}'`;
}

/**
 * A SOQL date-time literal in UTC (`2026-05-01T07:25:37Z`; milliseconds kept when present).
 * SOQL date-times are unquoted and a `+` offset would need URL-encoding, so UTC `Z` is used.
 */
export function soqlDateTime(value: DateTime | Date | string): string {
	const dt =
		typeof value === 'string'
			? DateTime.fromISO(value, { setZone: true })
			: value instanceof Date
				? DateTime.fromJSDate(value)
				: value;
	if (!dt.isValid || (typeof value === 'string' && looksLikeBareNumber(value)))
		throw new Error(`Not a valid date and time: ${String(value)}`);
	const outside = dateRangeProblem(dt);
	if (outside) throw new Error(outside);
	const utc = dt.toUTC();
	return utc.millisecond === 0
		? utc.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")
		: utc.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
}

/** A SOQL date literal (`2026-05-01`), for date fields. */
export function soqlDate(value: DateTime | Date | string): string {
	const dt =
		typeof value === 'string'
			? DateTime.fromISO(value, { setZone: true })
			: value instanceof Date
				? DateTime.fromJSDate(value, { zone: 'utc' })
				: value;
	if (!dt.isValid || (typeof value === 'string' && looksLikeBareNumber(value)))
		throw new Error(`Not a valid date: ${String(value)}`);
	const outside = dateRangeProblem(dt);
	if (outside) throw new Error(outside);
	return dt.toFormat('yyyy-MM-dd');
}

/** A decimal number as people write it: digits, an optional point and fraction, an optional exponent (`1e21`). No hex, no `_`, no `Infinity`. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A number written as a SOQL and JSON decimal, never in exponent notation (`1e21` becomes
 * `1000000000000000000000`, `1e-7` becomes `0.0000001`); undefined when `value` is not a decimal
 * number (`0x10`, `1_000`, `ten`, `NaN`, `Infinity`, an empty string, a boolean).
 */
export function decimalText(value: unknown): string | undefined {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		text = String(value);
	} else if (typeof value === 'string') text = value.trim();
	else return undefined;
	const m = DECIMAL.exec(text);
	if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
	const [, sign, intPart, fracPart = '', exp = '0'] = m;
	const shift = Number(exp);
	if (!Number.isSafeInteger(shift) || Math.abs(shift) > 400) return undefined;
	let digits = `${intPart}${fracPart}`;
	let point = intPart.length + shift;
	if (point < 0) {
		digits = '0'.repeat(-point) + digits;
		point = 0;
	}
	if (point > digits.length) digits += '0'.repeat(point - digits.length);
	const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
	const fraction = digits.slice(point).replace(/0+$/, '');
	const out = fraction ? `${whole}.${fraction}` : whole;
	return sign === '-' && /[1-9]/.test(out) ? `-${out}` : out;
}

/** `true`/`false` in any case (`TRUE`, `False`), or a boolean; undefined for anything else. */
export function booleanOf(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (typeof value !== 'string') return undefined;
	const s = value.trim().toLowerCase();
	return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** Salesforce stores dates and date-times from 1700-01-01 to 4000-12-31. */
export const SALESFORCE_YEARS = { min: 1700, max: 4000 } as const;

/** Why a date is outside what Salesforce stores, or undefined when it is inside. */
export function dateRangeProblem(dt: DateTime): string | undefined {
	const year = dt.toUTC().year;
	if (year < SALESFORCE_YEARS.min || year > SALESFORCE_YEARS.max)
		return `Salesforce stores dates from the year ${SALESFORCE_YEARS.min} to ${SALESFORCE_YEARS.max}; this one is in ${year}`;
	return undefined;
}

/** A bare number (`1767225600`), which is not a date unless the user says how to read it. */
export const looksLikeBareNumber = (value: unknown): boolean =>
	typeof value === 'number' ||
	(typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value.trim()));
