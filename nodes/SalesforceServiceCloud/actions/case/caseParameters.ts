import type { INodeProperties } from 'n8n-workflow';

import { isWellFormedId, STANDARD_KEY_PREFIXES } from '../../../shared/salesforceIds';
import { idProperty, type IdParameter } from '../common/recordParameters';

export const caseIdProperty = (resource: string, operations: string[]): INodeProperties =>
	idProperty({
		displayName: 'Case ID',
		name: 'caseId',
		placeholder: '500Sb00000XyZ12AAB',
		description: 'The ID of the case: 15 or 18 letters and digits, starting with 500',
		resource,
		operations,
	});

/** Why `id` is not a Case Id, or undefined when it is one. */
export function caseIdProblem(id: string): string | undefined {
	if (!isWellFormedId(id)) return `Case ID "${id}" is not a Salesforce record Id`;
	if (!id.startsWith(STANDARD_KEY_PREFIXES.Case))
		return `Case ID "${id}" is not the Id of a case (case Ids start with 500)`;
	return undefined;
}

export const CASE_ID: IdParameter = {
	name: 'caseId',
	problemOf: caseIdProblem,
	hint: 'a case ID has 15 or 18 letters and digits and starts with 500, such as 500Sb00000XyZ12AAB.',
};
