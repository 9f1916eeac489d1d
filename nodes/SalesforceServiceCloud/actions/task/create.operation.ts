import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { ownerByEmailProperties } from '../common/ownerByEmail';
import { allOrNoneProperty, columnsProperty } from '../common/parameters';
import { writeItems } from '../common/writeItems';
import { relatedRecordsProblem } from './relatedRecords';

export const description: INodeProperties[] = [
	columnsProperty('task', 'create'),
	...ownerByEmailProperties('task', ['create']),
	allOrNoneProperty('task', ['create']),
];

/**
 * Creates a task for each input item, in batches of 200. Every item is checked first: Salesforce's
 * rules on related records (WhoId, WhatId), the field values and the owner; one refused item stops
 * the node before anything is created (with "continue on fail", that item alone fails).
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	return writeItems(this, sf, 'Task', 'create', {
		check: relatedRecordsProblem,
		successFields: (record) =>
			typeof record.fields.OwnerId === 'string' ? { ownerId: record.fields.OwnerId } : {},
	});
}
