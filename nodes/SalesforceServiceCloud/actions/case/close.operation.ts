import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import {
	writeInBatches,
	writeResultsToItems,
	type WriteRecord,
	type WriteResult,
} from '../../../shared/writes';
import { allOrNoneProperty } from '../common/parameters';
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

/** Sets each case's Status to a closed status, in batches; an item with an Id or status that cannot close a case fails before the call. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const closed = await closedCaseStatuses(sf);
	const records: WriteRecord[] = [];
	const refused: WriteResult[] = [];
	items.forEach((_, itemIndex) => {
		const id = String(this.getNodeParameter('caseId', itemIndex) ?? '').trim();
		const status = String(this.getNodeParameter('status', itemIndex) ?? '').trim();
		const idProblem = caseIdProblem(id);
		if (idProblem) {
			refused.push({
				itemIndex,
				success: false,
				errorCode: 'MALFORMED_ID',
				message: idProblem,
				fields: ['Id'],
			});
		} else if (!closed.includes(status)) {
			const allowed = closed.map((s) => `"${s}"`).join(', ');
			refused.push({
				itemIndex,
				success: false,
				errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
				message: `Status "${status}" does not close a case. The closed statuses of this org: ${allowed}`,
				fields: ['Status'],
			});
		} else {
			records.push({ itemIndex, fields: { Id: id, Status: status } });
		}
	});
	const allOrNone = this.getNodeParameter('allOrNone', 0, false) as boolean;
	const written =
		records.length > 0
			? await writeInBatches(sf, { operation: 'update', objectName: 'Case', records, allOrNone })
			: [];
	const statusOf = new Map(records.map((r) => [r.itemIndex, r.fields.Status]));
	return writeResultsToItems(this, [...refused, ...written], items, {
		successJson: (result) => ({
			id: result.id,
			success: true,
			status: statusOf.get(result.itemIndex) ?? null,
		}),
	});
}
