import { compile } from 'html-to-text';

/**
 * HTML as plain text for a prompt: no word wrapping, headings and table headers as written, links
 * shown as `text [url]` only when the text is not the address itself, images left out (inline logos
 * and tracking pixels say nothing). Blockquotes keep html-to-text's `> ` prefix, which the reply
 * extraction reads as quoted history.
 */
const convert = compile({
	wordwrap: false,
	selectors: [
		{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
		{ selector: 'img', format: 'skip' },
		...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
			selector,
			options: { uppercase: false },
		})),
		{ selector: 'table', options: { uppercaseHeaderCells: false } },
		// Word-made HTML (classic Outlook) writes each line as a margin-less paragraph and blank lines as
		// empty ones: one line break each, as the mail shows.
		{
			selector: 'p.MsoNormal',
			format: 'paragraph',
			options: { leadingLineBreaks: 1, trailingLineBreaks: 1 },
		},
	],
});

export function htmlToText(html: string): string {
	return tidyText(convert(html));
}

/** Non-breaking spaces as spaces, no trailing blanks, at most one empty line in a row, trimmed. */
export function tidyText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/\u00a0/g, ' ')
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
