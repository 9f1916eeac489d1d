import type { Finding } from './findings';

// Found by scanning out from each "@" rather than by one regular expression: a pattern such as
// `[\w.]+@[\w.]+\.\w+` backtracks on a long run of word characters without an "@" (quadratic time).
const LOCAL = /[\p{L}\p{N}._%+'-]/u;
const DOMAIN = /[\p{L}\p{N}.-]/u;
const TLD = /\.[\p{L}]{2,}$/u;

/** Email addresses, each keyed in lower case. */
export function findEmailAddresses(text: string): Finding[] {
	const out: Finding[] = [];
	let at = text.indexOf('@');
	let floor = 0;
	while (at !== -1) {
		let start = at;
		while (start > floor && LOCAL.test(text[start - 1])) start--;
		while (start < at && text[start] === '.') start++;
		let end = at + 1;
		while (end < text.length && DOMAIN.test(text[end])) end++;
		while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
		const domain = text.slice(at + 1, end);
		if (start < at && domain.includes('.') && TLD.test(domain) && !domain.includes('..')) {
			out.push({ kind: 'email', start, end, key: text.slice(start, end).toLowerCase() });
			floor = end;
		}
		at = text.indexOf('@', Math.max(at + 1, floor));
	}
	return out;
}
