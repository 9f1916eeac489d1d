import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { allOrNoneProperty } from '../common/parameters';
import { idParameterOf } from '../common/recordParameters';
import { checkEachItem, writeRecords } from '../common/writeRecords';
import { caseIdProblem, caseIdProperty } from './caseParameters';
import { closedCaseStatuses } from './closedStatuses';

export const description: INodeProperties[] = [
	caseIdProperty('case', ['close']),
	{
		displayName: 'Closed Status Name or ID',
		name: 'status',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getClosedCaseStatuses' },
		required: true,
		default: '',
		description:
			'The status the case gets, from the statuses that close a case in your org. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { resource: ['case'], operation: ['close'] } },
	},
	allOrNoneProperty('case', ['close']),
];

/**
 * Sets each case's Status to a closed status, in batches. Every item's Id and status are checked
 * before the first write; one refused item stops the node before anything is closed.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const closed = await closedCaseStatuses(sf);
	const checked = checkEachItem(this, (itemIndex) => {
		const id = idParameterOf(this, 'caseId', itemIndex);
		const status = String(this.getNodeParameter('status', itemIndex) ?? '').trim();
		const idProblem = caseIdProblem(id);
		if (idProblem)
			return { refused: { errorCode: 'MALFORMED_ID', message: idProblem, fields: ['Id'] } };
		if (!closed.includes(status)) {
			const allowed = closed.map((s) => `"${s}"`).join(', ');
			return {
				refused: {
					errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
					message: `Status "${status}" does not close a case. The closed statuses of this org: ${allowed}`,
					fields: ['Status'],
				},
			};
		}
		return { fields: { Id: id, Status: status } };
	});
	return writeRecords(this, sf, { operation: 'update', objectName: 'Case' }, checked, {
		successFields: (record) => ({ status: record.fields.Status }),
	});
}
