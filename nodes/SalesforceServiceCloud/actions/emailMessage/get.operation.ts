import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeEmail } from '../../../shared/thread';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { switchOf } from '../common/parameters';
import { perItem } from '../common/perItem';
import { idProperty, recordIdOf } from '../common/recordParameters';
import { emailsWhere, includeOriginalBodiesProperty } from './emailQuery';

export const description: INodeProperties[] = [
	idProperty({
		displayName: 'Email Message ID',
		name: 'recordId',
		placeholder: '02sSb00000XyZ12AAB',
		description:
			'The ID of the email message (EmailMessage): 15 or 18 letters and digits, starting with 02s',
		resource: 'emailMessage',
		operations: ['get'],
	}),
	includeOriginalBodiesProperty(['get']),
];

/** An email by Id, shaped as in a case's conversation (its new text only, addresses split), with its case's Id. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	return perItem(this, async (itemIndex) => {
		const id = recordIdOf(this, itemIndex);
		const includeOriginalBodies = switchOf(this, 'includeOriginalBodies', itemIndex);
		const [record] = await emailsWhere(sf, 'Id', id);
		if (!record)
			throw new NodeOperationError(this.getNode(), `No email message with ID "${id}"`, {
				itemIndex,
			});
		const json = {
			...shapeEmail(record, { includeOriginalBodies }),
			caseId: (record as { ParentId?: string | null }).ParentId ?? null,
		} as unknown as IDataObject;
		return [{ json, pairedItem: { item: itemIndex } }];
	});
}
