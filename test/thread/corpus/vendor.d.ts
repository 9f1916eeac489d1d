// email-reply-parser ships no type declarations; it is a baseline of the corpus score only (a dev
// dependency): only what the scorer calls is declared.

declare module 'email-reply-parser' {
	class ParsedEmail {
		/** The text without the fragments marked quoted or signature. */
		getVisibleText(): string;
	}
	class EmailReplyParser {
		read(text: string): ParsedEmail;
	}
	export = EmailReplyParser;
}
