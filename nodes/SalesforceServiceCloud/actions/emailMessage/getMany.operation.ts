import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { shapeEmails } from '../../../shared/thread';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { CASE_ID, caseIdProperty } from '../case/caseParameters';
import { switchOf } from '../common/parameters';
import { checkedIdOf } from '../common/recordParameters';
import { emailItems, emailsWhere, includeOriginalBodiesProperty } from './emailQuery';

export const description: INodeProperties[] = [
	caseIdProperty('emailMessage', ['getMany']),
	includeOriginalBodiesProperty(['getMany']),
	{
		displayName: 'Include Drafts',
		name: 'includeDrafts',
		type: 'boolean',
		default: false,
		description: 'Whether to include unsent drafts, which have no date',
		displayOptions: { show: { resource: ['emailMessage'], operation: ['getMany'] } },
	},
];

/** The emails of a case, oldest first, one item each, shaped as in the case's conversation. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	return emailItems(this, async (itemIndex, { includeOriginalBodies }) => {
		const caseId = checkedIdOf(this, itemIndex, CASE_ID);
		const includeDrafts = switchOf(this, 'includeDrafts', itemIndex);
		const records = await emailsWhere(sf, 'ParentId', caseId);
		return { emails: shapeEmails(records, { includeOriginalBodies, includeDrafts }), caseId };
	});
}
