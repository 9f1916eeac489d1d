import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { isWellFormedId } from '../../../shared/salesforceIds';

export const recordIdProperty = (operations: string[]): INodeProperties => ({
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '001Sb00000XyZ12AAB',
	description: 'The Salesforce record ID: 15 or 18 letters and digits',
	displayOptions: { show: { resource: ['record'], operation: operations } },
});

/** The item's Record ID, checked before any call: a malformed Id is named, not sent. */
export function recordIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = String(ctx.getNodeParameter('recordId', itemIndex) ?? '').trim();
	if (!isWellFormedId(id)) {
		throw new NodeOperationError(ctx.getNode(), `Record ID "${id}" is not a Salesforce record Id`, { itemIndex, description: 'A record Id has 15 or 18 letters and digits, such as 001Sb00000XyZ12AAB.' });
	}
	return id;
}
