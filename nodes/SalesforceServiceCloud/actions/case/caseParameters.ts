import type { INodeProperties } from 'n8n-workflow';

import { idProblem, isWellFormedId, STANDARD_KEY_PREFIXES } from '../../../shared/salesforceIds';
import { idProperty, type IdParameter } from '../common/recordParameters';

export const caseIdProperty = (resource: string, operations: string[]): INodeProperties =>
	idProperty({
		displayName: 'Case ID',
		name: 'caseId',
		placeholder: '500Sb00000XyZ12AAB',
		description:
			'The case: pick it by number or subject, paste its address, or give its ID (15 or 18 letters and digits, starting with 500)',
		resource,
		operations,
		search: 'searchCases',
	});

/** Why `id` is not a Case Id, or undefined when it is one. */
export function caseIdProblem(id: string): string | undefined {
	if (!isWellFormedId(id))
		return `Case ID "${id}" is not a Salesforce record Id: it ${idProblem(id) ?? 'is malformed'}`;
	if (!id.startsWith(STANDARD_KEY_PREFIXES.Case))
		return `Case ID "${id}" is not the Id of a case (case Ids start with 500)`;
	return undefined;
}

export const CASE_ID: IdParameter = {
	name: 'caseId',
	problemOf: caseIdProblem,
	hint: 'a case ID has 15 or 18 letters and digits and starts with 500, such as 500Sb00000XyZ12AAB.',
};
