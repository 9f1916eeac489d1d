import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { isWellFormedId, STANDARD_KEY_PREFIXES } from '../../../shared/salesforceIds';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { allOrNoneProperty } from '../common/parameters';
import { idParameterOf, idProperty } from '../common/recordParameters';
import { checkEachItem, writeRecords } from '../common/writeRecords';
import { closedTaskStatus } from './closedStatus';

export const description: INodeProperties[] = [
	idProperty({
		displayName: 'Task ID',
		name: 'recordId',
		placeholder: '00TSb00000XyZ12AAB',
		description:
			'The ID of the task to mark as completed: 15 or 18 letters and digits, starting with 00T',
		resource: 'task',
		operations: ['complete'],
		search: 'searchRecords',
	}),
	allOrNoneProperty('task', ['complete']),
];

/**
 * Sets each given task's Status to the org's closed status ("Completed"), in batches of 200. Every
 * item's Task ID is checked before the first write.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const describe = await sf.describes.describe('Task');
	const status = closedTaskStatus(describe);
	const checked = checkEachItem(this, (itemIndex) => {
		const id = idParameterOf(this, 'recordId', itemIndex);
		if (isWellFormedId(id) && id.startsWith(STANDARD_KEY_PREFIXES.Task))
			return { fields: { Id: id, Status: status } };
		return {
			refused: {
				errorCode: 'MALFORMED_ID',
				message: `Task ID "${id}" is not a Salesforce task ID (15 or 18 letters and digits, starting with 00T)`,
				fields: ['Id'],
			},
		};
	});
	return writeRecords(this, sf, { operation: 'update', objectName: describe.name }, checked, {
		successFields: () => ({ status }),
	});
}
