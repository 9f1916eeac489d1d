import type { CountryCode, NumberFound } from 'libphonenumber-js';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';

import type { Finding } from './findings';
import { PHONE_CUES } from './phoneCues';

/** libphonenumber-js's finder with one of its metadata builds (min, max or mobile). */
export type PhoneFinder = (
	text: string,
	options: { defaultCountry?: CountryCode },
) => NumberFound[];

/**
 * The "max" metadata: it checks each number against its country's number plan (min checks only the
 * length, and takes ZIP codes and version numbers for phones; mobile finds no landlines). The
 * measurement is in the README and `npx tsx scripts/bench.ts`.
 */
export const maxPhoneFinder: PhoneFinder = (text, options) => findPhoneNumbersInText(text, options);

/** Cue words (lower case, one space between words) to whether they introduce a phone number. */
const EXACT = new Map<string, boolean>();
/** Cues that also match as the start of a longer word ("telefon*"). */
const PREFIXES: Array<[string, boolean]> = [];
/** Cues in Chinese or Japanese script, found inside a run of text without spaces. */
const CJK_CUES: Array<[string, boolean]> = [];
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〒]/u;
for (const table of Object.values(PHONE_CUES))
	for (const side of ['phone', 'other'] as const)
		for (const cue of table[side]) {
			const word = cue.replace(/\*$/, '').toLowerCase();
			if (CJK.test(word)) CJK_CUES.push([word, side === 'phone']);
			else if (cue.endsWith('*')) PREFIXES.push([word, side === 'phone']);
			else EXACT.set(word, side === 'phone');
		}
// Longest first, so that "電話番号" wins over "番号" where both end.
CJK_CUES.sort((a, b) => b[0].length - a[0].length);
/** At most this many words between a cue and its number. */
const MAX_BETWEEN = 3;

/**
 * Whether the words just before a number (`before`) call it a phone number (true), another number
 * (false), or say nothing (undefined): the cue ending nearest the number counts, the longer of two
 * ending at the same word, with at most three words between it and the number.
 */
export function nearestCue(before: string): boolean | undefined {
	// Only the last clause counts: a cue behind a line break, a comma or a sentence's end is another's.
	const clause = before.split(/\n|[,;。、]|[.!?](?=\s+\p{Lu})/u).pop() ?? '';
	const tokens = clause
		.toLowerCase()
		.split(/\s+/)
		.map((t) => t.replace(/^[("'“«]+|[)"'”»:,;=-]+$/g, ''))
		.filter((t) => t !== '')
		.slice(-(MAX_BETWEEN + 4));
	for (let end = tokens.length; end >= Math.max(1, tokens.length - MAX_BETWEEN); end--) {
		const last = tokens[end - 1];
		if (CJK.test(last)) {
			let best: [number, boolean] | undefined;
			for (const [cue, phone] of CJK_CUES) {
				const at = last.lastIndexOf(cue);
				if (at !== -1 && (!best || at + cue.length > best[0])) best = [at + cue.length, phone];
			}
			if (best) return best[1];
		}
		for (let length = Math.min(3, end); length >= 1; length--) {
			const phone = EXACT.get(tokens.slice(end - length, end).join(' '));
			if (phone !== undefined) return phone;
		}
		for (const [prefix, phone] of PREFIXES) if (last.startsWith(prefix)) return phone;
	}
	return undefined;
}

const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
const MONEY_BEFORE = /(?:[$€£¥₹₩₽]|\b(?:EUR|USD|GBP|CHF|SEK|PLN|BRL|JPY|kr|zł|R\$))\s*$/iu;
const MONEY_OR_UNIT_AFTER =
	/^\s*(?:[$€£¥%円]|(?:EUR|USD|GBP|CHF|SEK|PLN|BRL|JPY|kr|zł|kg|km|mm|cm|MB|GB|TB|ms|h|min|Uhr|h)(?![\p{L}]))/iu;

/** Whether a number libphonenumber-js found is a phone number as the text around it writes it. */
function isPhoneInContext(text: string, found: NumberFound): boolean {
	const raw = text.slice(found.startsAt, found.endsAt);
	if (DATE.test(raw) || /\d:\d\d/.test(raw) || /^\d{4}-\d\d-\d\d(?!\d)/.test(raw)) return false;
	if (/^[:.]\d\d/.test(text.slice(found.endsAt, found.endsAt + 3))) return false;
	const before = text.slice(Math.max(0, found.startsAt - 60), found.startsAt);
	if (
		MONEY_BEFORE.test(before) ||
		MONEY_OR_UNIT_AFTER.test(text.slice(found.endsAt, found.endsAt + 5))
	)
		return false;
	const cue = nearestCue(before);
	if (cue !== undefined) return cue;
	// A bare run of digits with no word for it is an order number or an ID as often as a phone.
	return /[^\d]/.test(raw);
}

// Where a phone number can be: a run of digits, spaces and ( ) . / - (with a "+" or "(" first).
// libphonenumber-js reads each run with a few characters either side; everything else is masked with
// "|" (which is no part of a number and keeps the offsets), so that it reads a long text once and
// fast: most of an email has no digits. It reads a long run slowly (a table of figures: tens of
// microseconds a character), so a run longer than LONG_RUN is cut at a space every PIECE characters
// or so (a phone number across such a cut is missed).
const RUN = /[+(]?\p{Nd}(?:[\p{Nd}\s()./\-–]*\p{Nd})?/gu;
const LONG_RUN = 100;
/** The characters either side of a run that libphonenumber-js looks at (a time's ":15" after a date). */
const CONTEXT = 3;
const PIECE = 40;

function cutLongRun(run: string): string {
	if (run.length <= LONG_RUN) return run;
	let out = '';
	let since = 0;
	for (let i = 0; i < run.length; i++) {
		const ch = run[i];
		const cut = since >= PIECE && /\s/.test(ch);
		out += cut ? '|' : ch;
		since = cut ? 0 : since + 1;
	}
	return out;
}

function masked(text: string): string | undefined {
	let out = '';
	let last = 0;
	for (const m of text.matchAll(RUN)) {
		// No phone number has fewer than five digits (times, prices and short codes go unread).
		if (m[0].replace(/\D/g, '').length < 5) continue;
		const start = Math.max(last, m.index - CONTEXT);
		const end = Math.min(text.length, m.index + m[0].length + CONTEXT);
		out +=
			'|'.repeat(start - last) +
			text.slice(start, m.index) +
			cutLongRun(m[0]) +
			text.slice(m.index + m[0].length, end);
		last = end;
	}
	return last === 0 ? undefined : out + '|'.repeat(text.length - last);
}

/**
 * Phone numbers: what libphonenumber-js finds as a valid number of `country` (or any country, with
 * "+"), less what the words before it call an order, case, invoice or other number, dates, times,
 * prices, and bare runs of digits that no phone word introduces. Each is keyed in E.164.
 */
export function findPhoneNumbers(
	text: string,
	country: CountryCode | undefined,
	finder: PhoneFinder = maxPhoneFinder,
): Finding[] {
	const runs = masked(text);
	if (runs === undefined) return [];
	return finder(runs, { defaultCountry: country })
		.filter((found) => isPhoneInContext(text, found))
		.map((found) => ({
			kind: 'phone' as const,
			start: found.startsAt,
			end: found.endsAt,
			key: found.number.number,
		}));
}
