import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';

import type { SalesforceError } from '../http/errors';
import { malformed } from './errors';
import type { SourceMap } from './source';

interface RecognitionError {
	token?: { image?: string; startOffset?: number; tokenType?: { name?: string } };
}

interface LexingError {
	offset: number;
}

/** What soql-parser-js logged when a parse failed. */
type Attempt = { query: Query } | { logged: unknown[] };

/**
 * Parses SOQL with soql-parser-js. Its exceptions drop the offending token, but with `logErrors`
 * it logs the parser's own errors (which carry it); those are captured to place the caret.
 */
export function parseSoql(source: SourceMap): Query {
	const first = attempt(source.text);
	if ('query' in first) return first.query;
	// soql-parser-js does not accept OFFSET right after a WHERE condition (`WHERE a = 1 OFFSET 5`),
	// which SOQL allows; a LIMIT as large as SOQL's own changes nothing and lets it parse.
	const patched = limitBeforeBareOffset(source);
	if (patched !== undefined) {
		const second = attempt(patched);
		if ('query' in second) return second.query;
	}
	throw syntaxError(source, first.logged);
}

function attempt(text: string): Attempt {
	const logged: unknown[] = [];
	const log = console.log;
	console.log = (...args: unknown[]) => {
		logged.push(...args);
	};
	try {
		return { query: parseQuery(text, { logErrors: true }) };
	} catch {
		return { logged };
	} finally {
		console.log = log;
	}
}

function limitBeforeBareOffset(source: SourceMap): string | undefined {
	const tokens = source.tokens;
	let text = source.text;
	let changed = false;
	for (let i = tokens.length - 2; i >= 1; i--) {
		const isOffset =
			tokens[i].kind === 'word' &&
			tokens[i].text.toUpperCase() === 'OFFSET' &&
			tokens[i + 1].kind === 'number';
		const afterLimit =
			tokens[i - 1].kind === 'number' && tokens[i - 2]?.text.toUpperCase() === 'LIMIT';
		if (!isOffset || afterLimit) continue;
		text = `${text.slice(0, tokens[i].start)}LIMIT 2147483647 ${text.slice(tokens[i].start)}`;
		changed = true;
	}
	return changed ? text : undefined;
}

function syntaxError(source: SourceMap, logged: unknown[]): SalesforceError {
	const errors = logged.find((x): x is unknown[] => Array.isArray(x)) ?? [];
	const first = errors[0] as (RecognitionError & Partial<LexingError>) | undefined;
	if (first && typeof first.offset === 'number') {
		return malformed(
			`unexpected token: '${source.text.charAt(first.offset)}'`,
			source,
			first.offset,
		);
	}
	const token = first?.token;
	const atEnd =
		!token || token.tokenType?.name === 'EOF' || !token.image || Number.isNaN(token.startOffset);
	if (atEnd) return malformed(`unexpected token: '<EOF>'`, source, source.endOffset);
	return malformed(
		`unexpected token: '${token.image}'`,
		source,
		token.startOffset ?? source.endOffset,
	);
}
