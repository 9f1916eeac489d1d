import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CountryCode } from 'libphonenumber-js';

import type { RedactionKind } from '../../../nodes/shared/redaction/findings';
import { findPersonalData, type RedactionOptions } from '../../../nodes/shared/redaction/redactor';

// Scores the detector on the labelled snippets of this folder (see README.md): per kind, precision
// (findings that are marked) and recall (marked pieces found).

export const SCORED_KINDS = ['email', 'phone', 'card', 'iban'] as const;
type ScoredKind = (typeof SCORED_KINDS)[number];

export interface Snippet {
	locale: string;
	country: CountryCode;
	text: string;
	/** Written after the detector's rules were set, and never tuned on. */
	heldOut: boolean;
	marked: Array<{ kind: ScoredKind; start: number; end: number }>;
}

const MARK = /\{\{(email|phone|card|iban):([^}]*)\}\}/g;

/** The snippets of every locale file, with their marks stripped and located. */
export function loadSnippets(dir = __dirname): Snippet[] {
	return readdirSync(dir)
		.filter((f) => /^[a-z]{2}-[A-Z]{2}\.txt$/.test(f))
		.sort()
		.flatMap((file) => {
			const locale = file.slice(0, -4);
			const country = locale.slice(3) as CountryCode;
			let heldOut = false;
			const snippets: Snippet[] = [];
			for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
				if (line.startsWith('# --- held out')) heldOut = true;
				if (line.trim() === '' || line.startsWith('#')) continue;
				const marked: Snippet['marked'] = [];
				let text = '';
				let last = 0;
				for (const m of line.matchAll(MARK)) {
					text += line.slice(last, m.index);
					marked.push({
						kind: m[1] as ScoredKind,
						start: text.length,
						end: text.length + m[2].length,
					});
					text += m[2];
					last = m.index + m[0].length;
				}
				snippets.push({ locale, country, text: text + line.slice(last), heldOut, marked });
			}
			return snippets;
		});
}

export interface KindScore {
	marked: number;
	found: number;
	right: number;
	precision: number;
	recall: number;
}

export interface RedactionScore {
	snippets: number;
	precision: number;
	recall: number;
	kinds: Record<ScoredKind, KindScore>;
	/** Each wrong or missed finding, for reading. */
	mistakes: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Runs the detector (all four kinds, each snippet with its locale's country) and counts. */
export function scoreRedaction(
	options: Omit<RedactionOptions, 'kinds' | 'country'> = {},
	snippets = loadSnippets(),
): RedactionScore {
	const counts = Object.fromEntries(
		SCORED_KINDS.map((k) => [k, { marked: 0, found: 0, right: 0 }]),
	) as Record<ScoredKind, { marked: number; found: number; right: number }>;
	const mistakes: string[] = [];
	const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
		a.start < b.end && b.start < a.end;
	for (const s of snippets) {
		const found = findPersonalData(s.text, {
			...options,
			kinds: SCORED_KINDS as readonly RedactionKind[],
			country: s.country,
		});
		for (const m of s.marked) {
			counts[m.kind].marked++;
			if (!found.some((f) => f.kind === m.kind && overlaps(f, m)))
				mistakes.push(`${s.locale} missed ${m.kind} "${s.text.slice(m.start, m.end)}": ${s.text}`);
		}
		for (const f of found) {
			const kind = f.kind as ScoredKind;
			counts[kind].found++;
			if (s.marked.some((m) => m.kind === kind && overlaps(f, m))) counts[kind].right++;
			else mistakes.push(`${s.locale} wrong ${kind} "${s.text.slice(f.start, f.end)}": ${s.text}`);
		}
	}
	const kinds = Object.fromEntries(
		SCORED_KINDS.map((k) => {
			const c = counts[k];
			// Recall counts marked pieces found (one finding may not cover two marks).
			return [k, { ...c, precision: ratio(c.right, c.found), recall: ratio(c.right, c.marked) }];
		}),
	) as Record<ScoredKind, KindScore>;
	const total = SCORED_KINDS.reduce(
		(t, k) => ({
			marked: t.marked + counts[k].marked,
			found: t.found + counts[k].found,
			right: t.right + counts[k].right,
		}),
		{ marked: 0, found: 0, right: 0 },
	);
	return {
		snippets: snippets.length,
		precision: ratio(total.right, total.found),
		recall: ratio(total.right, total.marked),
		kinds,
		mistakes,
	};
}

/**
 * The share of made-up numbers (6 to 11 random digits in groups of three, such as "See 482 913 07
 * is noted", 200 per locale's country, no word saying what they are) that the detector takes for
 * phones: how often an unlabelled order or reference number would be redacted. Fixed seed.
 */
export function randomNumbersTakenForPhones(
	phoneFinder?: RedactionOptions['phoneFinder'],
	countries: readonly CountryCode[] = [...new Set(loadSnippets().map((s) => s.country))],
): number {
	let seed = 20261205;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	let taken = 0;
	let total = 0;
	for (const country of countries)
		for (let i = 0; i < 200; i++) {
			const length = 6 + Math.floor(random() * 6);
			let digits = '';
			for (let k = 0; k < length; k++) digits += Math.floor(random() * 10);
			const text = `See ${digits.replace(/(\d{3})(?=\d{3})/g, '$1 ')} is noted`;
			total++;
			if (findPersonalData(text, { kinds: ['phone'], country, phoneFinder }).length > 0) taken++;
		}
	return taken / total;
}
