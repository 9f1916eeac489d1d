import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { writeInBatches, writeResultsToItems } from '../../../shared/writes';
import { allOrNoneProperty } from '../common/parameters';
import { recordIdProperty } from './recordId';

export const description: INodeProperties[] = [recordIdProperty(['delete']), allOrNoneProperty('record', ['delete'])];

export async function execute(this: IExecuteFunctions, sf: SalesforceConnection): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const objectName = this.getNodeParameter('objectName', 0) as string;
	const records = items.map((_, itemIndex) => ({ itemIndex, fields: { Id: String(this.getNodeParameter('recordId', itemIndex)).trim() } }));
	const results = await writeInBatches(sf, { operation: 'delete', objectName, records, allOrNone: this.getNodeParameter('allOrNone', 0, false) as boolean });
	return writeResultsToItems(this, results, items);
}
