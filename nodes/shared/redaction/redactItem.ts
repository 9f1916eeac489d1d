import type { IDataObject } from 'n8n-workflow';

import { isWellFormedId } from '../salesforceIds';
import { Redactor, type RedactionOptions } from './redactor';

/** Keys whose values are never personal data: Ids, links, dates, codes. */
const KEPT_KEYS = new Set(['id', 'url', 'date', 'at', 'direction', 'status', 'who', 'channel']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function redactValue(
	value: unknown,
	redactor: Redactor,
	key: string,
	kept: ReadonlySet<string>,
): unknown {
	if (typeof value === 'string') {
		if (kept.has(key) || ISO_DATE.test(value) || isWellFormedId(value)) return value;
		return redactor.redact(value);
	}
	if (Array.isArray(value)) return value.map((v) => redactValue(v, redactor, key, kept));
	if (value !== null && typeof value === 'object') {
		const out: IDataObject = {};
		for (const [k, v] of Object.entries(value as IDataObject))
			out[k] = redactValue(v, redactor, k, kept) as IDataObject[keyof IDataObject];
		return out;
	}
	return value;
}

/** How an item is redacted. */
export interface RedactItemOptions {
	/** Whether the item carries `redactions` (placeholder to value). */
	keepMap: boolean;
	/** Top-level keys already redacted (a transcript redacted turn by turn). */
	done?: readonly string[];
	/** More keys, at any depth, whose values are codes, not personal data (a chat's ChatKey). */
	keep?: readonly string[];
}

/** What Redact Personal Data asks for: what to look for, and whether to keep the map. */
export interface ItemRedaction extends RedactionOptions {
	keepMap: boolean;
}

/** The redactor of one item, knowing the people whose names it redacts (when names are chosen). */
export function itemRedactor(redaction: ItemRedaction, names: readonly unknown[]): Redactor {
	const redactor = new Redactor({ kinds: redaction.kinds, country: redaction.country });
	redactor.addNames(names);
	return redactor;
}

/**
 * The item redacted as Redact Personal Data asks, the people of `names` known by name: one redactor
 * for the whole item, so that a value has one placeholder in all of its texts.
 */
export function redactItemWith(
	item: IDataObject,
	redaction: ItemRedaction,
	names: readonly unknown[],
	options: Omit<RedactItemOptions, 'keepMap'> = {},
): IDataObject {
	return redactItem(item, itemRedactor(redaction, names), {
		...options,
		keepMap: redaction.keepMap,
	});
}

/**
 * The item with every text in it redacted (emails' text, subjects, from and to, original bodies,
 * comments, messages, the case's fields), except the keys in `done` (a transcript already redacted
 * turn by turn). With `keepMap`, the item also carries `redactions`: each placeholder and the value
 * it stands for.
 */
export function redactItem(
	item: IDataObject,
	redactor: Redactor,
	options: RedactItemOptions,
): IDataObject {
	const kept = options.keep ? new Set([...KEPT_KEYS, ...options.keep]) : KEPT_KEYS;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(item))
		out[key] = options.done?.includes(key)
			? value
			: (redactValue(value, redactor, key, kept) as IDataObject[keyof IDataObject]);
	if (options.keepMap) out.redactions = { ...redactor.restore };
	return out;
}

/** The names of the people who speak in an item's `messages` (a chat's or a messaging session's), bots aside. */
export function messagePeople(item: IDataObject): unknown[] {
	const messages = Array.isArray(item.messages) ? (item.messages as IDataObject[]) : [];
	return messages.filter((m) => m.who !== 'bot').map((m) => m.name);
}
