import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import {
	writeInBatches,
	writeResultsToItems,
	type WriteRecord,
	type WriteResult,
} from '../../../shared/writes';
import { allOrNoneProperty } from '../common/parameters';
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

/** Adds a comment (CaseComment) to each item's case, in batches. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const records: WriteRecord[] = [];
	const refused: WriteResult[] = [];
	items.forEach((_, itemIndex) => {
		const id = String(this.getNodeParameter('caseId', itemIndex) ?? '').trim();
		const problem = caseIdProblem(id);
		if (problem) {
			refused.push({
				itemIndex,
				success: false,
				errorCode: 'MALFORMED_ID',
				message: problem,
				fields: ['ParentId'],
			});
			return;
		}
		const CommentBody = String(this.getNodeParameter('comment', itemIndex) ?? '');
		const IsPublished = this.getNodeParameter('visibleToCustomer', itemIndex, false) as boolean;
		records.push({ itemIndex, fields: { ParentId: id, CommentBody, IsPublished } });
	});
	const allOrNone = this.getNodeParameter('allOrNone', 0, false) as boolean;
	const written =
		records.length > 0
			? await writeInBatches(sf, {
					operation: 'create',
					objectName: 'CaseComment',
					records,
					allOrNone,
				})
			: [];
	return writeResultsToItems(this, [...refused, ...written], items);
}
