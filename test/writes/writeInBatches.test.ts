import type { IDataObject } from 'n8n-workflow';

import { externalIdField, startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { runWriter } from './setup';

// The batched writer through n8n's engine against the sandbox org: 200 records a Collections
// call, results paired back to their items, failed rows as item errors that keep their input.

const lead = (i: number): IDataObject => ({ LastName: `Lead ${i}`, Company: `Company ${i}` });
const collectionsCalls = (t: TestOrg) => t.org.counters.apiCallsByKind.collections;
const compositeCalls = (t: TestOrg) => t.org.counters.apiCallsByKind.composite;

describe('writing records in batches', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
		t.org.schema.addCustomField('Contact', externalIdField());
	});
	afterAll(async () => {
		await t.close();
	});
	afterEach(() => {
		t.org.faults.failNext = { count: 0, kind: 'SERVER_UNAVAILABLE' };
	});

	it('creates 450 records in one API call, each item with its id and its pairedItem', async () => {
		const before = collectionsCalls(t);
		const compositeBefore = compositeCalls(t);
		const leadsBefore = t.org.store.count('Lead');
		const result = await runWriter(
			t,
			{ operation: 'create', objectName: 'Lead' },
			Array.from({ length: 450 }, (_, i) => lead(i)),
		);
		expect(result.error).toBeUndefined();
		// Three Collections batches of up to 200, bundled in one Composite request: one API call.
		expect(collectionsCalls(t) - before).toBe(0);
		expect(compositeCalls(t) - compositeBefore).toBe(1);
		expect(result.items).toHaveLength(450);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ success: true, id: expect.stringMatching(/^00Q\w{15}$/) });
			expect(t.org.store.get(String(item.json.id), 'Lead')?.LastName).toBe(`Lead ${i}`);
		});
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(450);
		expect(t.org.store.count('Lead') - leadsBefore).toBe(450);
	});

	it('fails only the rows Salesforce refused, with its code, message and fields, keeping their input (continue on fail)', async () => {
		const records = [lead(1), { LastName: 'No Company' }, lead(3), { LastName: 'Nor this one' }];
		const result = await runWriter(t, { operation: 'create', objectName: 'Lead' }, records, {
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expect(result.items[0].json).toMatchObject({ success: true, id: expect.any(String) });
		expect(result.items[2].json).toMatchObject({ success: true, id: expect.any(String) });
		for (const i of [1, 3]) {
			expect(result.items[i].json).toEqual({
				error: expect.stringContaining('Required fields are missing'),
				errorCode: 'REQUIRED_FIELD_MISSING',
				fields: ['Company'],
				input: records[i],
			});
		}
	});

	it('without continue on fail, throws a NodeApiError naming the first failed item', async () => {
		const result = await runWriter(t, { operation: 'create', objectName: 'Lead' }, [
			lead(1),
			lead(2),
			{ LastName: 'No Company' },
		]);
		expect(result.output).toBeUndefined();
		expect(result.thrown).toMatchObject({
			name: 'NodeApiError',
			context: { itemIndex: 2, errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Company'] },
		});
		expect(String((result.thrown as { description?: string }).description)).toMatch(/^Item 2: /);
	});

	it('with all or none, one failed row rolls every row back', async () => {
		const leadsBefore = t.org.store.count('Lead');
		const result = await runWriter(
			t,
			{ operation: 'create', objectName: 'Lead', allOrNone: true },
			[lead(1), { LastName: 'No Company' }, lead(3)],
			{ continueOnFail: true },
		);
		expect(t.org.store.count('Lead')).toBe(leadsBefore);
		expect(result.items.map((item) => item.json.errorCode)).toEqual([
			'ALL_OR_NONE_OPERATION_ROLLED_BACK',
			'REQUIRED_FIELD_MISSING',
			'ALL_OR_NONE_OPERATION_ROLLED_BACK',
		]);
		expect(result.items[0].json.input).toEqual(lead(1));
	});

	it('upserts by an external ID with / % # and spaces, reporting created and then updated', async () => {
		const values = ['a/b', '50% off', '#42', 'with spaces and / % #'];
		const contacts = values.map((v, i) => ({ Ext_Id__c: v, LastName: `Contact ${i}` }));
		const upsert = { operation: 'upsert', objectName: 'Contact', externalIdField: 'Ext_Id__c' };
		const before = collectionsCalls(t);
		const first = await runWriter(t, upsert, contacts);
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.json.created)).toEqual([true, true, true, true]);
		const second = await runWriter(
			t,
			upsert,
			contacts.map((c) => ({ ...c, LastName: `${c.LastName} again` })),
		);
		expect(second.error).toBeUndefined();
		expect(collectionsCalls(t) - before).toBe(2);
		expect(second.items.map((item) => item.json.created)).toEqual([false, false, false, false]);
		expect(second.items.map((item) => item.json.id)).toEqual(
			first.items.map((item) => item.json.id),
		);
		second.items.forEach((item, i) => {
			expect(t.org.store.get(String(item.json.id), 'Contact')).toMatchObject({
				Ext_Id__c: values[i],
				LastName: `Contact ${i} again`,
			});
		});
	});

	it('rides out UNABLE_TO_LOCK_ROW on an update batch', async () => {
		const ids = Array.from({ length: 3 }, (_, i) => t.org.store.insert('Lead', lead(i)));
		t.org.faults.failNext = { count: 2, kind: 'UNABLE_TO_LOCK_ROW' };
		const result = await runWriter(
			t,
			{ operation: 'update', objectName: 'Lead' },
			ids.map((Id, i) => ({ Id, Company: `Renamed ${i}` })),
		);
		expect(result.error).toBeUndefined();
		expect(t.org.faults.failNext.count).toBe(0);
		expect(result.items.map((item) => item.json)).toEqual(ids.map((id) => ({ id, success: true })));
		ids.forEach((id, i) => expect(t.org.store.get(id, 'Lead')?.Company).toBe(`Renamed ${i}`));
	});

	it('sends a create batch again after a 503 (Salesforce applied nothing), writing each record once', async () => {
		const leadsBefore = t.org.store.count('Lead');
		const logStart = t.org.counters.log.length;
		t.org.faults.failNext = { count: 1, kind: 'SERVER_UNAVAILABLE' };
		const result = await runWriter(
			t,
			{ operation: 'create', objectName: 'Lead' },
			[lead(1), lead(2)],
			{ continueOnFail: true },
		);
		const posts = t.org.counters.log
			.slice(logStart)
			.filter((e) => e.method === 'POST' && e.path.endsWith('/composite/sobjects'));
		expect(posts.map((e) => e.status)).toEqual([503, 200]);
		expect(t.org.store.count('Lead') - leadsBefore).toBe(2);
		expect(result.items.map((item) => [item.pairedItem, item.json.success])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, true],
		]);
	});

	it('deletes by Id, failing an item without one', async () => {
		const ids = [t.org.store.insert('Lead', lead(1)), t.org.store.insert('Lead', lead(2))];
		const result = await runWriter(
			t,
			{ operation: 'delete', objectName: 'Lead' },
			[{ Id: ids[0] }, { Name: 'no Id' }, { Id: ids[1] }],
			{ continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.success ?? item.json.errorCode)).toEqual([
			true,
			'MISSING_ARGUMENT',
			true,
		]);
		ids.forEach((id) => expect(t.org.store.get(id, 'Lead')).toBeUndefined());
	});
});
