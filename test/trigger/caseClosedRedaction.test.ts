import type { IDataObject } from 'n8n-workflow';

import { restoreRedactions } from '../../nodes/shared/redaction';
import { transcriptBody } from '../sandbox-org/demo/chat-transcript';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from './triggerSetup';

// Case Closed with Redact Personal Data and Transcript Budget, as n8n runs it against the sandbox org.

const MINUTE = 60_000;

describe('Trigger: Case Closed with Redact Personal Data and Transcript Budget', () => {
	let t: TestOrg;
	let agent: string;
	beforeEach(async () => {
		t = await startTestOrg();
		agent = t.org.addUser({
			firstName: 'Hannah',
			lastName: 'Weiß',
			email: 'hannah@support.example',
		});
	});
	afterEach(async () => {
		await t.close();
	});
	const later = () => t.org.clock.advance(2000);

	/** A case of Rose Gonzalez's, owned by Hannah Weiß: two emails and a chat full of personal data. */
	function closedCase(): string {
		const store = t.org.store;
		const contactId = store.insert('Contact', {
			FirstName: 'Rose',
			LastName: 'Gonzalez',
			Email: 'rose@customer.example',
		});
		const id = store.insert('Case', {
			Subject: 'Refund to rose@customer.example',
			Status: 'New',
			Origin: 'Email',
			OwnerId: agent,
			ContactId: contactId,
			SuppliedEmail: 'Rose@Customer.example',
		});
		const now = t.org.clock.now();
		store.insert('EmailMessage', {
			ParentId: id,
			Incoming: true,
			FromAddress: 'rose@customer.example',
			FromName: 'Rose Gonzalez',
			ToAddress: 'support@company.example',
			Subject: 'Charged twice, call (415) 555-2671',
			TextBody:
				'I was charged twice on 4111 1111 1111 1111 for order 4711081512 of 03/05/2024 ($1,299.00).\nCall me at (415) 555-2671 or refund to DE89 3704 0044 0532 0130 00.\n\nRose',
			MessageDate: now - 10 * MINUTE,
			Status: '1',
		});
		store.insert('EmailMessage', {
			ParentId: id,
			Incoming: false,
			FromAddress: 'support@company.example',
			FromName: 'Hannah Weiß',
			ToAddress: 'rose@customer.example',
			Subject: 'Re: Charged twice, call (415) 555-2671',
			TextBody:
				'Dear Rose, we refunded case 00001026. Hannah\n\nOn Mon, Rose Gonzalez <rose@customer.example> wrote:\n> I was charged twice on 4111 1111 1111 1111',
			MessageDate: now - 5 * MINUTE,
			Status: '3',
		});
		const start = Math.floor((now - 4 * MINUTE) / 1000) * 1000;
		store.insert('LiveChatTranscript', {
			Status: 'Completed',
			StartTime: start,
			EndTime: now,
			CaseId: id,
			ContactId: contactId,
			Body: transcriptBody(
				[
					{ role: 'Agent', text: 'Hi, this is Stephen', at: start + 10_000 },
					{ role: 'EndUser', text: 'My new number is +1 212 555 0147', at: start + 44_000 },
				],
				{
					start,
					offsetMinutes: 0,
					origin: 'Live Chat Button',
					agentName: 'Stephen Fountain',
					agentLineName: 'Stephen Fountain',
					visitorName: 'Rose Gonzalez',
				},
			),
		});
		store.update('Case', id, { Status: 'Closed' });
		return id;
	}

	const ORIGINALS = [
		'rose@customer',
		'Rose@Customer',
		'support@company',
		'555-2671',
		'555 2671',
		'555 0147',
		'4111',
		'DE89',
		'3704',
	];
	const NAMES = ['Rose', 'Gonzalez', 'Hannah', 'Weiß', 'Stephen', 'Fountain'];
	const fields = ['CaseNumber', 'Subject', 'SuppliedEmail', 'Owner.Name', 'Contact.Name'];

	/** Items of the same closing from triggers with these parameters, one each. */
	async function pollEach(...parameterSets: IDataObject[]): Promise<IDataObject[]> {
		const pollers = await Promise.all(
			parameterSets.map((parameters) => activateTrigger(t, { fields, ...parameters })),
		);
		for (const poller of pollers) expect(emittedJson(await poller.poll())).toEqual([]);
		closedCase();
		later();
		const items: IDataObject[] = [];
		for (const poller of pollers) {
			const emitted = emittedJson(await poller.poll());
			expect(emitted).toHaveLength(1);
			items.push(emitted[0]);
		}
		return items;
	}
	const pollOnce = async (parameters: IDataObject) => (await pollEach(parameters))[0];

	it('leaves no email address, phone, card or IBAN, nor with Names any name, anywhere in the item', async () => {
		const item = await pollOnce({
			redactPersonalData: true,
			redactionOptions: {
				redact: ['email', 'phone', 'card', 'iban', 'name'],
				country: 'US',
			},
			includeOriginalBodies: true,
		});
		const json = JSON.stringify(item);
		for (const value of [...ORIGINALS, ...NAMES]) expect(json).not.toContain(value);
		expect(item).not.toHaveProperty('redactions');
		const emails = item.emails as IDataObject[];
		expect(emails[0].text).toBe(
			'I was charged twice on [card 1] for order 4711081512 of 03/05/2024 ($1,299.00).\nCall me at [phone 1] or refund to [iban 1].\n\n[name 1]',
		);
		expect(emails[0].from).toEqual({ name: '[name 1]', address: '[email 1]' });
		expect(emails[1].text).toBe('Dear [name 1], we refunded case 00001026. [name 2]');
		expect(emails[1].to).toEqual(['[email 1]']);
		expect(item).toMatchObject({
			subject: 'Refund to [email 1]',
			suppliedEmail: '[email 1]',
			contactName: '[name 1]',
			ownerName: '[name 2]',
		});
		// The same people and numbers under the same placeholders in the transcript.
		expect(item.transcript).toContain('Customer ([name 1])');
		expect(item.transcript).toContain('Agent ([name 2])');
		expect(item.transcript).toContain('"Charged twice, call [phone 1]"');
		expect(item.transcript).toMatch(/Agent \(\[name 3\]\): Hi, this is \[name 3\]/);
		expect(item.transcript).toContain('My new number is [phone 2]');
		expect(String(emails[0].textBody)).toContain('[card 1]');
	});

	it('keeps the redaction map on request: putting the values back gives the item without redaction', async () => {
		const [plain, redacted] = await pollEach(
			{},
			{ redactPersonalData: true, redactionOptions: { keepMap: true, country: 'US' } },
		);
		const { redactions, ...rest } = redacted;
		expect(redactions).toMatchObject({
			'[email 1]': expect.stringMatching(/^rose@customer\.example$/i) as string,
			'[phone 1]': '(415) 555-2671',
			'[card 1]': '4111 1111 1111 1111',
			'[iban 1]': 'DE89 3704 0044 0532 0130 00',
		});
		for (const value of ORIGINALS) expect(JSON.stringify(rest)).not.toContain(value);
		// Names are not redacted unless chosen.
		expect(rest.contactName).toBe('Rose Gonzalez');
		const restored = JSON.parse(
			restoreRedactions(JSON.stringify(rest), redactions as Record<string, string>),
		) as IDataObject;
		// The same email address written two ways has one placeholder, restored as first written.
		expect(restored).toEqual({ ...plain, suppliedEmail: restored.suppliedEmail });
		expect(String(restored.suppliedEmail).toLowerCase()).toBe('rose@customer.example');
	});

	it('cuts a long transcript to its budget, keeping the first customer message and the latest, and says so', async () => {
		const poller = await activateTrigger(t, { fields, transcriptBudget: 700 });
		await poller.poll();
		const id = t.org.store.insert('Case', {
			Subject: 'Long thread',
			Status: 'New',
			Origin: 'Email',
		});
		const start = t.org.clock.now() - 30 * 24 * 60 * MINUTE;
		for (let i = 0; i < 20; i++)
			t.org.store.insert('EmailMessage', {
				ParentId: id,
				Incoming: i % 2 === 0,
				FromAddress: i % 2 === 0 ? 'rose@customer.example' : 'support@company.example',
				FromName: i % 2 === 0 ? 'Rose Gonzalez' : 'Hannah Weiß',
				ToAddress: 'x@example.com',
				Subject: 'Long thread',
				TextBody: i === 0 ? 'The very first complaint.' : `Message ${i + 1}: ${'blah '.repeat(20)}`,
				MessageDate: start + i * 24 * 60 * MINUTE,
				Status: i % 2 === 0 ? '1' : '3',
			});
		t.org.store.update('Case', id, { Status: 'Closed' });
		later();
		const [item] = emittedJson(await poller.poll());
		const transcript = String(item.transcript);
		expect(transcript.length).toBeLessThanOrEqual(700);
		expect(item.transcriptCut).toBe(true);
		expect(transcript).toMatch(
			/^\[Email, .*\]\nCustomer \(Rose Gonzalez\): The very first complaint\.\n/,
		);
		expect(transcript).toContain('Message 20: ');
		expect(transcript).toMatch(/\n\[… \d+ messages left out \(\d+ \w{3} – \d+ \w{3}\) …\]\n/);
		const kept = transcript.match(/^(Customer|Agent) /gm)?.length ?? 0;
		const leftOut = Number(/\[… (\d+) messages left out/.exec(transcript)?.[1]);
		expect(kept + leftOut).toBe(20);
		// The emails themselves stay whole.
		expect(item.emails as IDataObject[]).toHaveLength(20);
	});

	it('says the transcript was not cut when it fits the budget, and refuses a negative budget by name', async () => {
		const item = await pollOnce({ transcriptBudget: 100_000 });
		expect(item.transcriptCut).toBe(false);
		const poller = await activateTrigger(t, { transcriptBudget: -5 });
		const outcome = await poller.poll();
		expect(outcome.error?.message).toMatch(/Transcript Budget: -5 is not a number of characters/);
	});
});
