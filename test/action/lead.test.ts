import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { actionSuite } from './suite';
import { externalIdField } from '../sandbox-org/testing';

// The action node's Lead resource as n8n runs it, against the sandbox org.

describe('Salesforce Service Cloud node: Lead', () => {
	const s = actionSuite('lead', (t) => {
		t.org.schema.addCustomField('Lead', externalIdField());
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
	const calls = () => ({ ...s.t.org.counters.apiCallsByKind });
	/** Collections calls, bundled into Composite requests or not. */
	const writes = (kinds: ReturnType<typeof calls>) => kinds.collections + kinds.composite;

	it('creates, gets, updates, upserts and gets many leads', async () => {
		const created = await run({ operation: 'create', columns: autoMap }, [
			{ LastName: 'Ada', Company: 'Acme', Email: 'ada@acme.example' },
		]);
		const id = String(created.items[0].json.id);
		expect(id).toMatch(/^00Q/);
		await run({
			operation: 'update',
			columns: { mappingMode: 'defineBelow', value: { Id: id, Title: 'CTO' } },
		});
		const got = await run({ operation: 'get', recordId: id, fields: ['LastName', 'Title'] });
		expect(got.items[0].json).toMatchObject({ Id: id, LastName: 'Ada', Title: 'CTO' });
		const columns = {
			mappingMode: 'autoMapInputData',
			value: null,
			matchingColumns: ['Ext_Id__c'],
		};
		const first = await run({ operation: 'upsert', columns }, [
			{ Ext_Id__c: 'crm-1', LastName: 'Upserted', Company: 'Up Inc' },
		]);
		const second = await run({ operation: 'upsert', columns }, [
			{ Ext_Id__c: 'crm-1', Title: 'Again' },
		]);
		expect([first.items[0].json.created, second.items[0].json.created]).toEqual([true, false]);
		const many = await run({
			operation: 'getMany',
			fields: ['LastName'],
			conditions: { condition: [{ field: 'Company', operator: 'equals', value: 'Up Inc' }] },
		});
		expect(many.items.map((i) => i.json.LastName)).toEqual(['Upserted']);
	});

	it('finds or creates existing, new and duplicate emails in one query and one create call', async () => {
		const existing = s.t.org.store.insert('Lead', {
			LastName: 'Known',
			Company: 'Acme',
			Email: 'Known@Acme.example',
		});
		const before = calls();
		const input = [
			{ LastName: 'Known again', Company: 'Acme', Email: 'known@acme.example' },
			{ LastName: 'New', Company: 'Chat', Email: 'new@chat.example' },
			{ LastName: 'New twice', Company: 'Chat', Email: 'NEW@chat.example' },
		];
		const { items, error } = await findOrCreate(input);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.action)).toEqual(['matched', 'created', 'matched']);
		expect(items[0].json.id).toBe(existing);
		expect(items[2].json.id).toBe(items[1].json.id);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(s.t.org.store.get(existing)?.LastName).toBe('Known');
		const after = calls();
		expect(after.query - before.query).toBe(1);
		expect(writes(after) - writes(before)).toBe(1);
	});

	it('names the missing required field of an item it has to create, and still matches the others', async () => {
		s.t.org.store.insert('Lead', {
			LastName: 'There',
			Company: 'Acme',
			Email: 'there@acme.example',
		});
		const input = [
			{ Email: 'there@acme.example' },
			{ LastName: 'No company', Email: 'nocompany@acme.example' },
		];
		const { items } = await findOrCreate(input, {}, true);
		expect(items[0].json.action).toBe('matched');
		expect(items[1].json).toMatchObject({
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['Company'],
			input: input[1],
		});
		expect(String(items[1].json.error)).toMatch(/Company/);
		const stopped = await findOrCreate([input[1]]);
		expect(JSON.stringify(stopped.error)).toMatch(/Company/);
	});

	it('finds or creates 1,000 leads in at most 10 API calls', async () => {
		for (let i = 0; i < 400; i++)
			s.t.org.store.insert('Lead', {
				LastName: `Old ${i}`,
				Company: 'Bulk',
				Email: `bulk.visitor.${i}@visitors.example`,
			});
		const input = Array.from({ length: 1000 }, (_, i) => ({
			LastName: `Visitor ${i}`,
			Company: 'Bulk',
			Email: `bulk.visitor.${i}@visitors.example`,
			Title: 'Chat visitor',
		}));
		const before = s.t.org.counters.apiCalls;
		const kinds = calls();
		const { items, error } = await findOrCreate(input, { updatePolicy: 'fillEmpty' });
		const used = s.t.org.counters.apiCalls - before;
		const after = calls();
		expect(error).toBeUndefined();
		expect(items.filter((i) => i.json.action === 'updated')).toHaveLength(400);
		expect(items.filter((i) => i.json.action === 'created')).toHaveLength(600);
		expect(used).toBeLessThanOrEqual(10);
		console.log(
			`find or create of 1,000 leads (400 existing): ${used} API calls (${after.query - kinds.query} lookups, ${writes(after) - writes(kinds)} writes)`,
		);
	});
});
