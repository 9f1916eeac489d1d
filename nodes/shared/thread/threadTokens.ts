// Salesforce's Email-to-Case threading tokens, which say nothing to a reader:
// the Ref ID of the older threading, `ref:_00D5e1Kcg._5005e2BSHop:ref` (since Winter '21 also
// `ref:!00D5e01Kcg.!5005e02BSHop:ref`), and the Lightning threading token `thread::pp5XPGfmNf2hRZdRCWnrohc::`,
// in a subject usually within brackets: `RE: No power [ ref:!00D5e01Kcg.!5005e02BSHop:ref ]`.

const TOKEN = String.raw`(?:ref:[_!]?[A-Za-z0-9]{4,}\.[_!]?[A-Za-z0-9]{4,}:ref|thread::[A-Za-z0-9_-]{8,}::)`;
const BRACKETED = new RegExp(String.raw`[ \t]*\[\s*${TOKEN}\s*\]`, 'g');
const BARE = new RegExp(String.raw`[ \t]*${TOKEN}`, 'g');

export function removeThreadTokens(text: string): string {
	return text.replace(BRACKETED, '').replace(BARE, '');
}
