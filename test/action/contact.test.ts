import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { N8nHarness } from '../n8n/harness';
import { actionSuite } from './suite';
import { saveCredential } from '../connection/setup';
import { externalIdField, startTestOrg } from '../sandbox-org/testing';

// The action node's Contact resource as n8n runs it, against the sandbox org.

const DAY = 24 * 3600 * 1000;

describe('Salesforce Service Cloud node: Contact', () => {
	const s = actionSuite('contact', (t) => {
		t.org.schema.addCustomField('Contact', externalIdField());
	});
	const { run } = s;

	const autoMap = { mappingMode: 'autoMapInputData', value: null };
	const findOrCreate = (
		input: IDataObject[],
		options: INodeParameters = {},
		continueOnFail = false,
	) =>
		run(
			{ operation: 'findOrCreate', matchField: 'Email', columns: autoMap, ...options },
			input,
			continueOnFail,
		);
	const contact = (id: unknown) => s.t.org.store.get(String(id)) ?? {};

	it('creates, gets, updates, upserts and gets many contacts', async () => {
		const created = await run({
			operation: 'create',
			columns: {
				mappingMode: 'defineBelow',
				value: { LastName: 'Grace', Email: 'grace@navy.example' },
			},
		});
		const id = String(created.items[0].json.id);
		expect(id).toMatch(/^003/);
		await run({ operation: 'update', columns: autoMap }, [{ Id: id, Title: 'Admiral' }]);
		const got = await run({ operation: 'get', recordId: id });
		expect(got.items[0].json).toMatchObject({ Id: id, LastName: 'Grace', Title: 'Admiral' });
		const columns = {
			mappingMode: 'autoMapInputData',
			value: null,
			matchingColumns: ['Ext_Id__c'],
		};
		const up = await run({ operation: 'upsert', columns }, [
			{ Ext_Id__c: 'x/1', LastName: 'Upsert' },
		]);
		expect(up.items[0].json.created).toBe(true);
		const many = await run({
			operation: 'getMany',
			returnAll: true,
			fields: ['LastName'],
			conditions: { condition: [{ field: 'Ext_Id__c', operator: 'equals', value: 'x/1' }] },
		});
		expect(many.items.map((i) => i.json.LastName)).toEqual(['Upsert']);
	});

	it('leaves a found contact as it is, overwrites it, or fills only its empty fields', async () => {
		const values = { LastName: 'Newname', Title: 'New title', Phone: '555-0100' };
		const ids = ['keep', 'overwrite', 'fill'].map((p) =>
			s.t.org.store.insert('Contact', {
				LastName: 'Old',
				Title: 'Old title',
				Email: `${p}@policy.example`,
			}),
		);
		const keep = await findOrCreate([{ ...values, Email: 'keep@policy.example' }], {
			updatePolicy: 'keep',
		});
		const overwrite = await findOrCreate([{ ...values, Email: 'overwrite@policy.example' }], {
			updatePolicy: 'overwrite',
		});
		const fill = await findOrCreate([{ ...values, Email: 'fill@policy.example' }], {
			updatePolicy: 'fillEmpty',
		});
		expect([keep, overwrite, fill].map((r) => r.items[0].json.action)).toEqual([
			'matched',
			'updated',
			'updated',
		]);
		expect([keep, overwrite, fill].map((r) => r.items[0].json.id)).toEqual(ids);
		expect(contact(ids[0])).toMatchObject({ LastName: 'Old', Title: 'Old title' });
		expect(contact(ids[0]).Phone ?? null).toBeNull();
		expect(contact(ids[1])).toMatchObject({
			LastName: 'Newname',
			Title: 'New title',
			Phone: '555-0100',
		});
		expect(contact(ids[2])).toMatchObject({
			LastName: 'Old',
			Title: 'Old title',
			Phone: '555-0100',
		});
		const again = await findOrCreate([{ ...values, Email: 'fill@policy.example' }], {
			updatePolicy: 'fillEmpty',
		});
		expect(again.items[0].json.action).toBe('matched');
	});

	describe('when several contacts have the email', () => {
		let older: string;
		let newer: string;
		beforeAll(() => {
			const now = s.t.org.clock.now();
			older = s.t.org.store.insert(
				'Contact',
				{ LastName: 'First', Email: 'twice@dupes.example' },
				{ audit: { CreatedDate: now - 2 * DAY } },
			);
			newer = s.t.org.store.insert(
				'Contact',
				{ LastName: 'Second', Email: 'twice@dupes.example' },
				{ audit: { CreatedDate: now - DAY } },
			);
		});

		it('uses the most recently modified one', async () => {
			const { items } = await findOrCreate([{ LastName: 'X', Email: 'twice@dupes.example' }], {
				multipleMatches: 'lastModified',
			});
			expect(items[0].json).toMatchObject({ action: 'matched', id: newer });
		});

		it('uses the first created one', async () => {
			const { items } = await findOrCreate([{ LastName: 'X', Email: 'twice@dupes.example' }], {
				multipleMatches: 'firstCreated',
			});
			expect(items[0].json).toMatchObject({ action: 'matched', id: older });
		});

		it('fails the item, listing the records, and goes on with the others', async () => {
			const input = [
				{ LastName: 'X', Email: 'twice@dupes.example' },
				{ LastName: 'Y', Email: 'once@dupes.example' },
			];
			const { items } = await findOrCreate(input, { multipleMatches: 'fail' }, true);
			expect(items[0].json).toMatchObject({
				errorCode: 'MULTIPLE_RECORDS_MATCHED',
				fields: ['Email'],
				input: input[0],
			});
			expect(String(items[0].json.error)).toContain(older);
			expect(items[1].json.action).toBe('created');
		});
	});

	it('escapes an email with a quote in it', async () => {
		const id = s.t.org.store.insert('Contact', {
			LastName: "O'Brien",
			Email: "o'brien@quote.example",
		});
		const { items, error } = await findOrCreate(
			[
				{ LastName: "O'Brien", Email: "o'brien@quote.example" },
				{ LastName: 'Other', Email: "x' OR Email != 'y@quote.example" },
			],
			{},
			true,
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ action: 'matched', id });
		expect(items[1].json.action).not.toBe('matched');
	});

	it('matches on another field the user picks', async () => {
		const id = s.t.org.store.insert('Contact', { LastName: 'Ext', Ext_Id__c: 'ext-77' });
		const { items } = await findOrCreate(
			[
				{ LastName: 'Ext', Ext_Id__c: 'EXT-77' },
				{ LastName: 'Ext2', Ext_Id__c: 'ext-78' },
			],
			{ matchField: 'Ext_Id__c' },
		);
		expect(items.map((i) => i.json.action)).toEqual(['matched', 'created']);
		expect(items[0].json.id).toBe(id);
	});

	it('names the missing required field when it has to create', async () => {
		const { items } = await findOrCreate(
			[{ Email: 'nobody@missing.example', Title: 'No name' }],
			{},
			true,
		);
		expect(items[0].json).toMatchObject({
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['LastName'],
		});
		expect(String(items[0].json.error)).toMatch(/Last Name|LastName/);
	});
});

describe('Contact Find or Create: owner by email', () => {
	it('sets the owner found by email on the contacts it creates', async () => {
		const t = await startTestOrg();
		try {
			const node = new SalesforceServiceCloud();
			const harness = new N8nHarness({
				credentials: [new SalesforceServiceCloudClientCredentialsApi()],
				nodes: [node],
			});
			const { credentials } = await saveCredential(harness, t, 'clientCredentials');
			const agent = t.org.addUser({
				firstName: 'Bo',
				lastName: 'Agent',
				email: 'bo@support.example',
			});
			const run = await harness.execute({
				type: node,
				parameters: {
					authentication: 'clientCredentials',
					resource: 'contact',
					operation: 'findOrCreate',
					columns: {
						mappingMode: 'defineBelow',
						value: { LastName: 'Visitor', Email: 'visitor@customer.example' },
					},
					ownerEmail: 'bo@support.example',
				},
				credentials,
				input: [{ json: {} }],
			});
			expect(run.error).toBeUndefined();
			const item = run.output?.[0]?.[0]?.json ?? {};
			expect(item.action).toBe('created');
			expect(t.org.store.get(String(item.id), 'Contact')?.OwnerId).toBe(agent);
		} finally {
			await t.close();
		}
	});
});
