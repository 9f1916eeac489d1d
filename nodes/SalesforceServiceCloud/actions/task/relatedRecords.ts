import { isWellFormedId, STANDARD_KEY_PREFIXES } from '../../../shared/salesforceIds';
import type { WriteFailure } from '../../../shared/writes';

const LEAD = STANDARD_KEY_PREFIXES.Lead;
const CONTACT = STANDARD_KEY_PREFIXES.Contact;

type RuleProblem = Pick<WriteFailure, 'errorCode' | 'message' | 'fields'>;

/** The value of a field whatever the case of its key, trimmed ('' when absent or empty). */
function idIn(values: Record<string, unknown>, field: string): string {
	const key = Object.keys(values).find((k) => k.trim().toLowerCase() === field.toLowerCase());
	const value = key === undefined ? undefined : values[key];
	return typeof value === 'string' ? value.trim() : '';
}

const problem = (message: string, fields: string[]): RuleProblem => ({
	errorCode: 'FIELD_INTEGRITY_EXCEPTION',
	message,
	fields,
});

/**
 * Salesforce's rules on what a task is about, checked before sending: the Name (WhoId) is a Lead
 * or a Contact, Related To (WhatId) is another record, and a task about a Lead cannot be related
 * to a record. Answers the broken rule, or undefined. Malformed Ids are left to the field mapping.
 */
export function relatedRecordsProblem(
	values: Record<string, unknown>,
	itemIndex: number,
): RuleProblem | undefined {
	const whoId = idIn(values, 'WhoId');
	const whatId = idIn(values, 'WhatId');
	const item = ` (item ${itemIndex})`;
	if (whoId && isWellFormedId(whoId) && !whoId.startsWith(LEAD) && !whoId.startsWith(CONTACT)) {
		return problem(`Name (WhoId) must be a Lead or a Contact: "${whoId}" is neither${item}`, [
			'WhoId',
		]);
	}
	if (whatId && isWellFormedId(whatId) && (whatId.startsWith(LEAD) || whatId.startsWith(CONTACT))) {
		return problem(
			`Related To (WhatId) must be a record such as a Case or an Account, not a Lead or a Contact: put "${whatId}" in Name (WhoId) instead${item}`,
			['WhatId'],
		);
	}
	if (whoId.startsWith(LEAD) && whatId) {
		return problem(
			`A task whose Name (WhoId) is a Lead cannot also have a Related To (WhatId): leave WhatId empty, or use a Contact in WhoId${item}`,
			['WhoId', 'WhatId'],
		);
	}
	return undefined;
}
