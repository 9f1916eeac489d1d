import type {
	IDataObject,
	INodeCredentials,
	INodeParameters,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { KEPT_DESCRIBE_TTL_MS, MAX_KEPT_OBJECTS } from '../../nodes/shared/schema/keptSchemas';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import { externalIdField, startTestOrg, type TestOrg } from '../sandbox-org/testing';

// The action node keeps what its writes need of a describe in the memory of the process that runs
// it, so that a workflow that runs again and again spends one call per 1,000 writes, not two. Each
// test runs the node through n8n's engine several times in this process (as a worker in queue mode
// does), carrying the workflow's static data from one execution to the next as n8n saves and loads
// it: the node must leave it alone (a worker saves what a node changed in place of the workflow's
// static data, which would erase a trigger's cursor). Each test has its own org, so its own
// identity: describes kept by one test are not seen by the next.

const autoMap = { mappingMode: 'autoMapInputData', value: null };
const node = new SalesforceServiceCloud();

/** A trigger's cursor in the same workflow, which no execution of the action node may change. */
const cursor = (): IDataObject => ({
	'node:Case Closed': { lastClosedDate: '2026-12-01T00:00:00Z' },
});

interface Workflow {
	/** Runs the node once with the static data the previous execution left. */
	run(
		parameters: INodeParameters,
		input: IDataObject[],
		options?: { mode?: WorkflowExecuteMode; continueOnFail?: boolean },
	): Promise<{
		items: IDataObject[];
		error?: Error;
		describes: number;
		writes: number;
		staticDataChanged: boolean;
	}>;
	staticData: IDataObject;
}

/** One saved workflow with the action node, on a credential of `t`'s org. */
async function workflowOn(t: TestOrg, credentialOverrides: IDataObject = {}): Promise<Workflow> {
	const harness = new N8nHarness({
		credentials: [new SalesforceServiceCloudClientCredentialsApi()],
		nodes: [node],
	});
	const { credentials } = await saveCredential(
		harness,
		t,
		'clientCredentials',
		credentialOverrides as Record<string, string>,
	);
	return workflowWith(harness, credentials, t);
}

function workflowWith(harness: N8nHarness, credentials: INodeCredentials, t: TestOrg): Workflow {
	const wf: Workflow = {
		staticData: cursor(),
		async run(parameters, input, options = {}) {
			const before = { ...t.org.counters.apiCallsByKind };
			const result = await harness.execute({
				type: node,
				parameters: { authentication: 'clientCredentials', resource: 'record', ...parameters },
				credentials,
				input: input.map((json) => ({ json })),
				mode: options.mode,
				staticData: wf.staticData,
				settings: options.continueOnFail ? { onError: 'continueRegularOutput' } : {},
			});
			// n8n saves static data after every execution but a manual one.
			if ((options.mode ?? 'trigger') !== 'manual') wf.staticData = result.staticData;
			const after = t.org.counters.apiCallsByKind;
			return {
				items: (result.output?.[0] ?? []).map((i) => i.json),
				error: result.error,
				staticDataChanged: result.staticDataChanged,
				describes: after.describe - before.describe,
				writes:
					after.collections +
					after.composite +
					after.sobject -
					before.collections -
					before.composite -
					before.sobject,
			};
		},
	};
	return wf;
}

const contacts = (from: number, count: number, extra: IDataObject = {}) =>
	Array.from({ length: count }, (_, i) => ({
		Ext_Id__c: `crm-${from + i}`,
		LastName: `Customer ${from + i}`,
		...extra,
	}));

/** Contact's external ID field, which the upserts match on. */
const withExternalId = (org: TestOrg) =>
	org.org.schema.addCustomField('Contact', externalIdField());

const upsertContacts: INodeParameters = {
	operation: 'upsert',
	objectName: 'Contact',
	columns: { ...autoMap, matchingColumns: ['Ext_Id__c'] },
};

describe('describes kept across executions for writes', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
		withExternalId(t);
	});
	afterEach(async () => {
		await t.close();
	});

	it('spends one describe for 10 executions of the same workflow, and one write call each', async () => {
		const wf = await workflowOn(t);
		const runs = [];
		for (let n = 0; n < 10; n++) runs.push(await wf.run(upsertContacts, contacts(n * 50, 50)));
		expect(runs.map((r) => r.error)).toEqual(Array(10).fill(undefined));
		expect(runs.map((r) => r.describes)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
		expect(runs.map((r) => r.writes)).toEqual(Array(10).fill(1));
		expect(t.org.store.rows('Contact').filter((c) => c.Ext_Id__c)).toHaveLength(500);
		expect(wf.staticData).toEqual(cursor());
	});

	it("leaves the workflow's static data alone in every kind of execution; a manual one describes", async () => {
		const wf = await workflowOn(t);
		const runs = [];
		for (const mode of ['trigger', 'webhook', 'manual', 'trigger'] as const)
			runs.push(await wf.run(upsertContacts, contacts(runs.length * 10, 10), { mode }));
		expect(runs.map((r) => [r.error, r.describes, r.writes])).toEqual([
			[undefined, 1, 1],
			[undefined, 0, 1],
			[undefined, 1, 1],
			[undefined, 0, 1],
		]);
		expect(wf.staticData).toEqual(cursor());
		// Not even marked changed: a queue-mode worker, which starts from empty static data, would
		// save its own over the workflow's.
		expect(runs.map((r) => r.staticDataChanged)).toEqual([false, false, false, false]);
		expect(t.org.store.rows('Contact').filter((c) => c.Ext_Id__c)).toHaveLength(40);
	});

	it('shares one describe among executions that start together, and with other workflows on the same credential', async () => {
		const harness = new N8nHarness({
			credentials: [new SalesforceServiceCloudClientCredentialsApi()],
			nodes: [node],
		});
		const { credentials } = await saveCredential(harness, t, 'clientCredentials');
		const workflows = Array.from({ length: 5 }, () => workflowWith(harness, credentials, t));
		const before = t.org.counters.apiCallsByKind.describe;
		const runs = await Promise.all(
			workflows.map((wf, n) => wf.run(upsertContacts, contacts(n * 20, 20))),
		);
		expect(runs.map((r) => r.error)).toEqual(Array(5).fill(undefined));
		expect(t.org.counters.apiCallsByKind.describe - before).toBe(1);
		expect((await workflows[0].run(upsertContacts, contacts(100, 1))).describes).toBe(0);
		expect(t.org.store.rows('Contact').filter((c) => c.Ext_Id__c)).toHaveLength(101);
	});

	it('finds a field added in Salesforce after the describe was kept, with one more describe', async () => {
		const wf = await workflowOn(t);
		await wf.run(upsertContacts, contacts(0, 2));
		t.org.schema.addCustomField('Contact', { name: 'Tier__c', type: 'string', length: 20 });
		const added = await wf.run(upsertContacts, contacts(2, 2, { Tier__c: 'Gold' }));
		expect(added.error).toBeUndefined();
		expect([added.describes, added.writes]).toEqual([1, 1]);
		expect(t.org.store.rows('Contact').filter((c) => c.Tier__c === 'Gold')).toHaveLength(2);
		// The fresh describe is kept: the next execution needs none.
		const next = await wf.run(upsertContacts, contacts(4, 2, { Tier__c: 'Silver' }));
		expect([next.error, next.describes, next.writes]).toEqual([undefined, 0, 1]);
	});

	it('keeps the describe for Find or Create too, and finds a field added since', async () => {
		const wf = await workflowOn(t);
		const findOrCreate = {
			resource: 'contact',
			operation: 'findOrCreate',
			matchField: 'Email',
			columns: autoMap,
		};
		const person = (n: number, extra: IDataObject = {}) => ({
			LastName: `Person ${n}`,
			Email: `person${n}@example.com`,
			...extra,
		});
		const first = await wf.run(findOrCreate, [person(1), person(2)]);
		const again = await wf.run(findOrCreate, [person(2), person(3)]);
		expect([first.error, first.describes]).toEqual([undefined, 1]);
		expect([again.error, again.describes]).toEqual([undefined, 0]);
		expect(again.items.map((i) => i.action)).toEqual(['matched', 'created']);
		t.org.schema.addCustomField('Contact', { name: 'Tier__c', type: 'string', length: 20 });
		const added = await wf.run(findOrCreate, [person(4, { Tier__c: 'Gold' })]);
		expect([added.error, added.describes]).toEqual([undefined, 1]);
		expect(
			t.org.store.rows('Contact').find((c) => c.Email === 'person4@example.com')?.Tier__c,
		).toBe('Gold');
		expect((await wf.run(findOrCreate, [person(5, { Tier__c: 'Silver' })])).describes).toBe(0);
	});

	it('describes once more before refusing a field the kept describe does not know, and writes nothing', async () => {
		const wf = await workflowOn(t);
		await wf.run(upsertContacts, contacts(0, 1));
		const refused = await wf.run(upsertContacts, contacts(1, 2, { Tierr__c: 'Gold' }));
		expect([refused.describes, refused.writes]).toEqual([1, 0]);
		expect(refused.error?.message).toMatch(/Nothing was written: item 0, field Tierr__c/);
		expect(refused.error?.message).toMatch(/has no field "Tierr__c"/);
		expect(t.org.store.rows('Contact')).toHaveLength(1);
	});

	it('describes again when Salesforce refuses a field the kept describe allowed, and never sends the record twice', async () => {
		const wf = await workflowOn(t);
		await wf.run(upsertContacts, contacts(0, 1, { Title: 'Buyer' }));
		// An admin takes away the right to set Title after the describe was kept.
		const contact = t.org.schema.get('Contact');
		const title = contact?.field('Title');
		if (!contact || !title) throw new Error('the sandbox has no Contact.Title');
		contact.addField({ ...title, createable: false, updateable: false });
		const refused = await wf.run(
			upsertContacts,
			[...contacts(1, 1), ...contacts(2, 1, { Title: 'Owner' })],
			{ continueOnFail: true },
		);
		expect([refused.writes, refused.describes]).toEqual([1, 1]);
		expect(refused.items[0]).toMatchObject({ success: true });
		expect(refused.items[1]).toMatchObject({
			errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
			fields: ['Title'],
		});
		expect(String(refused.items[1].error)).toMatch(/Title.*cannot be set in a upsert/);
		expect(t.org.store.rows('Contact').map((c) => c.Ext_Id__c)).toEqual(['crm-0', 'crm-1']);
		// The fresh describe is kept: the next execution refuses the item before sending it (after
		// one more describe, as for any item a kept describe refuses).
		const next = await wf.run(upsertContacts, contacts(3, 1, { Title: 'Owner' }), {
			continueOnFail: true,
		});
		expect([next.writes, next.describes]).toEqual([0, 1]);
		expect(next.items[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
	});

	it('describes again once the kept describe is older than a day', async () => {
		const wf = await workflowOn(t);
		const realNow = Date.now.bind(Date);
		let later = 0;
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + later);
		try {
			await wf.run(upsertContacts, contacts(0, 1));
			later = KEPT_DESCRIBE_TTL_MS - 60_000;
			expect((await wf.run(upsertContacts, contacts(1, 1))).describes).toBe(0);
			later = KEPT_DESCRIBE_TTL_MS + 60_000;
			expect((await wf.run(upsertContacts, contacts(2, 1))).describes).toBe(1);
			expect((await wf.run(upsertContacts, contacts(3, 1))).describes).toBe(0);
		} finally {
			clock.mockRestore();
		}
	});

	it('keeps the describes of two objects apart', async () => {
		const wf = await workflowOn(t);
		const createLead = { operation: 'create', objectName: 'Lead', columns: autoMap };
		const lead = [{ LastName: 'Visitor', Company: 'Web chat' }];
		const runs = [
			await wf.run(upsertContacts, contacts(0, 1)),
			await wf.run(createLead, lead),
			await wf.run(upsertContacts, contacts(1, 1)),
			await wf.run(createLead, lead),
		];
		expect(runs.map((r) => [r.error, r.describes, r.writes])).toEqual([
			[undefined, 1, 1],
			[undefined, 1, 1],
			[undefined, 0, 1],
			[undefined, 0, 1],
		]);
	});

	it(`keeps the ${MAX_KEPT_OBJECTS} objects used last, and nothing too large`, async () => {
		const wf = await workflowOn(t);
		const names = Array.from({ length: MAX_KEPT_OBJECTS + 1 }, (_, i) => `Kept${i}__c`);
		for (const name of names) t.org.schema.addCustomObject(name, name, []);
		const create = (objectName: string) =>
			wf.run({ operation: 'create', objectName, columns: autoMap }, [{ Name: objectName }]);
		// Kept0 is used again before the last one comes in, so Kept1 is the one let go.
		for (const name of names.slice(0, -1)) await create(name);
		expect((await create(names[0])).describes).toBe(0);
		expect((await create(names[MAX_KEPT_OBJECTS])).describes).toBe(1);
		expect((await create(names[0])).describes).toBe(0);
		expect((await create(names[2])).describes).toBe(0);
		expect((await create(names[1])).describes).toBe(1);

		// An object whose kept form would pass the bound is described in every execution instead.
		t.org.schema.addCustomObject('Catalog__c', 'Catalog', [
			{
				name: 'Sku__c',
				type: 'picklist',
				picklist: Array.from({ length: 8000 }, (_, i) => `SKU-${100000 + i}`),
			},
		]);
		const big = { operation: 'create', objectName: 'Catalog__c', columns: autoMap };
		const runs = [
			await wf.run(big, [{ Name: 'A', Sku__c: 'SKU-100001' }]),
			await wf.run(big, [{ Name: 'B', Sku__c: 'SKU-100002' }]),
		];
		expect(runs.map((r) => [r.error, r.describes])).toEqual([
			[undefined, 1],
			[undefined, 1],
		]);
		expect(wf.staticData).toEqual(cursor());
	}, 60_000);

	it('describes in every manual execution', async () => {
		const wf = await workflowOn(t);
		const manual = { mode: 'manual' as const };
		const runs = [
			await wf.run(upsertContacts, contacts(0, 1), manual),
			await wf.run(upsertContacts, contacts(1, 1), manual),
		];
		expect(runs.map((r) => [r.error, r.describes, r.writes])).toEqual([
			[undefined, 1, 1],
			[undefined, 1, 1],
		]);
	});

	it('describes again when the credential signs in to another org', async () => {
		const wf = await workflowOn(t);
		await wf.run(upsertContacts, contacts(0, 1));
		const other = await startTestOrg();
		try {
			withExternalId(other);
			const moved = await workflowOn(other);
			const run = await moved.run(upsertContacts, contacts(1, 1));
			expect([run.error, run.describes, run.writes]).toEqual([undefined, 1, 1]);
			expect((await wf.run(upsertContacts, contacts(2, 1))).describes).toBe(0);
		} finally {
			await other.close();
		}
	});
});
