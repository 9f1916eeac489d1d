import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { allOrNoneProperty, columnsProperty } from '../common/parameters';
import { writeItems } from '../common/writeItems';

export const description: INodeProperties[] = [columnsProperty('record', 'create'), allOrNoneProperty('record', ['create'])];

export async function execute(this: IExecuteFunctions, sf: SalesforceConnection): Promise<INodeExecutionData[]> {
	return writeItems(this, sf, this.getNodeParameter('objectName', 0) as string, 'create');
}
