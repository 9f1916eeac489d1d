import { LANGUAGES, type LanguageTable } from './languages';

// Where the quoted history starts, read with every language's table (languages.ts):
//
// - a separator line: "-----Original Message-----", "-----Ursprüngliche Nachricht-----", …;
// - an Outlook header block: a sender label ("From:", "Von:", "Da:", "От:", "差出人:") with at least
//   two more labels (date, recipients, copy, subject) in the lines under it, cut with the
//   underscore or dash line Outlook draws above it; or Lotus Notes' To/cc/Subject block under the
//   sender's name and the date;
// - an attribution line ("On …, Ana <a@b.c> wrote:", "Am … schrieb …:", "…님이 작성:",
//   "пн, 4 мая 2026 г. в 09:12, Ana <a@b.c>:", "Wiadomość napisana przez Ana … w dniu …:"), also
//   wrapped over two or three lines as Gmail and Thunderbird write it in plain text, with a date,
//   time or address in it ("Ana wrote:" alone only over a quote); Zendesk's "reply above this line";
// - a run of `>` lines at the end (the quote of a reply that has no header).
//
// A forwarded mail's marker ("---------- Forwarded message ---------", "Begin forwarded message:")
// ends the search: what follows is the message being passed on, which is new to the thread.
//
// Inline replies (answers between `>` lines) keep the quoted questions they answer; the attribution
// above them and the quote after the last answer go. A single quote at the top followed by the
// reply (bottom-posting) is the earlier mail: it goes too. An unquoted line of one or two between
// two `>` lines, right after a long quoted line that stops mid-sentence or reaches the wrap width
// with the fragment's first word, is the quote hard-wrapped by a client, not an answer.
//
// Every test is on one line of at most MAX_LINE characters (three joined for a wrapped attribution),
// with regular expressions that have no nested repetition and bounded runs: the work grows with the
// body's length, not faster.

/** Quote headers are short; a longer line is text. */
const MAX_LINE = 300;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const all = (pick: (t: LanguageTable) => string[]) =>
	[...new Set(Object.values(LANGUAGES).flatMap(pick))].sort((a, b) => b.length - a.length);
const alternation = (words: string[]) => words.map(escape).join('|');

type Label = 'from' | 'date' | 'to' | 'cc' | 'subject';
const LABEL_KINDS: Label[] = ['from', 'date', 'to', 'cc', 'subject'];
const LABELS = new Map<string, Label>();
for (const kind of LABEL_KINDS) {
	for (const word of all((t) => t[kind])) {
		if (!LABELS.has(word.toLowerCase())) LABELS.set(word.toLowerCase(), kind);
	}
}
/**
 * The kind of header label a line starts with ("From:", "*Von:*", "De :", "보낸 사람:"), or undefined:
 * the words before the first colon, looked up in the tables.
 */
function labelOf(line: string): Label | undefined {
	const colon = line.search(/[:：]/);
	if (colon <= 0 || colon > 40) return undefined;
	return LABELS.get(
		line
			.slice(0, colon)
			.replace(/^[\s*]+|[\s*]+$/g, '')
			.toLowerCase(),
	);
}

/** Lower-cased, dashes, underscores and a closing colon taken off both ends: a marker's words. */
function markerWords(line: string): string {
	let start = 0;
	let end = line.length;
	const edge = (c: string) =>
		c === '-' || c === '_' || c === '=' || c === ' ' || c === '\t' || c === '*';
	while (start < end && edge(line[start])) start++;
	while (end > start && (edge(line[end - 1]) || line[end - 1] === ':' || line[end - 1] === '：'))
		end--;
	return line.slice(start, end).toLowerCase();
}
const ORIGINAL_MESSAGE = new Set(all((t) => t.originalMessage).map((w) => w.toLowerCase()));
const FORWARDED = new Set(all((t) => t.forwarded).map((w) => w.toLowerCase()));

/** "-----Original Message-----" and its translations, with dashes around the words. */
export function isOriginalMessageLine(line: string): boolean {
	const trimmed = line.trim();
	return /^[-_=]{2}/.test(trimmed) && ORIGINAL_MESSAGE.has(markerWords(trimmed));
}

export function isForwardMarker(line: string): boolean {
	const trimmed = line.trim();
	if (trimmed.length > 100 || !/[-:：]$/.test(trimmed)) return false;
	return FORWARDED.has(markerWords(trimmed));
}

/** Help desks' marker over the quoted conversation ("##- Please type your reply above this line -##"). */
const REPLY_ABOVE = /^[\s#>*-]{0,10}(?:please )?(?:type your )?reply above this line\b/i;

/** The line Outlook draws above its header block: underscores, or dashes alone. */
const RULE = /^[ \t]*(?:_{5,}|-{5,})[ \t]*$/;

/** The verb, then the colon, or the writer's name and then the colon ("schreef Ruben Smit:"). */
const WROTE = new RegExp(
	`(?:${alternation(all((t) => t.wrote))})(?:[ \\t][^:：\\n]{0,100})?[ \\t]*[:：][ \\t]*$`,
	'iu',
);
/** Gmail in Russian, Japanese and Czech ends the attribution with the address: "…, Ana <a@b.c>:". */
const ADDRESS_COLON = /[>\]][ \t]*[:：][ \t]*$/;
/** What makes an attribution more than a sentence ending in "wrote:": a time, a year or an address. */
const TIME_OR_DATE = /\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b|\d年|@/;
/** A date first, an address last: "2012/4/21 Ana <a@b.c>". */
const DATED_ADDRESS = /^[ \t]*\d{2,4}[/.-]\d{1,2}[/.-]\d{1,4}\b.*[>\]][ \t]*$/;
/**
 * Over unquoted text (a quote whose `>` the HTML lost), an attribution needs an address or both a
 * date and a time: "My electrician wrote on 4 May 2026:" over a paragraph is the message's own.
 */
const YEAR = /\b(?:19|20)\d{2}\b|\d年|\d{1,2}[./]\d{1,2}[./]\d{2}\b/;
const TIME = /\d{1,2}[:.]\d{2}/;
const headerOverText = (header: string) =>
	/@|</.test(header) || (YEAR.test(header) && TIME.test(header));
const OPENERS = all((t) => t.openers).map((w) => w.toLowerCase());
const WRITTEN_BY = all((t) => t.writtenBy).map((w) => w.toLowerCase());

const startsWithWord = (line: string, words: readonly string[]) => {
	const lower = line.trimStart().toLowerCase();
	return words.some(
		(w) => lower.startsWith(w) && (lower.length === w.length || /[\s,]/.test(lower[w.length])),
	);
};
const startsLikeAttribution = (line: string) =>
	/^\s*\d/.test(line) || startsWithWord(line, OPENERS);

const isBlank = (line: string) => line.trim() === '';
export const isQuoted = (line: string) => /^[ \t]*>/.test(line);

/**
 * The first line of an attribution that ends on line `end`, or -1. The shortest run of lines (one
 * to three) that reads as an attribution, extended upwards to where it starts like one ("On",
 * "Am", a weekday, a date) when a client wrapped it.
 */
function attributionStart(lines: readonly string[], end: number): number {
	const last = lines[end].trimEnd();
	if (last.length > MAX_LINE || !(last.endsWith(':') || last.endsWith('：'))) return -1;
	const wrote = WROTE.test(last) || ADDRESS_COLON.test(last);
	let found = -1;
	let joined = '';
	for (let start = end; start >= 0 && start > end - 3; start--) {
		const line = lines[start];
		if (isBlank(line) || isQuoted(line) || line.length > MAX_LINE) break;
		joined = joined === '' ? line.trim() : `${line.trim()} ${joined}`;
		if (!TIME_OR_DATE.test(joined)) continue;
		// "Wiadomość napisana przez Ana <a@b.c> w dniu 4.05.2026, o godz. 09:12:"
		if (startsWithWord(line, WRITTEN_BY)) return start;
		if (!wrote) continue;
		if (found === -1) found = start;
		if (startsLikeAttribution(line)) return start;
	}
	// An address wrapped after its "<": "Ольга Иванова <" / "support@… > написал:".
	while (found > 0 && found > end - 3 && /[<([][ \t]*$/.test(lines[found - 1])) found--;
	return found;
}

/** The sender label and at least two other labels in the lines from `start`: Outlook's block. */
function isHeaderBlock(lines: readonly string[], start: number): boolean {
	const kinds = new Set<Label>();
	let other = 0;
	for (let i = start; i < lines.length && i < start + 12; i++) {
		const line = lines[i];
		if (isBlank(line)) continue;
		const kind = labelOf(line);
		if (!kind) {
			// A recipients list wrapped onto more lines, or values under their labels (HTML tables).
			if (kinds.size === 0 || ++other > 4) break;
			continue;
		}
		kinds.add(kind);
	}
	if (kinds.size < 3) return false;
	// Lotus Notes names the sender and the date above its "To:/cc:/Subject:" lines, unlabelled.
	return kinds.has('from') || (kinds.has('to') && kinds.has('subject'));
}

/** Lotus Notes' unlabelled sender and date lines right above its header labels. */
function withSenderAbove(lines: readonly string[], start: number): number {
	if (labelOf(lines[start]) === 'from') return start;
	let i = start;
	while (i > 0 && i > start - 2 && !isBlank(lines[i - 1]) && /@|\d[/.]\d/.test(lines[i - 1])) i--;
	return i;
}

/** The header block's first line, with the rule or "Original Message" line drawn above it. */
function withRuleAbove(lines: readonly string[], start: number): number {
	let i = start - 1;
	while (i >= 0 && isBlank(lines[i])) i--;
	return i >= 0 && (RULE.test(lines[i]) || isOriginalMessageLine(lines[i])) ? i : start;
}

export interface Reply {
	/** The reply's own lines, without the quoted history. */
	lines: string[];
	/** A forwarded mail under the reply, from its marker line on, kept as written. */
	forwarded: string[];
}

/**
 * The lines of a reply without the quoted history: cut at the first quote header, or, for an
 * inline reply, without its attribution and the quote after its last answer.
 */
export function cutQuotedHistory(lines: readonly string[]): Reply {
	const dropped = new Set<number>();
	let end = lines.length;
	let forwarded: string[] = [];
	/** Where the quote at the end starts: a quote above it is answered below. */
	const answersEnd = withoutQuotedTail(lines).length;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (isBlank(line) || isQuoted(line) || line.length > MAX_LINE * 4) continue;
		if (isForwardMarker(line)) {
			forwarded = lines.slice(i);
			end = i;
			break;
		}
		if (isOriginalMessageLine(line) || REPLY_ABOVE.test(line)) {
			end = i;
			break;
		}
		if (labelOf(line) && isHeaderBlock(lines, i)) {
			end = withRuleAbove(lines, withSenderAbove(lines, i));
			break;
		}
		let next = i + 1;
		while (next < lines.length && isBlank(lines[next])) next++;
		const quoteFollows = next < lines.length && isQuoted(lines[next]);
		let start = attributionStart(lines, i);
		if (start === -1 && quoteFollows && line.length <= 100) {
			// "Voltaris Support wrote:" over a quote, as older clients write it, with no date;
			// "2012/4/21 Ana <a@b.c>" over a quote, as Gmail once wrote it in Asian locales.
			if (WROTE.test(line) || (DATED_ADDRESS.test(line) && TIME_OR_DATE.test(line))) start = i;
		}
		if (start === -1) continue;
		if (quoteFollows) {
			if (next < answersEnd) {
				// An inline reply: the answers follow the quoted lines.
				for (let k = start; k <= i; k++) dropped.add(k);
				continue;
			}
		} else if (!headerOverText(lines.slice(start, i + 1).join(' '))) {
			continue;
		}
		end = withRuleAbove(lines, start);
		break;
	}
	const kept = lines.slice(0, end).filter((_, i) => !dropped.has(i));
	return { lines: withoutTopQuote(withoutQuotedTail(kept)), forwarded };
}

/** Terminal punctuation: a quoted line ending with it was not cut mid-sentence by a hard wrap. */
const SENTENCE_END = /[.!?:;。！？：)"'»”]$/;

/** Plain-text clients wrap at 72 to 78 columns. */
const WRAP_WIDTH = 72;

/**
 * A `>` line that a client wrapped: long, and stopping mid-sentence or so long that the next word
 * would have passed the wrap width.
 */
function wrappedBefore(line: string, next: string): boolean {
	const text = line.replace(/^[ \t>]+/, '').trimEnd();
	if (text.length < 30) return false;
	const word = next.trimStart().split(/\s/, 1)[0];
	return !SENTENCE_END.test(text) || line.trimEnd().length + 1 + word.length > WRAP_WIDTH;
}

/**
 * Lines `start` to `end` (exclusive), unquoted, are the quote hard-wrapped by a client: one or two
 * lines right between two `>` lines, the one above wrapped before them (wrappedBefore).
 */
function isWrappedFragment(lines: readonly string[], start: number, end: number): boolean {
	return (
		end - start <= 2 &&
		end < lines.length &&
		isQuoted(lines[end]) &&
		start > 0 &&
		isQuoted(lines[start - 1]) &&
		wrappedBefore(lines[start - 1], lines[start])
	);
}

/** The lines without the `>` lines (and blank lines) at the end, across hard-wrapped fragments. */
export function withoutQuotedTail(lines: readonly string[]): string[] {
	let end = lines.length;
	while (end > 0) {
		const line = lines[end - 1];
		if (isBlank(line) || isQuoted(line)) {
			end--;
			continue;
		}
		let start = end - 1;
		while (start > 0 && !isBlank(lines[start - 1]) && !isQuoted(lines[start - 1])) start--;
		if (!isWrappedFragment(lines, start, end)) break;
		end = start;
	}
	return lines.slice(0, end);
}

/** Bottom-posting: one quote at the top, then the reply. The quote is the earlier mail. */
function withoutTopQuote(lines: string[]): string[] {
	let first = 0;
	while (first < lines.length && isBlank(lines[first])) first++;
	if (first === lines.length || !isQuoted(lines[first])) return lines;
	let after = first;
	while (after < lines.length) {
		if (isQuoted(lines[after]) || isBlank(lines[after])) {
			after++;
			continue;
		}
		let end = after;
		while (end < lines.length && !isBlank(lines[end]) && !isQuoted(lines[end])) end++;
		if (!isWrappedFragment(lines, after, end)) break;
		after = end;
	}
	const rest = lines.slice(after);
	return rest.some(isQuoted) ? lines : rest;
}
