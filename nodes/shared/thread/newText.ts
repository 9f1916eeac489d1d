import { extractFromPlain } from 'planer';

import { tidyText } from './htmlToText';
import { cutQuotedHistory, isQuoted } from './quoteHeaders';
import { cutSignature } from './signature';
import { removeThreadTokens } from './threadTokens';

/**
 * What an email says that the thread did not say before: quoted history, signature and Salesforce
 * threading tokens removed.
 *
 * The quoted history is cut first with every language's quote headers and separators
 * (quoteHeaders.ts, languages.ts), which also handles inline replies; planer (Mailgun's talon
 * algorithm) then cuts what those rules did not recognise (its own "On ... wrote:" patterns and runs
 * of `>` lines). The signature is cut last, by its shape (signature.ts). email-reply-parser is not
 * used: its headers are a subset of the tables, and it cuts everything after a "Regards," line.
 *
 * planer reads at most MAX_LINES lines; a longer new text keeps its first MAX_LINES lines and says
 * how many more there were.
 */
export const MAX_LINES = 1000;

export function extractNewText(body: string): string {
	const text = removeThreadTokens(tidyText(body));
	if (text === '') return '';
	const reply = cutQuotedHistory(text.split('\n'));
	const lines = [...reply.lines, ...(reply.forwarded.length > 0 ? ['', ...reply.forwarded] : [])];
	const more = Math.max(0, lines.length - MAX_LINES);
	if (more > 0) {
		const head = tidyText(lines.slice(0, MAX_LINES).join('\n'));
		// When planer cuts a quote in the first lines, the lines past them are quoted too.
		const unquoted = withoutQuotes(head);
		return unquoted === head ? `${head}\n\n[… ${more} more lines not shown]` : finish(unquoted);
	}
	const own = finish(withoutQuotes(reply.lines.join('\n')));
	return reply.forwarded.length > 0 ? tidyText(`${own}\n\n${reply.forwarded.join('\n')}`) : own;
}

/**
 * planer's cut of the quoted history, on text whose long lines are set aside. Its cut is taken when
 * it starts on a quote: a `>` line, or a header line (ending with a colon, or with an address in it).
 * planer also takes some sentences for headers (a Danish line starting "På faktura 2026-…"): then
 * the text stays whole.
 */
function withoutQuotes(text: string): string {
	const { text: guarded, restore } = setAsideLongLines(text);
	const kept = tidyText(restore(extractFromPlain(guarded)));
	const whole = tidyText(text);
	if (kept === whole || !whole.startsWith(kept)) return kept;
	const cutAt = whole.slice(kept.length).trimStart().split('\n', 1)[0].trim();
	return isQuoted(cutAt) || /[:：]$|@/.test(cutAt) ? kept : whole;
}

const finish = (text: string) => tidyText(cutSignature(withoutTrailingRules(text)));

/**
 * Quote headers and signature lines are short; some of the libraries' regular expressions backtrack
 * quadratically on a long line (a line of 100,000 dashes took half a minute). The text of longer
 * lines is replaced by a placeholder while the libraries run, and put back after; a quote prefix
 * (`> `) stays in place, so that the line still counts as quoted.
 */
const LONG_LINE = 200;
/** Private-use characters around the line's number: no mail text collides with it. */
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

function setAsideLongLines(text: string): { text: string; restore: (s: string) => string } {
	const long: string[] = [];
	const guarded = text
		.split('\n')
		.map((line) => {
			if (line.length <= LONG_LINE) return line;
			const prefix = /^[>\s]*/.exec(line)?.[0] ?? '';
			return `${prefix}\uE000${long.push(line.slice(prefix.length)) - 1}\uE001`;
		})
		.join('\n');
	return {
		text: guarded,
		restore: (s) =>
			long.length === 0 ? s : s.replace(PLACEHOLDER, (m, i: string) => long[Number(i)] ?? m),
	};
}

/** A separator line left at the end once the quote below it is cut (html-to-text writes <hr> as dashes). */
function withoutTrailingRules(text: string): string {
	return text.replace(/(?:\n[ \t]*[-_=*~]{2,}[ \t]*)+$/, '');
}
