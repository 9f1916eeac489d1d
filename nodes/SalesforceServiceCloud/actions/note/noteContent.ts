/** Most characters of a note's title (ContentNote.Title). */
export const MAX_TITLE_LENGTH = 255;

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/**
 * A note's body as Salesforce stores it (ContentNote.Content): HTML, base64-encoded. Plain text has
 * its special characters escaped, as Salesforce requires, and each line becomes a paragraph, since
 * Salesforce strips new lines from a note's content. HTML is sent as given (Salesforce removes unsafe markup).
 */
export function noteContent(body: string, isHtml: boolean): string {
	const html = isHtml
		? body
		: body
				.split(/\r\n|\r|\n/)
				.map((line) => `<p>${line.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])}</p>`)
				.join('');
	return Buffer.from(html, 'utf8').toString('base64');
}
