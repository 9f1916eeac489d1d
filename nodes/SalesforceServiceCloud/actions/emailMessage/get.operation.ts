import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeEmail } from '../../../shared/thread';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { checkedIdOf, idProperty, recordIdParameter } from '../common/recordParameters';
import { emailItems, emailsWhere, includeOriginalBodiesProperty } from './emailQuery';

export const description: INodeProperties[] = [
	idProperty({
		displayName: 'Email Message ID',
		name: 'recordId',
		placeholder: '02sSb00000XyZ12AAB',
		description:
			'The ID of the email message (EmailMessage): 15 or 18 letters and digits, starting with 02s',
		resource: 'emailMessage',
		operations: ['get'],
		search: 'searchRecords',
	}),
	includeOriginalBodiesProperty(['get']),
];

/** An email by Id, shaped as in a case's conversation (its new text only, addresses split), with its case's Id. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	return emailItems(this, async (itemIndex, options) => {
		const id = checkedIdOf(this, itemIndex, recordIdParameter('emailMessage'));
		const [record] = await emailsWhere(sf, 'Id', id);
		if (!record)
			throw new NodeOperationError(this.getNode(), `No email message with ID "${id}"`, {
				itemIndex,
			});
		return {
			emails: [shapeEmail(record, options)],
			caseId: (record as { ParentId?: string | null }).ParentId ?? null,
		};
	});
}
