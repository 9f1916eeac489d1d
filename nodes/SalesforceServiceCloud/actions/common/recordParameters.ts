import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idProblem, isWellFormedId } from '../../../shared/salesforceIds';

export const recordIdProperty = (resource: string, operations: string[]): INodeProperties => ({
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '001Sb00000XyZ12AAB',
	description: 'The Salesforce record ID: 15 or 18 letters and digits',
	displayOptions: { show: { resource: [resource], operation: operations } },
});

/** The item's Record ID, checked before any call: a malformed ID is named, not sent. */
export function recordIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = String(ctx.getNodeParameter('recordId', itemIndex) ?? '').trim();
	const problem = recordIdProblem(id);
	if (problem)
		throw new NodeOperationError(ctx.getNode(), problem, {
			itemIndex,
			description: `Item ${itemIndex}: a record ID has 15 or 18 letters and digits, such as 001Sb00000XyZ12AAB, one per item.`,
		});
	return id;
}

/** Why the Record ID is not exactly one Salesforce record Id, as the message the user reads, or undefined. */
export function recordIdProblem(id: string): string | undefined {
	if (!isWellFormedId(id))
		return `Record ID "${id}" is not a Salesforce record Id: it ${idProblem(id) ?? 'is malformed'}`;
	return undefined;
}

export const returnAllProperties = (resource: string, operations: string[]): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { resource: [resource], operation: operations } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { resource: [resource], operation: operations, returnAll: [false] } },
	},
];
