import { LANGUAGES } from './languages';
import { isMessageLine, isName, isSentence, isSignOff, trimSignOffBlock } from './signOff';

// The signature at the end of a reply, cut by its shape, never by the first words of a sentence:
//
// 1. the "-- " line (RFC 3676's signature separator) and what follows it, when that is a short block;
// 2. known footers at the end: a confidentiality notice or a mailing list's footer (they run to the
//    end, with the rule drawn above them), and a mobile app's "Sent from my iPhone" when it is a
//    whole line with at most a few short lines after it;
// 3. a block of short lines under the sender's name after the last paragraph, when one of them is
//    contact data (a number, an address, a link): title, company, phone and address go, the name stays;
// 4. a block under a sign-off line ("Thanks,", "Mit freundlichen Grüßen"): see signOff.ts.
//
// Only the last lines are looked at (TAIL), so "Best regards" in the middle of a mail cuts nothing.

const TAIL = 25;
/** A signature line: short, not a sentence. */
const MAX_SIGNATURE_LINE = 80;
const MAX_BLOCK = 10;

const SENT_FROM = Object.values(LANGUAGES).flatMap((t) => t.sentFrom);
const FOOTERS = [...new Set(Object.values(LANGUAGES).flatMap((t) => t.footers))].map((f) =>
	f.toLowerCase(),
);
/** Mailman's and Google Groups' footers, whatever the list's language. */
const LIST_FOOTER =
	/mailing list$|\/listinfo\/|^to unsubscribe from this group|^you received this message because/i;
const RULE = /^[ \t]*(?:_{5,}|-{5,}|={5,}|\*{5,})[ \t]*$/;
/** RFC 3676's "-- ", and the dash some clients and people write instead. */
const DELIMITER = /^(?:--|—|–)[ \t]?$/;
/** Contact data: a phone or street number, an address, a link or web address, a "Company | title" line. */
const CONTACT = /\d|@|https?:\/\/|www\.|\||^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?$/i;

const isBlank = (line: string) => line.trim() === '';
const isSentFrom = (line: string) => {
	const trimmed = line.trim();
	return trimmed.length <= 160 && SENT_FROM.some((re) => re.test(trimmed));
};
const isFooterStart = (line: string) => {
	const lower = line.trim().toLowerCase();
	return LIST_FOOTER.test(lower) || FOOTERS.some((f) => lower.startsWith(f));
};
const isSignatureLine = (line: string) =>
	line.trim().length <= MAX_SIGNATURE_LINE && !isSentence(line);

export function cutSignature(text: string): string {
	let lines = text.split('\n');
	lines = cutAtDelimiter(lines);
	lines = cutFooters(lines);
	lines = cutContactBlock(lines);
	return trimSignOffBlock(lines.join('\n'));
}

/** The line index where the last TAIL lines start. */
const tailStart = (lines: readonly string[]) => Math.max(0, lines.length - TAIL);

function cutAtDelimiter(lines: string[]): string[] {
	for (let i = tailStart(lines); i < lines.length; i++) {
		if (!DELIMITER.test(lines[i])) continue;
		const after = lines.slice(i + 1).filter((l) => !isBlank(l));
		if (after.length <= MAX_BLOCK * 2 && lines.slice(0, i).some((l) => !isBlank(l))) {
			return lines.slice(0, i);
		}
	}
	return lines;
}

function cutFooters(lines: string[]): string[] {
	for (let i = tailStart(lines); i < lines.length; i++) {
		const line = lines[i];
		if (isBlank(line)) continue;
		let cut = false;
		// A footer runs to the end: a sign-off under it means it was a sentence of the message.
		if (isFooterStart(line)) cut = !lines.slice(i + 1).some(isSignOff);
		else if (isSentFrom(line)) {
			const after = lines.slice(i + 1).filter((l) => !isBlank(l));
			// Only signature lines may follow ("Get Outlook for iOS", a name), never a sentence.
			cut = after.length <= 3 && after.every((l) => isSignatureLine(l) && !/[.?!]$/.test(l.trim()));
		}
		if (!cut) continue;
		let start = i;
		let above = i - 1;
		while (above >= 0 && isBlank(lines[above])) above--;
		if (above >= 0 && RULE.test(lines[above])) start = above;
		return lines.slice(0, start);
	}
	return lines;
}

/**
 * The last paragraph, when it is the sender's name over short lines with contact data among them:
 * everything under the name goes. The name must start the paragraph, so the last line of a
 * paragraph of text is never taken for it.
 */
function cutContactBlock(lines: string[]): string[] {
	let end = lines.length;
	while (end > 0 && isBlank(lines[end - 1])) end--;
	let start = end;
	while (start > 0 && !isBlank(lines[start - 1]) && !isSignOff(lines[start - 1])) start--;
	if (start === 0 || end - start < 2 || end - start > MAX_BLOCK) return lines;
	const block = lines.slice(start, end).map((l) => l.trim());
	if (!isName(block[0]) || isSignOff(block[0])) return lines;
	if (!block.every((l) => isSignatureLine(l) && !isMessageLine(l))) return lines;
	if (!block.slice(1).some((l) => CONTACT.test(l))) return lines;
	return lines.slice(0, start + 1);
}
