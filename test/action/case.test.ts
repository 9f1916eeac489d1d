import type { IDataObject } from 'n8n-workflow';

import { idSuffix } from '../../nodes/shared/salesforceIds';
import {
	chatSubquery,
	emailSubquery,
	shapeCaseThread,
	type CaseThreadRecord,
} from '../../nodes/shared/thread';
import { actionSuite } from './suite';
import { externalIdField } from '../sandbox-org/testing';

// The action node's Case resource as n8n runs it, against the sandbox org.

describe('Salesforce Service Cloud node: Case', () => {
	const s = actionSuite('case');
	const { run } = s;

	const autoMap = { mappingMode: 'autoMapInputData', value: null };
	const newCase = (subject: string) =>
		s.t.org.store.insert('Case', { Subject: subject, Status: 'New', Origin: 'Email' });

	it('creates, updates, gets and gets many cases', async () => {
		const created = await run({ operation: 'create', columns: autoMap }, [
			{ Subject: 'Printer on fire', Origin: 'Web' },
			{ Subject: 'Printer still on fire', Origin: 'Web' },
		]);
		expect(created.error).toBeUndefined();
		const ids = created.items.map((i) => String(i.json.id));
		expect(ids.every((id) => id.startsWith('500'))).toBe(true);
		await run({
			operation: 'update',
			columns: { mappingMode: 'defineBelow', value: { Id: ids[0], Priority: 'High' } },
		});
		const got = await run({ operation: 'get', recordId: ids[0], fields: ['Subject', 'Priority'] });
		expect(got.items[0].json).toMatchObject({
			Id: ids[0],
			Subject: 'Printer on fire',
			Priority: 'High',
		});
		const many = await run({
			operation: 'getMany',
			fields: ['Id', 'Subject'],
			conditions: { condition: [{ field: 'Subject', operator: 'startsWith', value: 'Printer' }] },
			returnAll: true,
		});
		expect(many.items.map((i) => i.json.Id).sort()).toEqual([...ids].sort());
	});

	it('upserts cases by an external ID', async () => {
		s.t.org.schema.addCustomField('Case', externalIdField('Ticket_Ref__c'));
		const columns = {
			mappingMode: 'autoMapInputData',
			value: null,
			matchingColumns: ['Ticket_Ref__c'],
		};
		const first = await run({ operation: 'upsert', columns }, [
			{ Ticket_Ref__c: 'zen/1', Subject: 'From the ticket tool' },
		]);
		expect(first.items[0].json).toMatchObject({ success: true, created: true });
		const second = await run({ operation: 'upsert', columns }, [
			{ Ticket_Ref__c: 'zen/1', Subject: 'Changed' },
		]);
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false });
		expect(s.t.org.store.get(String(first.items[0].json.id))?.Subject).toBe('Changed');
	});

	it("offers the org's closed statuses, from CaseStatus", async () => {
		const options = await s.harness.loadOptions({
			type: s.node,
			method: 'getClosedCaseStatuses',
			parameters: { authentication: 'clientCredentials', resource: 'case', operation: 'close' },
			credentials: s.credentials,
		});
		expect(options).toEqual([{ name: 'Closed', value: 'Closed' }]);
	});

	it('closes cases in one batch, which sets IsClosed', async () => {
		const ids = [newCase('Close me 1'), newCase('Close me 2')];
		const before = s.t.org.counters.apiCallsByKind.collections;
		const { items, error } = await run(
			{ operation: 'close', caseId: '={{ $json.caseId }}', status: 'Closed' },
			ids.map((caseId) => ({ caseId })),
		);
		expect(error).toBeUndefined();
		expect(s.t.org.counters.apiCallsByKind.collections - before).toBe(1);
		expect(items.map((i) => i.json)).toEqual(
			ids.map((id) => ({ id, success: true, status: 'Closed' })),
		);
		for (const id of ids)
			expect(s.t.org.store.get(id)).toMatchObject({ Status: 'Closed', IsClosed: true });
	});

	it('refuses a status that does not close a case before the write, naming the closed ones', async () => {
		const id = newCase('Not closed by Working');
		const before = s.t.org.counters.apiCallsByKind.collections;
		const { items } = await run(
			{ operation: 'close', caseId: id, status: 'Working' },
			[{ x: 1 }],
			true,
		);
		expect(items[0].json).toMatchObject({
			errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
			fields: ['Status'],
			input: { x: 1 },
		});
		expect(items[0].json.error).toBe(
			'Status "Working" does not close a case. The closed statuses of this org: "Closed"',
		);
		expect(s.t.org.counters.apiCallsByKind.collections - before).toBe(0);
		expect(s.t.org.store.get(id)?.Status).toBe('New');
		const stopped = await run({ operation: 'close', caseId: id, status: 'Working' });
		expect(JSON.stringify(stopped.error)).toMatch(/Closed/);
	});

	it('adds comments in one batch, internal or visible to the customer', async () => {
		const id = newCase('Comment on me');
		const before = s.t.org.counters.apiCallsByKind.collections;
		const { items } = await run(
			{
				operation: 'addComment',
				caseId: id,
				comment: '={{ $json.text }}',
				visibleToCustomer: '={{ $json.visible }}',
			},
			[
				{ text: 'Internal note', visible: false },
				{ text: 'We are on it', visible: true },
			],
		);
		expect(s.t.org.counters.apiCallsByKind.collections - before).toBe(1);
		const comments = items.map((i) => s.t.org.store.get(String(i.json.id)));
		expect(comments.map((c) => [c?.ParentId, c?.CommentBody, c?.IsPublished])).toEqual([
			[id, 'Internal note', false],
			[id, 'We are on it', true],
		]);
	});

	it('gets the conversation of a case: the same fields, emails and transcript as the trigger', async () => {
		const id = newCase('Refund please');
		s.t.org.store.insert('EmailMessage', {
			ParentId: id,
			Subject: 'Refund please',
			TextBody: 'I was charged twice.',
			FromAddress: 'ann@customer.example',
			FromName: 'Ann',
			ToAddress: 'support@org.example',
			Incoming: true,
			Status: '1',
			MessageDate: Date.UTC(2026, 0, 1, 9),
		});
		s.t.org.store.insert('EmailMessage', {
			ParentId: id,
			Subject: 'RE: Refund please',
			TextBody: 'Refunded today.\n\nOn Thu, Ann wrote:\n> I was charged twice.',
			FromAddress: 'support@org.example',
			FromName: 'Support',
			ToAddress: 'ann@customer.example',
			Incoming: false,
			Status: '3',
			MessageDate: Date.UTC(2026, 0, 1, 10),
		});
		const { items, error } = await run({
			operation: 'getConversation',
			caseId: id,
			caseFields: ['CaseNumber', 'Subject', 'Status'],
		});
		expect(error).toBeUndefined();
		const item = items[0].json;
		expect(item).toMatchObject({
			id,
			subject: 'Refund please',
			status: 'New',
			caseNumber: expect.any(String) as string,
		});
		expect(item.url).toMatch(new RegExp(`/lightning/r/Case/${id}/view$`));
		// What the trigger shapes from the same record, with the same subqueries.
		const soql = `SELECT Id, ${emailSubquery()}, ${chatSubquery()} FROM Case WHERE Id = '${id}'`;
		const record = (
			(await s.t.api('GET', `/query?q=${encodeURIComponent(soql)}`)).body as {
				records: CaseThreadRecord[];
			}
		).records[0];
		const thread = shapeCaseThread(record);
		expect(item.emails).toEqual(thread.emails);
		expect(item.transcript).toBe(thread.transcript);
		expect((item.emails as IDataObject[]).map((e) => e.text)).toEqual([
			'I was charged twice.',
			'Refunded today.',
		]);
		expect(item).not.toHaveProperty('comments');
	});

	it('gets the conversations of many items in one API call, in item order, with 15-character Ids and a missing case named', async () => {
		const ids = Array.from({ length: 12 }, (_, i) => newCase(`Batch ${i}`));
		for (const id of ids)
			s.t.org.store.insert('EmailMessage', {
				ParentId: id,
				Subject: 'Hello',
				TextBody: `Message for ${id}`,
				FromAddress: 'ann@customer.example',
				ToAddress: 'support@org.example',
				Incoming: true,
				Status: '1',
				MessageDate: Date.UTC(2026, 0, 1, 9),
			});
		const missingId15 = `500${'0'.repeat(11)}9`;
		const missing = `${missingId15}${idSuffix(missingId15)}`;
		const input = [
			...ids.map((id, i) => ({ caseId: i === 3 ? id.slice(0, 15) : id })),
			{ caseId: missing },
		];
		const before = s.t.org.counters.apiCalls;
		const { items } = await run(
			{ operation: 'getConversation', caseId: '={{ $json.caseId }}', caseFields: ['Subject'] },
			input,
			true,
		);
		// The Case describe, and one Composite request carrying the query of all 13 cases (one call per case before: 14).
		expect(s.t.org.counters.apiCalls - before).toBe(2);
		expect(
			items.slice(0, 12).map((i) => [i.json.id, (i.json.emails as IDataObject[])[0].text]),
		).toEqual(ids.map((id) => [id, `Message for ${id}`]));
		expect(items[12].json).toMatchObject({
			error: `No case with ID "${missing}"`,
			input: { caseId: missing },
		});
	});

	it('adds comments to the conversation when asked', async () => {
		const id = newCase('With notes');
		s.t.org.store.insert('CaseComment', {
			ParentId: id,
			CommentBody: 'Checked the invoice',
			IsPublished: false,
		});
		const { items } = await run({
			operation: 'getConversation',
			caseId: id,
			includeInternalComments: true,
		});
		expect(items[0].json.comments).toEqual([
			expect.objectContaining({ internal: true, text: 'Checked the invoice' }),
		]);
		expect(String(items[0].json.transcript)).toMatch(/Checked the invoice/);
	});

	it('refuses a malformed Case ID before any call', async () => {
		for (const operation of ['getConversation', 'close', 'addComment']) {
			const before = s.t.org.counters.apiCalls;
			const { items } = await run(
				{ operation, caseId: "500' OR Id != '", status: 'Closed', comment: 'x' },
				[{ x: 1 }],
				true,
			);
			expect(items[0].json.error).toBe(
				`Case ID "500' OR Id != '" is not a Salesforce record Id: it has characters a Salesforce Id never has (only letters and digits)`,
			);
			expect(items[0].json.input).toEqual({ x: 1 });
			// Close reads the closed statuses first; nothing else is sent.
			expect(s.t.org.counters.apiCalls - before).toBe(operation === 'close' ? 1 : 0);
		}
		const { items } = await run(
			{ operation: 'getConversation', caseId: '001000000000001' },
			[{}],
			true,
		);
		expect(items[0].json.error).toMatch(/not the Id of a case/);
	});
});
