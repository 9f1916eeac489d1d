import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	authenticationProperty,
	nodeCredentials,
} from '../../nodes/shared/transport/credentialTypes';
import { connectToSalesforce } from '../../nodes/shared/transport/connection';
import { toNodeApiError } from '../../nodes/shared/transport/salesforceErrors';
import {
	openWriteLedger,
	writeInBatches,
	writeResultsToItems,
	type WriteOperation,
	type WriteRequest,
} from '../../nodes/shared/writes';
import { TEST_RETRY } from '../connection/probe.node';

/** A test-only node: each input item's json is a record's fields, written in batches. */
export class SalesforceWriter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salesforce Writer',
		name: 'salesforceWriter',
		group: ['transform'],
		version: 1,
		description: 'Writes input items through sObject Collections (tests only)',
		defaults: { name: 'Salesforce Writer' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				options: [
					{ name: 'Create', value: 'create' },
					{ name: 'Update', value: 'update' },
					{ name: 'Upsert', value: 'upsert' },
					{ name: 'Delete', value: 'delete' },
				],
				default: 'create',
			},
			{ displayName: 'Object', name: 'objectName', type: 'string', default: 'Lead' },
			{ displayName: 'External ID Field', name: 'externalIdField', type: 'string', default: '' },
			{ displayName: 'All or None', name: 'allOrNone', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const sf = await connectToSalesforce(this, { retry: TEST_RETRY });
		const request: WriteRequest = {
			operation: this.getNodeParameter('operation', 0) as WriteOperation,
			objectName: this.getNodeParameter('objectName', 0) as string,
			externalIdField: (this.getNodeParameter('externalIdField', 0) as string) || undefined,
			allOrNone: this.getNodeParameter('allOrNone', 0) as boolean,
			records: items.map((item, itemIndex) => ({
				itemIndex,
				fields: { ...item.json } as IDataObject,
			})),
		};
		const results = await writeInBatches(sf, request, {
			lockRetryDelayMs: 0,
			ledger: openWriteLedger(this)?.scope(request),
		}).catch((error: unknown) => {
			throw toNodeApiError(this.getNode(), error);
		});
		return [writeResultsToItems(this, results, items)];
	}
}
