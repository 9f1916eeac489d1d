/** What redaction finds; `name` only on request. */
export type RedactionKind = 'email' | 'phone' | 'card' | 'iban' | 'name';

export const REDACTION_KINDS: readonly RedactionKind[] = ['email', 'phone', 'card', 'iban', 'name'];

/** A piece of personal data in a text: where it is, and the value that makes two findings the same. */
export interface Finding {
	kind: RedactionKind;
	start: number;
	end: number;
	/** The same for the same value: an email in lower case, a phone in E.164, a card's or IBAN's characters without spaces. */
	key: string;
}

/**
 * The findings in text order, none overlapping: where two overlap, the longer wins (an IBAN over the
 * phone-like digits inside it), and at equal length the earlier kind of REDACTION_KINDS.
 */
export function withoutOverlaps(findings: readonly Finding[]): Finding[] {
	const ranked = [...findings].sort(
		(a, b) =>
			b.end - b.start - (a.end - a.start) ||
			REDACTION_KINDS.indexOf(a.kind) - REDACTION_KINDS.indexOf(b.kind) ||
			a.start - b.start,
	);
	const kept: Finding[] = [];
	for (const f of ranked) if (kept.every((k) => f.end <= k.start || f.start >= k.end)) kept.push(f);
	return kept.sort((a, b) => a.start - b.start);
}
