import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { allOrNoneProperty, switchOf } from '../common/parameters';
import { idParameterOf } from '../common/recordParameters';
import { checkEachItem, writeRecords } from '../common/writeRecords';
import { caseIdProblem, caseIdProperty } from './caseParameters';

const show = { resource: ['case'], operation: ['addComment'] };

export const description: INodeProperties[] = [
	caseIdProperty('case', ['addComment']),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text of the comment (CommentBody), up to 4,000 characters',
		displayOptions: { show },
	},
	{
		displayName: 'Visible to the Customer',
		name: 'visibleToCustomer',
		type: 'boolean',
		default: false,
		description:
			'Whether the customer can see the comment, for example in a help portal (IsPublished). Off: an internal note for agents only.',
		displayOptions: { show },
	},
	allOrNoneProperty('case', ['addComment']),
];

/**
 * Adds a comment (CaseComment) to each item's case, in batches. Every item's Case ID is checked
 * before the first comment is created; with Retry On Fail, a retry never adds a comment twice.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const checked = checkEachItem(this, (itemIndex) => {
		const id = idParameterOf(this, 'caseId', itemIndex);
		const problem = caseIdProblem(id);
		if (problem)
			return { refused: { errorCode: 'MALFORMED_ID', message: problem, fields: ['ParentId'] } };
		const CommentBody = String(this.getNodeParameter('comment', itemIndex) ?? '');
		const IsPublished = switchOf(this, 'visibleToCustomer', itemIndex);
		return { fields: { ParentId: id, CommentBody, IsPublished } };
	});
	return writeRecords(this, sf, { operation: 'create', objectName: 'CaseComment' }, checked);
}
