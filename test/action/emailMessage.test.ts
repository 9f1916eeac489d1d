import { actionSuite } from './suite';

// The action node's Email Message resource as n8n runs it, against the sandbox org.

describe('Salesforce Service Cloud node: Email Message', () => {
	const s = actionSuite('emailMessage');
	const { run } = s;
	let caseId: string;
	let emailIds: string[];
	beforeAll(async () => {
		caseId = s.t.org.store.insert('Case', {
			Subject: 'Where is my parcel?',
			Status: 'New',
			Origin: 'Email',
		});
		// Inserted out of order: the reply first, then the customer's mail an hour before it, then a draft.
		emailIds = [
			s.t.org.store.insert('EmailMessage', {
				ParentId: caseId,
				Subject: 'RE: Where is my parcel?',
				TextBody: 'It ships tomorrow.\n\nOn Mon, Bo wrote:\n> Where is it?',
				HtmlBody: '<p>It ships tomorrow.</p>',
				FromAddress: 'support@org.example',
				FromName: 'Support',
				ToAddress: 'bo@customer.example',
				Incoming: false,
				Status: '3',
				MessageDate: Date.UTC(2026, 2, 2, 11),
			}),
			s.t.org.store.insert('EmailMessage', {
				ParentId: caseId,
				Subject: 'Where is my parcel?',
				TextBody: 'Where is it?',
				FromAddress: 'bo@customer.example',
				FromName: 'Bo',
				ToAddress: 'support@org.example, sales@org.example',
				Incoming: true,
				Status: '1',
				MessageDate: Date.UTC(2026, 2, 2, 10),
			}),
			s.t.org.store.insert('EmailMessage', {
				ParentId: caseId,
				Subject: 'Draft',
				TextBody: 'Unsent',
				Incoming: false,
				Status: '5',
			}),
		];
	});

	it('gets the emails of a case oldest first, new text only, drafts left out', async () => {
		const { items, error } = await run({ operation: 'getMany', caseId });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual([emailIds[1], emailIds[0]]);
		expect(items[0].json).toMatchObject({
			direction: 'fromCustomer',
			from: { name: 'Bo', address: 'bo@customer.example' },
			to: ['support@org.example', 'sales@org.example'],
			text: 'Where is it?',
			caseId,
		});
		expect(items[1].json).toMatchObject({
			direction: 'fromAgent',
			text: 'It ships tomorrow.',
			status: 'Sent',
		});
		expect(items[1].json).not.toHaveProperty('textBody');
		expect(items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it('adds the original bodies and drafts on request', async () => {
		const { items } = await run({
			operation: 'getMany',
			caseId,
			includeOriginalBodies: true,
			includeDrafts: true,
		});
		expect(items).toHaveLength(3);
		expect(items[1].json).toMatchObject({
			textBody: 'It ships tomorrow.\n\nOn Mon, Bo wrote:\n> Where is it?',
			htmlBody: '<p>It ships tomorrow.</p>',
		});
	});

	it('gets an email by its ID, with its case', async () => {
		const { items } = await run({ operation: 'get', recordId: emailIds[0] });
		expect(items[0].json).toMatchObject({
			id: emailIds[0],
			subject: 'RE: Where is my parcel?',
			text: 'It ships tomorrow.',
			caseId,
		});
	});

	it('refuses a malformed ID before any call, keeping the input', async () => {
		const before = s.t.org.counters.apiCalls;
		const many = await run({ operation: 'getMany', caseId: "500' OR Id != '" }, [{ x: 1 }], true);
		expect(many.items[0].json).toMatchObject({
			error: `Case ID "500' OR Id != '" is not a Salesforce record Id: it has characters a Salesforce Id never has (only letters and digits)`,
			input: { x: 1 },
		});
		const one = await run({ operation: 'get', recordId: 'not-an-id' }, [{ x: 2 }], true);
		expect(one.items[0].json).toMatchObject({
			error:
				'Email Message ID "not-an-id" is not a Salesforce record Id: it has characters a Salesforce Id never has (only letters and digits)',
			input: { x: 2 },
		});
		expect(s.t.org.counters.apiCalls - before).toBe(0);
	});
});
