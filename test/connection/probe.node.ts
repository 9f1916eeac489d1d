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
import { toNodeError } from '../../nodes/shared/transport/errorBoundary';

/** Test hooks the probe calls while it runs (the harness runs nodes in this process). */
export const probeHooks: { betweenPages?: (page: number) => void | Promise<void> } = {};

/** Fast retries for tests: the same policy, shorter pauses. */
export const TEST_RETRY = { attempts: 4, startingDelayMs: 5, maxDelayMs: 20 };

/**
 * A test-only node that reaches Salesforce through the package's connection layer, as the real
 * nodes do: a paged query, many calls, a create, an update.
 */
export class SalesforceProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salesforce Probe',
		name: 'salesforceProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls Salesforce through the connection layer (tests only)',
		defaults: { name: 'Salesforce Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Action',
				name: 'action',
				type: 'options',
				options: [
					{ name: 'Paged Query', value: 'pagedQuery' },
					{ name: 'Many Calls', value: 'manyCalls' },
					{ name: 'Concurrent Calls', value: 'concurrentCalls' },
					{ name: 'Create', value: 'create' },
					{ name: 'Update', value: 'update' },
				],
				default: 'pagedQuery',
			},
			{ displayName: 'SOQL', name: 'soql', type: 'string', default: 'SELECT Id FROM Case' },
			{ displayName: 'Count', name: 'count', type: 'number', default: 1 },
			{ displayName: 'Object', name: 'object', type: 'string', default: 'Account' },
			{ displayName: 'Record', name: 'record', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const action = this.getNodeParameter('action', 0) as string;
		const sf = await connectToSalesforce(this, { retry: TEST_RETRY });
		const base = `/services/data/v${sf.apiVersion}`;
		try {
			let json: IDataObject;
			if (action === 'pagedQuery') {
				const soql = this.getNodeParameter('soql', 0) as string;
				const headers = { 'Sforce-Query-Options': 'batchSize=200' };
				let page = await sf.conn.request<{ records: IDataObject[]; nextRecordsUrl?: string }>({
					method: 'GET',
					url: `${base}/query?q=${encodeURIComponent(soql)}`,
					headers,
				});
				let records = page.records.length;
				let pages = 1;
				while (page.nextRecordsUrl) {
					await probeHooks.betweenPages?.(pages);
					page = await sf.conn.request({ method: 'GET', url: page.nextRecordsUrl, headers });
					records += page.records.length;
					pages++;
				}
				json = { records, pages };
			} else if (action === 'manyCalls' || action === 'concurrentCalls') {
				const count = this.getNodeParameter('count', 0) as number;
				const call = () => sf.conn.request({ method: 'GET', url: `${base}/limits` });
				if (action === 'concurrentCalls') await Promise.all(Array.from({ length: count }, call));
				else for (let i = 0; i < count; i++) await call();
				json = { calls: count };
			} else {
				const object = this.getNodeParameter('object', 0) as string;
				const record = JSON.parse(this.getNodeParameter('record', 0) as string) as IDataObject;
				// A single-record create or update, as a test-only request (the package writes through sObject Collections).
				const { Id, ...fields } = record;
				const result =
					action === 'create'
						? await sf.conn.request<IDataObject>({
								method: 'POST',
								url: `${base}/sobjects/${object}`,
								body: JSON.stringify(fields),
								headers: { 'Content-Type': 'application/json' },
							})
						: await sf.conn.request<IDataObject>({
								method: 'PATCH',
								url: `${base}/sobjects/${object}/${String(Id)}`,
								body: JSON.stringify(fields),
								headers: { 'Content-Type': 'application/json' },
							});
				json = { ...(result ?? { id: Id, success: true, errors: [] }) } as IDataObject;
			}
			return [
				[
					{
						json: {
							...json,
							requestsSent: sf.transport.requestCount,
							usage: sf.transport.lastUsage ? { ...sf.transport.lastUsage } : null,
						},
					},
				],
			];
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	}
}
