// Scores a new-text extractor on corpus.json: exact (whitespace aside), mean similarity (1 - edit
// distance / longer length), leaks (a piece of the quoted history or signature kept) and losses (a
// piece of the new text dropped). HTML bodies are read as the trigger reads them (htmlToText first).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import EmailReplyParser from 'email-reply-parser';
import { distance } from 'fastest-levenshtein';
import { extractFromPlain } from 'planer';

import { extractNewText, htmlToText } from '../../../nodes/shared/thread';
import type { CorpusEmail } from './generate';

export type Extractor = (plainBody: string) => string;

export interface Score {
	emails: number;
	exactPct: number;
	similarity: number;
	leaks: number;
	losses: number;
	/** Ids of the emails that were not exact. */
	misses: string[];
}

export function loadCorpus(): CorpusEmail[] {
	return JSON.parse(readFileSync(join(__dirname, 'corpus.json'), 'utf8')) as CorpusEmail[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The body as the extraction receives it: the text body, or the HTML body as text. */
export const plainBody = (email: CorpusEmail) =>
	email.format === 'html' ? htmlToText(email.body) : email.body;

export function score(extract: Extractor, corpus: readonly CorpusEmail[] = loadCorpus()): Score {
	let exact = 0;
	let similarity = 0;
	let leaks = 0;
	let losses = 0;
	const misses: string[] = [];
	for (const email of corpus) {
		const got = norm(extract(plainBody(email)));
		const want = norm(email.expected);
		if (got === want) exact++;
		else misses.push(email.id);
		const longer = Math.max(got.length, want.length);
		similarity += longer === 0 ? 1 : 1 - distance(got, want) / longer;
		if (email.leaks.some((piece) => got.includes(piece))) leaks++;
		if (email.keep.some((piece) => !got.includes(piece))) losses++;
	}
	const n = corpus.length;
	const round = (x: number, digits: number) => Number(x.toFixed(digits));
	return {
		emails: n,
		exactPct: round((100 * exact) / n, 1),
		similarity: round(similarity / n, 3),
		leaks,
		losses,
		misses,
	};
}

/** The extractors compared: ours, and each library alone. */
export const EXTRACTORS: Readonly<Record<string, Extractor>> = {
	newText: extractNewText,
	planer: (body) => extractFromPlain(body),
	emailReplyParser: (body) => new EmailReplyParser().read(body).getVisibleText(),
};

if (require.main === module) {
	const corpus = loadCorpus();
	for (const [name, extract] of Object.entries(EXTRACTORS)) {
		const { misses, ...figures } = score(extract, corpus);
		console.log(name, JSON.stringify(figures));
		if (process.argv.includes('--misses') && name === 'newText') console.log(misses.join('\n'));
	}
}
