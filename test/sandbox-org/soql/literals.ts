import { parseDate, parseDateTime } from '../core/format';

// Values written in a query: quoted strings (with SOQL's escapes), LIKE patterns, date-times.

const ESCAPES: Record<string, string> = {
	n: '\n',
	N: '\n',
	r: '\r',
	R: '\r',
	t: '\t',
	T: '\t',
	b: '\b',
	B: '\b',
	f: '\f',
	F: '\f',
	'"': '"',
	"'": "'",
	'\\': '\\',
};

/** An escape sequence SOQL does not know, found in a string literal. */
export class IllegalEscape {
	constructor(
		readonly literal: string,
		readonly sequence: string,
	) {}

	get message(): string {
		return `Invalid string literal '${this.literal.slice(1, -1)}'. Illegal character sequence '${this.sequence}' in string literal.`;
	}
}

/** Whether a parsed value is a quoted string literal (soql-parser-js keeps the quotes). */
export function isQuoted(raw: string): boolean {
	return raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'");
}

/** The value of a quoted literal: `'O\'Brien'` -> `O'Brien`. `\%` and `\_` are only allowed in LIKE. */
export function stringValue(raw: string): string | IllegalEscape {
	let out = '';
	const body = raw.slice(1, -1);
	for (let i = 0; i < body.length; i++) {
		const c = body.charAt(i);
		if (c !== '\\') {
			out += c;
			continue;
		}
		const next = body.charAt(++i);
		const value = ESCAPES[next];
		if (value === undefined) return new IllegalEscape(raw, `\\${next}`);
		out += value;
	}
	return out;
}

/** A LIKE pattern as a case-insensitive RegExp: `%` any run, `_` one character, `\%` and `\_` themselves. */
export function likePattern(raw: string): RegExp | IllegalEscape {
	let source = '';
	const body = raw.slice(1, -1);
	for (let i = 0; i < body.length; i++) {
		const c = body.charAt(i);
		if (c === '%') source += '[\\s\\S]*';
		else if (c === '_') source += '[\\s\\S]';
		else if (c === '\\') {
			const next = body.charAt(++i);
			const value = next === '%' || next === '_' ? next : ESCAPES[next];
			if (value === undefined) return new IllegalEscape(raw, `\\${next}`);
			source += escapeRegExp(value);
		} else source += escapeRegExp(c);
	}
	return new RegExp(`^${source}$`, 'i');
}

/** A date-time literal (`2026-05-01T07:25:37Z`, `...37.000+0000`, `...37+02:00`) in epoch ms. */
export function dateTimeValue(text: string): number | undefined {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i.test(text))
		return undefined;
	return parseDateTime(text.toUpperCase().replace(/(\.\d{3})\d+/, '$1'));
}

/** A date literal (`2026-05-01`), checked. */
export function dateValue(text: string): string | undefined {
	const date = parseDate(text);
	if (!date) return undefined;
	const [y, m, d] = date.split('-').map(Number);
	const check = new Date(Date.UTC(y, m - 1, d));
	return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? date : undefined;
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}
