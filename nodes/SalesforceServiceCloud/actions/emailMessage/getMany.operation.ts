import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { shapeEmails } from '../../../shared/thread';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { switchOf } from '../common/parameters';
import { perItem } from '../common/perItem';
import { caseIdOf, caseIdProperty } from '../case/caseParameters';
import { emailsWhere, includeOriginalBodiesProperty } from './emailQuery';

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
	return perItem(this, async (itemIndex) => {
		const caseId = caseIdOf(this, itemIndex);
		const includeOriginalBodies = switchOf(this, 'includeOriginalBodies', itemIndex);
		const includeDrafts = switchOf(this, 'includeDrafts', itemIndex);
		const emails = shapeEmails(await emailsWhere(sf, 'ParentId', caseId), {
			includeOriginalBodies,
			includeDrafts,
		});
		return emails.map((email) => ({
			json: { ...email, caseId } as unknown as IDataObject,
			pairedItem: { item: itemIndex },
		}));
	});
}
