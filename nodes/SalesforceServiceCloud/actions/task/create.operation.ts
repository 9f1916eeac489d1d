import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { writeInBatches, writeResultsToItems } from '../../../shared/writes';
import { fillOwnerIds, ownerByEmailProperties } from '../common/ownerByEmail';
import { allOrNoneProperty, columnsProperty } from '../common/parameters';
import { mapItems } from '../common/writeItems';
import { relatedRecordsProblem } from './relatedRecords';

export const description: INodeProperties[] = [
	columnsProperty('task', 'create'),
	...ownerByEmailProperties('task', ['create']),
	allOrNoneProperty('task', ['create']),
];

/**
 * Creates a task for each input item, in batches of 200. Items that break Salesforce's rules on
 * related records (WhoId, WhatId) or whose owner cannot be found fail on their own, before the call.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const describe = await sf.describes.describe('Task');
	const mapped = mapItems(this, describe, 'create', relatedRecordsProblem);
	const owned = await fillOwnerIds(this, sf, mapped.records);
	const ownerOf = new Map(owned.records.map((r) => [r.itemIndex, r.fields.OwnerId]));
	const allOrNone = this.getNodeParameter('allOrNone', 0, false) as boolean;
	const written =
		owned.records.length > 0
			? await writeInBatches(sf, {
					operation: 'create',
					objectName: describe.name,
					records: owned.records,
					allOrNone,
				})
			: [];
	return writeResultsToItems(this, [...mapped.refused, ...owned.refused, ...written], items, {
		successJson: (result) => ({
			id: result.id,
			success: true,
			...(typeof ownerOf.get(result.itemIndex) === 'string'
				? { ownerId: ownerOf.get(result.itemIndex) }
				: {}),
		}),
	});
}
