import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resolveFieldNames } from '../../../shared/soql/fieldNames';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { perItem } from '../common/perItem';
import { withoutAttributes } from '../common/readItems';
import { recordIdOf, recordIdProperty } from './recordId';

export const description: INodeProperties[] = [
	recordIdProperty(['get']),
	{
		displayName: 'Field Names or IDs',
		name: 'fields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['objectName'] },
		default: [],
		description: 'The fields to return; all when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { resource: ['record'], operation: ['get'] } },
	},
];

export async function execute(this: IExecuteFunctions, sf: SalesforceConnection): Promise<INodeExecutionData[]> {
	const objectName = this.getNodeParameter('objectName', 0) as string;
	const describe = await sf.describes.describe(objectName);
	return perItem(this, async (itemIndex) => {
		const id = recordIdOf(this, itemIndex);
		const fields = resolveFieldNames(describe, this.getNodeParameter('fields', itemIndex, []) as string[]);
		const query = fields.length > 0 ? `?fields=${encodeURIComponent(fields.join(','))}` : '';
		const record = await sf.conn.request<IDataObject>({ method: 'GET', url: `/services/data/v${sf.apiVersion}/sobjects/${describe.name}/${id}${query}` });
		return [{ json: withoutAttributes(record), pairedItem: { item: itemIndex } }];
	});
}
