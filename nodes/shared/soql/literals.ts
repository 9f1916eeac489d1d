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
export function soqlLikeLiteral(value: string, mode: 'contains' | 'startsWith' | 'endsWith' | 'exact' = 'contains'): string {
	const escaped = escapeSoqlString(value).replace(/[%_]/g, (c) => `\\${c}`);
	const pattern = mode === 'contains' ? `%${escaped}%` : mode === 'startsWith' ? `${escaped}%` : mode === 'endsWith' ? `%${escaped}` : escaped;
	return `'${pattern}'`;
}

/**
 * A SOQL date-time literal in UTC (`2026-05-01T07:25:37Z`; milliseconds kept when present).
 * SOQL date-times are unquoted and a `+` offset would need URL-encoding, so UTC `Z` is used.
 */
export function soqlDateTime(value: DateTime | Date | string): string {
	const dt = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : value instanceof Date ? DateTime.fromJSDate(value) : value;
	if (!dt.isValid) throw new Error(`Not a valid date and time: ${String(value)}`);
	const utc = dt.toUTC();
	return utc.millisecond === 0 ? utc.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'") : utc.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
}

/** A SOQL date literal (`2026-05-01`), for date fields. */
export function soqlDate(value: DateTime | Date | string): string {
	const dt = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : value instanceof Date ? DateTime.fromJSDate(value, { zone: 'utc' }) : value;
	if (!dt.isValid) throw new Error(`Not a valid date: ${String(value)}`);
	return dt.toFormat('yyyy-MM-dd');
}
