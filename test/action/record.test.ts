import type { INodeCredentials } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { N8nHarness } from '../n8n/harness';
import { actionSuite } from './suite';
import { saveCredential } from '../connection/setup';
import { externalIdField, startTestOrg, type TestOrg } from '../sandbox-org/testing';

// The action node's Record resource (any object) as n8n runs it, against the sandbox org.

const node = new SalesforceServiceCloud();

describe('Salesforce Service Cloud node: Record', () => {
	const s = actionSuite('record', (t) => {
		t.org.schema.addCustomField('Contact', externalIdField());
		t.org.schema.addCustomField('Lead', {
			name: 'Tier__c',
			type: 'picklist',
			picklist: ['Gold', 'Silver'],
			restrictedPicklist: true,
		});
	});
	const { run } = s;

	const autoMap = { mappingMode: 'autoMapInputData', value: null };

	it('creates 450 leads from the input items in one API call, each item with its id', async () => {
		const before = s.t.org.counters.apiCalls;
		const input = Array.from({ length: 450 }, (_, i) => ({
			LastName: `Visitor ${i}`,
			Company: 'Chat',
			Email: `v${i}@visitors.example`,
		}));
		const { items, error } = await run(
			{ operation: 'create', objectName: 'Lead', columns: autoMap },
			input,
		);
		expect(error).toBeUndefined();
		// The describe of Lead, then three batches of up to 200 in one Composite request.
		expect(s.t.org.counters.apiCalls - before).toBe(2);
		expect(items).toHaveLength(450);
		expect(items[449]).toMatchObject({
			json: { success: true, id: expect.stringMatching(/^00Q/) },
			pairedItem: { item: 449 },
		});
		expect(s.t.org.store.get(String(items[7].json.id))?.LastName).toBe('Visitor 7');
	});

	it('fails only the items Salesforce or the mapping refuses, naming the field, and keeps their input', async () => {
		const input = [
			{ LastName: 'Good', Company: 'Acme' },
			{ LastName: 'No company' },
			{ LastName: 'Typo', Company: 'Acme', Emial: 'x@example.com' },
			{ LastName: 'Bad tier', Company: 'Acme', Tier__c: 'Platinum' },
		];
		const { items } = await run(
			{ operation: 'create', objectName: 'Lead', columns: autoMap },
			input,
			true,
		);
		expect(items.map((i) => i.json.success ?? false)).toEqual([true, false, false, false]);
		expect(items[1].json).toMatchObject({
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['Company'],
			input: input[1],
		});
		expect(items[2].json).toMatchObject({ errorCode: 'INVALID_FIELD', input: input[2] });
		expect(String(items[2].json.error)).toMatch(/Emial.*Email/);
		expect(items[3].json.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
		expect(String(items[3].json.error)).toMatch(/Tier__c[\s\S]*Gold[\s\S]*Silver/);
	});

	it('without continue on fail, stops with an error naming the item and the field', async () => {
		const { error } = await run({ operation: 'create', objectName: 'Lead', columns: autoMap }, [
			{ LastName: 'Ok', Company: 'A' },
			{ LastName: 'No company' },
		]);
		expect(error?.message).toMatch(/required/i);
		expect(JSON.stringify(error)).toMatch(/Company/);
	});

	it('upserts by an external ID whose values have / % # and spaces: created, then updated', async () => {
		const columns = {
			mappingMode: 'autoMapInputData',
			value: null,
			matchingColumns: ['Ext_Id__c'],
		};
		const input = [
			{ Ext_Id__c: 'crm/42 #a', LastName: 'Slash' },
			{ Ext_Id__c: '50% off', LastName: 'Percent' },
		];
		const first = await run({ operation: 'upsert', objectName: 'Contact', columns }, input);
		expect(first.items.map((i) => i.json.created)).toEqual([true, true]);
		const second = await run(
			{ operation: 'upsert', objectName: 'Contact', columns },
			input.map((r) => ({ ...r, Title: 'Updated' })),
		);
		expect(second.items.map((i) => i.json.created)).toEqual([false, false]);
		expect(second.items.map((i) => i.json.id)).toEqual(first.items.map((i) => i.json.id));
	});

	it('updates and deletes by Id, and gets a record with chosen fields', async () => {
		const id = s.t.org.store.insert('Account', { Name: 'Old Name' });
		await run({
			operation: 'update',
			objectName: 'Account',
			columns: { mappingMode: 'defineBelow', value: { Id: id, Name: 'New Name' } },
		});
		const got = await run({
			operation: 'get',
			objectName: 'Account',
			recordId: id,
			fields: ['Name'],
		});
		expect(got.items[0].json).toMatchObject({ Id: id, Name: 'New Name' });
		expect(got.items[0].json).not.toHaveProperty('attributes');
		const deleted = await run({ operation: 'delete', objectName: 'Account', recordId: id });
		expect(deleted.items[0].json.success).toBe(true);
		expect(s.t.org.store.get(id)).toBeUndefined();
	});

	it('catches a malformed Id before any call', async () => {
		const before = s.t.org.counters.apiCalls;
		const { items } = await run(
			{ operation: 'get', objectName: 'Account', recordId: "001' OR Id != '" },
			[{ x: 1 }],
			true,
		);
		expect(items[0].json.error).toBe(
			`Record ID "001' OR Id != '" is not a Salesforce record Id: it has characters a Salesforce Id never has (only letters and digits)`,
		);
		expect(items[0].json.input).toEqual({ x: 1 });
		expect(s.t.org.counters.apiCalls - before).toBeLessThanOrEqual(1); // the describe only
	});

	it('gets many records with conditions, a limit, or all pages', async () => {
		for (let i = 0; i < 2100; i++)
			s.t.org.store.insert('Task', {
				Subject: i % 3 === 0 ? `Call ${i}` : `Email ${i}`,
				Status: 'Not Started',
				Priority: 'Normal',
			});
		const limited = await run({
			operation: 'getMany',
			objectName: 'Task',
			fields: ['Subject'],
			conditions: { condition: [{ field: 'Subject', operator: 'startsWith', value: 'Call' }] },
			limit: 5,
		});
		expect(limited.items).toHaveLength(5);
		expect(limited.items.every((i) => String(i.json.Subject).startsWith('Call'))).toBe(true);
		const all = await run({
			operation: 'getMany',
			objectName: 'Task',
			fields: ['Subject'],
			returnAll: true,
		});
		expect(all.items).toHaveLength(2100);
	});

	it('runs a SOQL query through all its pages', async () => {
		const { items } = await run({
			operation: 'soqlQuery',
			query: 'SELECT Id, Subject FROM Task ORDER BY Id',
			returnAll: true,
		});
		expect(items).toHaveLength(2100);
	});

	it("offers the object's writable fields from its describe, required ones marked", async () => {
		const mapping = await s.harness.resourceMapping({
			type: s.node,
			method: 'getMappingColumns',
			parameters: {
				authentication: 'clientCredentials',
				resource: 'record',
				operation: 'create',
				objectName: 'Lead',
			},
			credentials: s.credentials,
		});
		const byId = new Map(mapping.fields.map((f) => [f.id, f]));
		expect(byId.get('LastName')?.required).toBe(true);
		expect(byId.get('Company')?.required).toBe(true);
		expect(byId.has('IsConverted')).toBe(false);
		expect(byId.get('Status')?.type).toBe('options');
		// A case's contact can be named by the contact's own external ID.
		const caseMapping = await s.harness.resourceMapping({
			type: s.node,
			method: 'getMappingColumns',
			parameters: { authentication: 'clientCredentials', resource: 'case', operation: 'create' },
			credentials: s.credentials,
		});
		expect(caseMapping.fields.map((f) => f.id)).toContain('Contact.Ext_Id__c');
	});
});

describe('Salesforce Service Cloud node: owner by email on creates', () => {
	let t: TestOrg;
	let harness: N8nHarness;
	let credentials: INodeCredentials;
	beforeAll(async () => {
		t = await startTestOrg();
		harness = new N8nHarness({
			credentials: [new SalesforceServiceCloudClientCredentialsApi()],
			nodes: [node],
		});
		({ credentials } = await saveCredential(harness, t, 'clientCredentials'));
	});
	afterAll(async () => {
		await t.close();
	});

	it.each([
		['lead', 'Lead', { LastName: 'Owned', Company: 'Acme' }],
		['case', 'Case', { Subject: 'Owned', Status: 'New' }],
	])(
		'%s: the owner is the active user with the agent email, or the default owner',
		async (resource, objectName, fields) => {
			const agent = t.org.addUser({
				firstName: 'Ana',
				lastName: 'Agent',
				email: `ana.${resource}@support.example`,
			});
			const queriesBefore = t.org.counters.apiCallsByKind.query;
			const run = await harness.execute({
				type: node,
				parameters: {
					authentication: 'clientCredentials',
					resource,
					operation: 'create',
					columns: { mappingMode: 'defineBelow', value: fields },
					ownerEmail: '={{ $json.agent }}',
					defaultOwnerId: t.identity.userId,
				},
				credentials,
				input: [
					{ json: { agent: `ANA.${resource}@support.example` } },
					{ json: { agent: 'nobody@support.example' } },
				],
			});
			expect(run.error).toBeUndefined();
			const ids = (run.output?.[0] ?? []).map((i) => String(i.json.id));
			expect(t.org.store.get(ids[0], objectName)?.OwnerId).toBe(agent);
			expect(t.org.store.get(ids[1], objectName)?.OwnerId).toBe(t.identity.userId);
			expect(t.org.counters.apiCallsByKind.query - queriesBefore).toBe(1);
		},
	);
});
