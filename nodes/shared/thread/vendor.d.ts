// The two libraries ship no type declarations (html-to-text 10 has none of its own, planer never
// had): only what this module calls is declared.

declare module 'html-to-text' {
	interface SelectorDefinition {
		selector: string;
		format?: string;
		options?: Record<string, unknown>;
	}
	interface HtmlToTextOptions {
		wordwrap?: number | false | null;
		selectors?: SelectorDefinition[];
		limits?: { maxInputLength?: number };
	}
	export function compile(options?: HtmlToTextOptions): (html: string) => string;
}

declare module 'planer' {
	/** Talon's plain-text algorithm: the message with the quoted history cut (at most 1,000 lines kept). */
	export function extractFromPlain(text: string): string;
}
