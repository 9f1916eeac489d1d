import type { Finding } from './findings';

/**
 * Words of a sender's name that are not a person's name on their own ("Acme Support", "Service
 * Team", "Mr", "van"): the full name is still found, but these words are not looked for alone.
 */
const NOT_A_NAME_ALONE = new Set(
	(
		'support team service services customer customers care help helpdesk desk billing sales info ' +
		'admin administrator no reply noreply do not the and of for mr mrs ms miss dr prof sir madam ' +
		'herr frau monsieur madame señor señora sr sra signor signora dhr mevr pan pani ' +
		'von van der den de la le les del della di da du dos das do y e visitor agent bot system chat ' +
		'inc ltd llc gmbh ag sa sas srl bv ab oy company corp group office contact center centre'
	).split(' '),
);
const BOUND_BEFORE = '(?<![\\p{L}\\p{N}])';
const BOUND_AFTER = '(?![\\p{L}\\p{N}])';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names of a case's people, each found in a text in full (any case, any spacing between its
 * words) and by its given name or surname alone (as written: capitalised). Every form of one
 * person's name is keyed by the person's full name, so one person gets one placeholder.
 */
export class PersonNames {
	/** Lower-case full name, or a name part as written, to the person's full name. */
	private readonly people = new Map<string, string>();
	private readonly parts = new Map<string, string>();
	private fullPattern: RegExp | undefined;
	private partPattern: RegExp | undefined;

	/** Adds a person by the name a record or a message gives; blank names and addresses are skipped. */
	add(name: unknown): void {
		if (typeof name !== 'string') return;
		const full = name.replace(/\s+/g, ' ').trim();
		if (full.length < 2 || /[@\d]/.test(full) || this.people.has(full.toLowerCase())) return;
		const words = full.split(' ');
		if (words.length === 1 && NOT_A_NAME_ALONE.has(full.toLowerCase())) return;
		this.people.set(full.toLowerCase(), full);
		this.fullPattern = undefined;
		if (words.length < 2) return;
		for (const word of words.map((w) => w.replace(/[.,]$/, '')))
			if (
				word.length >= 2 &&
				/^\p{Lu}/u.test(word) &&
				!NOT_A_NAME_ALONE.has(word.toLowerCase()) &&
				!this.parts.has(word)
			)
				this.parts.set(word, full);
	}

	get size(): number {
		return this.people.size;
	}

	/** The names in `text`, longest forms first where they overlap (findings are resolved later). */
	find(text: string): Finding[] {
		if (this.people.size === 0) return [];
		if (!this.fullPattern) {
			const full = [...this.people.values()]
				.sort((a, b) => b.length - a.length)
				.map((n) => n.split(' ').map(escape).join('\\s+'));
			this.fullPattern = new RegExp(`${BOUND_BEFORE}(?:${full.join('|')})${BOUND_AFTER}`, 'giu');
			const parts = [...this.parts.keys()].sort((a, b) => b.length - a.length).map(escape);
			this.partPattern =
				parts.length > 0
					? new RegExp(`${BOUND_BEFORE}(?:${parts.join('|')})${BOUND_AFTER}`, 'gu')
					: undefined;
		}
		const out: Finding[] = [];
		for (const m of text.matchAll(this.fullPattern)) {
			const person = this.people.get(m[0].replace(/\s+/g, ' ').toLowerCase()) ?? m[0];
			out.push({ kind: 'name', start: m.index, end: m.index + m[0].length, key: person });
		}
		if (this.partPattern)
			for (const m of text.matchAll(this.partPattern))
				out.push({
					kind: 'name',
					start: m.index,
					end: m.index + m[0].length,
					key: this.parts.get(m[0]) ?? m[0],
				});
		return out;
	}
}
