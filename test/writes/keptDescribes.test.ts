import type { IDataObject, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';

// The action node could keep what its writes need of a describe in the node's static data, so that
// a workflow that runs again and again would spend one call per 1,000 writes, not two. It keeps
// nothing (keptSchemas.ts says why: n8n's queue mode would erase a trigger's cursor). The test runs
// the node through n8n's engine in each kind of execution, carrying the static data from one to the
// next as n8n saves and loads it in one process.

const autoMap = { mappingMode: 'autoMapInputData', value: null };
const node = new SalesforceServiceCloud();

/** The static data under which the describes are kept (the node's own part of the workflow's). */
const keptOf = (staticData: IDataObject) =>
	((staticData['node:Salesforce Service Cloud'] as IDataObject | undefined)?.keptDescribes ??
		{}) as Record<string, { at: number; s: { n: string; f: Array<{ n: string; b: number }> } }>;

/** One workflow with the action node, on a client-credentials credential of `t`'s org. */
async function workflowOn(t: TestOrg) {
	const harness = new N8nHarness({
		credentials: [new SalesforceServiceCloudClientCredentialsApi()],
		nodes: [node],
	});
	const { credentials } = await saveCredential(harness, t, 'clientCredentials');
	const wf = {
		staticData: {} as IDataObject,
		/** Runs the node once with the static data the previous execution left. */
		async run(parameters: INodeParameters, input: IDataObject[], mode: WorkflowExecuteMode) {
			const before = { ...t.org.counters.apiCallsByKind };
			const result = await harness.execute({
				type: node,
				parameters: { authentication: 'clientCredentials', resource: 'record', ...parameters },
				credentials,
				input: input.map((json) => ({ json })),
				mode,
				staticData: wf.staticData,
			});
			// n8n saves static data after every execution but a manual one.
			if (mode !== 'manual') wf.staticData = result.staticData;
			const after = t.org.counters.apiCallsByKind;
			const writes = (c: typeof after) => c.collections + c.composite + c.sobject;
			return {
				error: result.error,
				describes: after.describe - before.describe,
				writes: writes(after) - writes(before),
			};
		},
	};
	return wf;
}

const contacts = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		Ext_Id__c: `crm-${from + i}`,
		LastName: `Customer ${from + i}`,
	}));

const upsertContacts: INodeParameters = {
	operation: 'upsert',
	objectName: 'Contact',
	columns: { ...autoMap, matchingColumns: ['Ext_Id__c'] },
};

describe('describes kept across executions for writes', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
		t.org.schema.addCustomField('Contact', {
			name: 'Ext_Id__c',
			type: 'string',
			externalId: true,
			unique: true,
			length: 80,
		});
	});
	afterEach(async () => {
		await t.close();
	});

	it("leaves the workflow's static data alone in every kind of execution, and describes each time", async () => {
		// n8n's queue mode saves what an execution changed in place of the workflow's static data (a
		// worker starts from empty), so writing there would erase a trigger's cursor. Nothing is kept.
		const wf = await workflowOn(t);
		const runs = [];
		for (const mode of ['trigger', 'webhook', 'manual', 'trigger'] as const)
			runs.push(await wf.run(upsertContacts, contacts(runs.length * 10, 10), mode));
		expect(runs.map((r) => [r.error, r.describes, r.writes])).toEqual(
			Array(4).fill([undefined, 1, 1]),
		);
		expect(keptOf(wf.staticData)).toEqual({});
		expect(wf.staticData).toEqual({});
		expect(t.org.store.rows('Contact').filter((c) => c.Ext_Id__c)).toHaveLength(40);
	});
});
