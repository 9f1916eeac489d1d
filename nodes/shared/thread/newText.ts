import EmailReplyParser from 'email-reply-parser';
import { extractFromPlain } from 'planer';

import { tidyText } from './htmlToText';
import { trimSignOffBlock } from './signOff';
import { removeThreadTokens } from './threadTokens';

/**
 * What an email says that the thread did not say before: quoted history, signature and Salesforce
 * threading tokens removed.
 *
 * planer (Mailgun's talon algorithm) cuts the quoted history: "On ... wrote:" in several languages,
 * "-----Original Message-----" and Salesforce's longer variant, Outlook's From/Sent/To/Subject block
 * with or without its underscore line, and runs of `>` lines (inline replies are left whole). It
 * keeps at most the first 1,000 lines, which also bounds the work on a long thread's body.
 * email-reply-parser then cuts the signature ("-- ", "Sent from my iPhone", "Get Outlook for ...",
 * "Regards," blocks) and any quote header planer left (its own list of localized headers).
 */
export function extractNewText(body: string): string {
	const text = removeThreadTokens(tidyText(body));
	if (text === '') return '';
	const { text: guarded, restore } = setAsideLongLines(text);
	const unquoted = extractFromPlain(guarded);
	const visible = new EmailReplyParser().read(unquoted).getVisibleText();
	return tidyText(trimSignOffBlock(withoutTrailingRules(tidyText(restore(visible)))));
}

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
