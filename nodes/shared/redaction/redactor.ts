import type { CountryCode } from 'libphonenumber-js';

import { findCardNumbers } from './cardNumbers';
import { findEmailAddresses } from './emailAddresses';
import { withoutOverlaps, type Finding, type RedactionKind } from './findings';
import { findIbans } from './ibans';
import { PersonNames } from './personNames';
import { findPhoneNumbers, maxPhoneFinder, type PhoneFinder } from './phoneNumbers';

export interface RedactionOptions {
	/** What to look for. */
	kinds: readonly RedactionKind[];
	/** The country of phone numbers written without "+" and a country code. */
	country?: CountryCode;
	/** libphonenumber-js with a metadata build (the bench compares them); max by default. */
	phoneFinder?: PhoneFinder;
}

/** Every piece of personal data of the chosen kinds in a text, in text order, none overlapping. */
export function findPersonalData(
	text: string,
	options: RedactionOptions,
	names?: PersonNames,
): Finding[] {
	const kinds = new Set(options.kinds);
	const found: Finding[] = [];
	if (kinds.has('email')) found.push(...findEmailAddresses(text));
	if (kinds.has('card')) found.push(...findCardNumbers(text));
	if (kinds.has('iban')) found.push(...findIbans(text));
	if (kinds.has('phone'))
		found.push(...findPhoneNumbers(text, options.country, options.phoneFinder ?? maxPhoneFinder));
	if (kinds.has('name') && names) found.push(...names.find(text));
	return withoutOverlaps(found);
}

/**
 * Redacts the texts of one case: each value becomes a placeholder such as `[email 1]` or `[phone 2]`,
 * the same for the same value in every text the redactor sees (an email in any case, a phone in any
 * format, a person by any form of their name), numbered in the order first seen.
 */
export class Redactor {
	readonly names = new PersonNames();
	private readonly placeholders = new Map<string, string>();
	private readonly counts = new Map<RedactionKind, number>();
	/** Placeholder to the value as first written (a person's full name), for a later step to restore. */
	readonly restore: Record<string, string> = {};
	/** Texts already redacted (an email's text is also its turn in the transcript). */
	private readonly done = new Map<string, string>();

	constructor(readonly options: RedactionOptions) {}

	/** Adds people whose names are redacted (when names are among the kinds). */
	addNames(names: readonly unknown[]): void {
		if (!this.options.kinds.includes('name')) return;
		const before = this.names.size;
		for (const name of names) this.names.add(name);
		if (this.names.size !== before) this.done.clear();
	}

	redact(text: string): string {
		let out = this.done.get(text);
		if (out !== undefined) return out;
		const findings = findPersonalData(text, this.options, this.names);
		out = '';
		let last = 0;
		for (const f of findings) {
			out += text.slice(last, f.start) + this.placeholder(f, text.slice(f.start, f.end));
			last = f.end;
		}
		out += text.slice(last);
		this.done.set(text, out);
		return out;
	}

	private placeholder(finding: Finding, written: string): string {
		const id = `${finding.kind}\u0000${finding.key}`;
		let placeholder = this.placeholders.get(id);
		if (!placeholder) {
			const n = (this.counts.get(finding.kind) ?? 0) + 1;
			this.counts.set(finding.kind, n);
			placeholder = `[${finding.kind} ${n}]`;
			this.placeholders.set(id, placeholder);
			this.restore[placeholder] = finding.kind === 'name' ? finding.key : written;
		}
		return placeholder;
	}
}

/** A text with the placeholders of `restore` put back. */
export function restoreRedactions(text: string, restore: Readonly<Record<string, string>>): string {
	return text.replace(/\[(?:email|phone|card|iban|name) \d+\]/g, (p) => restore[p] ?? p);
}
