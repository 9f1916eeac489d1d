import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { perItem } from '../common/perItem';
import { limitOf, queryToItems } from '../common/readItems';
import { returnAllProperties } from '../common/recordParameters';

export const description: INodeProperties[] = [
	{
		displayName: 'SOQL Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'SELECT Id, Subject FROM Case WHERE IsClosed = true',
		description:
			'A Salesforce query (SOQL). Values taken from items belong in expressions; Salesforce reads the query as written.',
		displayOptions: { show: { resource: ['record'], operation: ['soqlQuery'] } },
	},
	...returnAllProperties('record', ['soqlQuery']),
];

export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	return perItem(this, async (itemIndex) =>
		queryToItems(
			sf,
			this.getNodeParameter('query', itemIndex) as string,
			itemIndex,
			limitOf(this, itemIndex),
		),
	);
}
