import type { IDataObject } from 'n8n-workflow';

import { isWellFormedId } from '../salesforceIds';
import type { Redactor } from './redactor';

/** Keys whose values are never personal data: Ids, links, dates, codes. */
const KEPT_KEYS = new Set(['id', 'url', 'date', 'at', 'direction', 'status', 'who', 'channel']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function redactValue(value: unknown, redactor: Redactor, key: string): unknown {
	if (typeof value === 'string') {
		if (KEPT_KEYS.has(key) || ISO_DATE.test(value) || isWellFormedId(value)) return value;
		return redactor.redact(value);
	}
	if (Array.isArray(value)) return value.map((v) => redactValue(v, redactor, key));
	if (value !== null && typeof value === 'object') {
		const out: IDataObject = {};
		for (const [k, v] of Object.entries(value as IDataObject))
			out[k] = redactValue(v, redactor, k) as IDataObject[keyof IDataObject];
		return out;
	}
	return value;
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
	options: { keepMap: boolean; done?: readonly string[] },
): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(item))
		out[key] = options.done?.includes(key)
			? value
			: (redactValue(value, redactor, key) as IDataObject[keyof IDataObject]);
	if (options.keepMap) out.redactions = { ...redactor.restore };
	return out;
}
