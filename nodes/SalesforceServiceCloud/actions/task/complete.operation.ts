import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { isWellFormedId, STANDARD_KEY_PREFIXES } from '../../../shared/salesforceIds';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import {
	writeInBatches,
	writeResultsToItems,
	type WriteFailure,
	type WriteRecord,
} from '../../../shared/writes';
import { allOrNoneProperty } from '../common/parameters';
import { closedTaskStatus } from './closedStatus';

export const description: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '00TSb00000XyZ12AAB',
		description:
			'The ID of the task to mark as completed: 15 or 18 letters and digits, starting with 00T',
		displayOptions: { show: { resource: ['task'], operation: ['complete'] } },
	},
	allOrNoneProperty('task', ['complete']),
];

/** Sets each given task's Status to the org's closed status ("Completed"), in batches of 200. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const describe = await sf.describes.describe('Task');
	const status = closedTaskStatus(describe);
	const records: WriteRecord[] = [];
	const refused: WriteFailure[] = [];
	items.forEach((_, itemIndex) => {
		const id = String(this.getNodeParameter('recordId', itemIndex) ?? '').trim();
		if (isWellFormedId(id) && id.startsWith(STANDARD_KEY_PREFIXES.Task))
			records.push({ itemIndex, fields: { Id: id, Status: status } });
		else
			refused.push({
				itemIndex,
				success: false,
				errorCode: 'MALFORMED_ID',
				message: `Task ID "${id}" is not a Salesforce task ID (15 or 18 letters and digits, starting with 00T)`,
				fields: ['Id'],
				checkedLocally: true,
			});
	});
	const allOrNone = this.getNodeParameter('allOrNone', 0, false) as boolean;
	const written =
		records.length > 0
			? await writeInBatches(sf, {
					operation: 'update',
					objectName: describe.name,
					records,
					allOrNone,
				})
			: [];
	return writeResultsToItems(this, [...refused, ...written], items, {
		successJson: (result) => ({ id: result.id, success: true, status }),
	});
}
