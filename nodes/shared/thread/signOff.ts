import { LANGUAGES } from './languages';

// The rule for a signature that follows a sign-off, e.g.
//
//   Thanks,
//   Mia Clarke
//   Operations Manager
//   Juniper Telecom Co-op
//   Tel. +44 7700 900711
//
// Such a block is cut after the sender's name, which stays with the sign-off. Only a short block at
// the very end is touched (at most six short lines with no sentence among them), so a message that
// goes on after "Thanks," or "Best regards," keeps its text. Sign-offs are the English variants below
// and every language's list in languages.ts.

const ENGLISH_SIGN_OFF =
	/^(?:(?:many|best|kind|warm|warmest|with)\s+)?(?:thanks|thank you|thx|regards|wishes|best|cheers|sincerely|yours sincerely|yours truly|all the best|take care)(?:\s+(?:again|in advance|so much|very much|a lot))?\s*[,.!]?$/i;
const bare = (s: string) =>
	s
		.trim()
		.replace(/[\s,.!！。、]+$/u, '')
		.toLowerCase();
const SIGN_OFFS = new Set(Object.values(LANGUAGES).flatMap((t) => t.signOffs.map(bare)));

/** A line that is only a sign-off: "Thanks,", "Mit freundlichen Grüßen", "С уважением,". */
export function isSignOff(line: string): boolean {
	const trimmed = line.trim();
	if (trimmed.length > 60) return false;
	return ENGLISH_SIGN_OFF.test(trimmed) || SIGN_OFFS.has(bare(trimmed));
}

const MAX_BLOCK_LINES = 6;
const MAX_LINE_LENGTH = 160;
/**
 * A line of running text: five words or more ending like a sentence, and not with an abbreviation
 * (a company's "Sp. z o.o.", "GmbH & Co. KG", "Pty Ltd.") unless it is long.
 */
export function isSentence(line: string): boolean {
	const words = line.trim().split(/\s+/);
	if (words.length < 5 || !/[.?!:]$/.test(line.trim())) return false;
	const last = words[words.length - 1].replace(/[.?!:]+$/, '');
	return words.length >= 8 || (last.length >= 4 && !last.includes('.'));
}
/** A name as signed under a sign-off: one to four words of letters, without digits or symbols. */
export const NAME = /^[\p{L}][\p{L}.'’-]*(?:\s+[\p{L}][\p{L}.'’-]*){0,3}$/u;

const PARTICLES = new Set([
	'de',
	'da',
	'di',
	'do',
	'dos',
	'del',
	'van',
	'von',
	'der',
	'den',
	'le',
	'la',
	'du',
	'y',
	'e',
	'bin',
	'al',
]);
/**
 * A person's or team's name standing alone: NAME, each word capitalised (or a particle such as
 * "van", or in a script without capitals), so "Serial number" over "HB20-…" is not taken for one.
 */
export function isName(line: string): boolean {
	const trimmed = line.trim();
	if (!NAME.test(trimmed)) return false;
	return trimmed
		.split(/\s+/)
		.every((w) => /^[\p{Lu}\p{Lo}]/u.test(w) || PARTICLES.has(w.toLowerCase()));
}

/** Lines that are the message's own even when short: a postscript, a question. */
const MESSAGE_LINE = /^p\.?\s?s\.?(?:\s|:|$)|[?？]$/iu;
export const isMessageLine = (line: string) => MESSAGE_LINE.test(line.trim());

export function trimSignOffBlock(text: string): string {
	const lines = text.split('\n');
	const filled = lines
		.map((line, index) => ({ line: line.trim(), index }))
		.filter((l) => l.line !== '');
	for (let k = filled.length - 3; k >= 0 && k >= filled.length - 1 - MAX_BLOCK_LINES; k--) {
		if (!isSignOff(filled[k].line)) continue;
		const block = filled.slice(k + 1).map((l) => l.line);
		if (block.some((l) => l.length > MAX_LINE_LENGTH || isSentence(l) || isMessageLine(l)))
			return text;
		const keep = NAME.test(block[0]) ? filled[k + 1].index : filled[k].index;
		return lines.slice(0, keep + 1).join('\n');
	}
	return text;
}
