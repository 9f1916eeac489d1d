import type { IDataObject } from 'n8n-workflow';

import { actionSuite } from './suite';
import { externalIdField } from '../sandbox-org/testing';

// The action node's Account and Opportunity resources as n8n runs them, against the sandbox org.

const autoMap = { mappingMode: 'autoMapInputData', value: null };
const upsertOn = (field: string) => ({ ...autoMap, matchingColumns: [field] });

describe('Salesforce Service Cloud node: Account', () => {
	const s = actionSuite('account', (t) => {
		t.org.schema.addCustomField('Account', externalIdField());
	});
	const { run } = s;

	it('creates, gets, updates, upserts, gets many and deletes accounts', async () => {
		const created = await run({ operation: 'create', columns: autoMap }, [
			{ Name: 'Acme', Industry: 'Retail' },
		]);
		const id = String(created.items[0].json.id);
		expect(id).toMatch(/^001/);
		await run({
			operation: 'update',
			columns: { mappingMode: 'defineBelow', value: { Id: id, Phone: '+1 555 0100' } },
		});
		const got = await run({ operation: 'get', recordId: id, fields: ['Name', 'Phone'] });
		expect(got.items[0].json).toMatchObject({ Id: id, Name: 'Acme', Phone: '+1 555 0100' });
		const first = await run({ operation: 'upsert', columns: upsertOn('Ext_Id__c') }, [
			{ Ext_Id__c: 'erp-1', Name: 'Globex' },
		]);
		const second = await run({ operation: 'upsert', columns: upsertOn('Ext_Id__c') }, [
			{ Ext_Id__c: 'erp-1', Industry: 'Energy' },
		]);
		expect([first.items[0].json.created, second.items[0].json.created]).toEqual([true, false]);
		const many = await run({
			operation: 'getMany',
			fields: ['Name', 'Industry'],
			conditions: { condition: [{ field: 'Industry', operator: 'equals', value: 'Energy' }] },
		});
		expect(many.items.map((i) => i.json.Name)).toEqual(['Globex']);
		const deleted = await run({ operation: 'delete', recordId: id });
		expect(deleted.items[0].json).toMatchObject({ id, success: true });
		expect(s.t.org.store.get(id)).toBeUndefined();
	});

	it('names the item and the field of an account without a name, and creates the others', async () => {
		const input = [{ Name: 'Initech' }, { Industry: 'Banking' }];
		const stopped = await run({ operation: 'create', columns: autoMap }, input);
		expect(stopped.error?.message).toMatch(/item 1.*Name/);
		expect(s.t.org.store.rows('Account').some((a) => a.Name === 'Initech')).toBe(false);
		const { items } = await run({ operation: 'create', columns: autoMap }, input, true);
		expect(items[0].json.success).toBe(true);
		expect(items[1].json).toMatchObject({
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['Name'],
			input: input[1],
		});
	});

	it('refuses to delete by an ID that is not a Salesforce ID, naming the item', async () => {
		const { error } = await run({ operation: 'delete', recordId: '001 and more' });
		expect(error?.message).toMatch(/item 0, field Id: Account ID "001 and more"/);
	});

	it('upserts 1,000 accounts by an external ID in one Composite request, once the describe is kept', async () => {
		// An execution before it describes Account and keeps the describe in this process.
		await run({ operation: 'upsert', columns: upsertOn('Ext_Id__c') }, [
			{ Ext_Id__c: 'bulk-first', Name: 'First account' },
		]);
		const input: IDataObject[] = Array.from({ length: 1000 }, (_, i) => ({
			Ext_Id__c: `bulk-${i}`,
			Name: `Bulk account ${i}`,
		}));
		const before = s.t.org.counters.apiCalls;
		const kinds = { ...s.t.org.counters.apiCallsByKind };
		const { items, error } = await run(
			{ operation: 'upsert', columns: upsertOn('Ext_Id__c') },
			input,
		);
		const used = s.t.org.counters.apiCalls - before;
		expect(error).toBeUndefined();
		expect(items.filter((i) => i.json.created === true)).toHaveLength(1000);
		const after = s.t.org.counters.apiCallsByKind;
		expect(used).toBe(1);
		expect(after.describe - kinds.describe).toBe(0);
		expect(after.composite + after.collections - kinds.composite - kinds.collections).toBe(1);
		console.log(`upsert of 1,000 accounts: ${used} API call (1 Composite request)`);
	});
});

describe('Salesforce Service Cloud node: Opportunity', () => {
	const s = actionSuite('opportunity');
	const { run } = s;

	it('creates an opportunity for an account, closes it as won and reads the stage-derived fields', async () => {
		const accountId = s.t.org.store.insert('Account', { Name: 'Acme' });
		const created = await run({ operation: 'create', columns: autoMap }, [
			{
				Name: 'Acme renewal',
				StageName: 'Prospecting',
				CloseDate: '2026-12-31',
				AccountId: accountId,
				Amount: 12000,
			},
		]);
		const id = String(created.items[0].json.id);
		expect(id).toMatch(/^006/);
		await run({ operation: 'update', columns: autoMap }, [{ Id: id, StageName: 'Closed Won' }]);
		const got = await run({
			operation: 'get',
			recordId: id,
			fields: ['StageName', 'IsClosed', 'IsWon', 'Amount'],
		});
		expect(got.items[0].json).toMatchObject({
			StageName: 'Closed Won',
			IsClosed: true,
			IsWon: true,
			Amount: 12000,
		});
		const won = await run({
			operation: 'getMany',
			fields: ['Name', 'Account.Name'],
			conditions: { condition: [{ field: 'IsWon', operator: 'equals', value: 'true' }] },
		});
		expect(won.items.map((i) => i.json)).toEqual([
			{ Name: 'Acme renewal', Account: { Name: 'Acme' } },
		]);
	});

	it('names the missing stage and close date, and the read-only IsWon, of the items that lack them', async () => {
		const input = [
			{ Name: 'No stage' },
			{ Name: 'Says won', StageName: 'Prospecting', CloseDate: '2026-12-31', IsWon: true },
		];
		const { items } = await run({ operation: 'create', columns: autoMap }, input, true);
		expect(items[0].json).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING' });
		expect(String(items[0].json.error)).toMatch(/StageName|CloseDate/);
		expect(items[1].json).toMatchObject({ fields: ['IsWon'] });
		expect(s.t.org.store.count('Opportunity')).toBe(1);
	});
});
