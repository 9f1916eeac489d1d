import type { IDataObject } from 'n8n-workflow';

import { restoreRedactions } from '../../nodes/shared/redaction';
import { agentName, endedSession, messagingCustomer } from '../messaging/messagingWorld';
import { transcriptBody } from '../sandbox-org/demo/chat-transcript';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from './triggerSetup';

// Redact Personal Data on New Email on a Case (with Transcript Budget), Chat Ended and Messaging
// Session Ended, as n8n runs the trigger against the sandbox org: nothing personal left anywhere in
// the item, one placeholder per value throughout the item, the map restoring the item, off by default.

const MINUTE = 60_000;
const NAMES_ON = { redact: ['email', 'phone', 'card', 'iban', 'name'], country: 'US' };
const ORIGINALS = [
	'rose@customer',
	'ROSE@customer',
	'555-2671',
	'555 2671',
	'4111',
	'DE89',
	'3704',
];

let t: TestOrg;
beforeEach(async () => {
	t = await startTestOrg();
});
afterEach(async () => {
	await t.close();
});
const later = () => t.org.clock.advance(2000);

/** The (last) item of the events made after activation, from one trigger per parameter set. */
async function itemsOf(
	event: string,
	parameterSets: IDataObject[],
	make: () => void,
): Promise<IDataObject[]> {
	const pollers = await Promise.all(
		parameterSets.map((parameters) => activateTrigger(t, { event, ...parameters })),
	);
	for (const poller of pollers) expect(emittedJson(await poller.poll())).toEqual([]);
	make();
	later();
	const items: IDataObject[] = [];
	for (const poller of pollers) {
		const emitted = emittedJson(await poller.poll());
		expect(emitted.length).toBeGreaterThan(0);
		items.push(emitted[emitted.length - 1]);
	}
	return items;
}

const restored = (item: IDataObject): IDataObject => {
	const { redactions, ...rest } = item;
	return JSON.parse(
		restoreRedactions(JSON.stringify(rest), redactions as Record<string, string>),
	) as IDataObject;
};
const expectNone = (item: IDataObject, values: string[]) => {
	const json = JSON.stringify(item);
	for (const value of values) expect(json).not.toContain(value);
};
const expectAll = (item: IDataObject, values: string[]) => {
	const json = JSON.stringify(item);
	for (const value of values) expect(json).toContain(value);
};

describe('Trigger: Chat Ended with Redact Personal Data', () => {
	function endedChat() {
		const store = t.org.store;
		const contactId = store.insert('Contact', {
			FirstName: 'Rose',
			LastName: 'Gonzalez',
			Email: 'rose@customer.example',
		});
		const caseId = store.insert('Case', {
			Subject: 'Refund to rose@customer.example',
			Status: 'New',
			ContactId: contactId,
		});
		const visitorId = store.insert('LiveChatVisitor', { SessionKey: 'sess-1' });
		const now = t.org.clock.now();
		const start = Math.floor((now - 3 * MINUTE) / 1000) * 1000;
		store.insert('LiveChatTranscript', {
			Status: 'Completed',
			RequestTime: start - 10_000,
			StartTime: start,
			EndTime: now,
			ChatKey: `key-${start}`,
			LiveChatVisitorId: visitorId,
			ContactId: contactId,
			CaseId: caseId,
			Body: transcriptBody(
				[
					{ role: 'Agent', text: 'Hi, this is Stephen Fountain', at: start + 10_000 },
					{
						role: 'EndUser',
						text: 'I am Rose Gonzalez, rose@customer.example, call me on (415) 555-2671',
						at: start + 44_000,
					},
					{
						role: 'Agent',
						text: 'Thanks Rose, I call (415) 555-2671 and write to ROSE@customer.example',
						at: start + 73_000,
					},
					{
						role: 'EndUser',
						text: 'Card 4111 1111 1111 1111 was charged for order 4711081512; refund to DE89 3704 0044 0532 0130 00',
						at: start + 90_000,
					},
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
	}

	it('leaves no email address, phone, card, IBAN nor name anywhere, with one placeholder per value across the messages', async () => {
		const [plain, item] = await itemsOf(
			'chatEnded',
			[{}, { redactPersonalData: true, redactionOptions: NAMES_ON }],
			endedChat,
		);
		// Off by default: the item as it always was.
		expectAll(plain, [...ORIGINALS.filter((v) => v !== '555 2671'), 'Rose', 'Stephen']);
		expectNone(item, [...ORIGINALS, 'Rose', 'Gonzalez', 'Stephen', 'Fountain']);
		expect(item).not.toHaveProperty('redactions');
		const messages = item.messages as IDataObject[];
		const [agentP, customerP] = [messages[0].name, messages[1].name] as string[];
		expect([agentP, customerP].sort()).toEqual(['[name 1]', '[name 2]']);
		expect(messages).toEqual([
			expect.objectContaining({ who: 'agent', name: agentP, text: `Hi, this is ${agentP}` }),
			expect.objectContaining({
				who: 'customer',
				name: customerP,
				text: `I am ${customerP}, [email 1], call me on [phone 1]`,
			}),
			expect.objectContaining({
				who: 'agent',
				name: agentP,
				text: `Thanks ${customerP}, I call [phone 1] and write to [email 1]`,
			}),
			expect.objectContaining({
				who: 'customer',
				text: 'Card [card 1] was charged for order 4711081512; refund to [iban 1]',
			}),
		]);
		expect(item).toMatchObject({
			Contact: { Name: customerP, Email: '[email 1]' },
			Case: { Subject: 'Refund to [email 1]' },
			ChatKey: plain.ChatKey,
			LiveChatVisitor: { SessionKey: 'sess-1' },
			Status: 'Completed',
		});
	});

	it('keeps the redaction map on request: restoring gives the item without redaction', async () => {
		const [plain, item] = await itemsOf(
			'chatEnded',
			[{}, { redactPersonalData: true, redactionOptions: { keepMap: true } }],
			endedChat,
		);
		expectNone({ ...item, redactions: null }, ORIGINALS);
		expect(item.redactions).toMatchObject({ '[phone 1]': '(415) 555-2671' });
		// The address written in two cases has one placeholder: restored as first written.
		expect(restored(item)).toEqual({
			...plain,
			messages: (plain.messages as IDataObject[]).map((m, i) =>
				i === 2 ? { ...m, text: String(m.text).replace('ROSE@customer', 'rose@customer') } : m,
			),
		});
	});

	it('refuses a bad option by its parameter name', async () => {
		const poller = await activateTrigger(t, {
			event: 'chatEnded',
			redactPersonalData: true,
			redactionOptions: { country: 'Atlantis' },
		});
		const outcome = await poller.poll();
		expect(outcome.error?.message).toMatch(
			/Default Country for Phone Numbers: "Atlantis" is not a country code/,
		);
	});
});

describe('Trigger: Messaging Session Ended with Redact Personal Data', () => {
	let agent: string;
	let contactEmail: string;
	beforeEach(() => {
		t.org.clock.freeze();
		agent = agentName(t);
	});

	function endedMessagingSession() {
		const customer = messagingCustomer(t, 'Rose Gonzalez');
		contactEmail = String(
			t.org.store.rows('Contact').find((c) => c.Id === customer.contactId)?.Email,
		);
		const caseId = t.org.store.insert('Case', {
			Subject: `Refund to ${contactEmail}`,
			Status: 'New',
			ContactId: customer.contactId,
		});
		endedSession(
			t,
			customer,
			[
				{ role: 'EndUser', text: `I am Rose Gonzalez, ${contactEmail}, phone (415) 555-2671` },
				{ role: 'Chatbot', text: 'Let me get an agent for you.' },
				{ role: 'Agent', text: `Hi Rose, this is ${agent}; I call (415) 555-2671 now` },
				{ role: 'EndUser', text: 'Refund to DE89 3704 0044 0532 0130 00 please, order 4711081512' },
			],
			{ caseId },
		);
	}

	it('leaves no email address, phone, IBAN nor name anywhere, with one placeholder per value across the messages', async () => {
		const [plain, item] = await itemsOf(
			'messagingSessionEnded',
			[{}, { redactPersonalData: true, redactionOptions: NAMES_ON }],
			endedMessagingSession,
		);
		const agentWords = agent.split(' ');
		expectAll(plain, [contactEmail, '555-2671', 'Rose', ...agentWords]);
		expectNone(item, [contactEmail, '555-2671', 'DE89', 'Rose', 'Gonzalez', ...agentWords]);
		const messages = item.messages as IDataObject[];
		const [customerP, agentP] = [messages[0].name, messages[2].name] as string[];
		expect([agentP, customerP].sort()).toEqual(['[name 1]', '[name 2]']);
		expect(messages).toEqual([
			expect.objectContaining({
				who: 'customer',
				name: customerP,
				text: `I am ${customerP}, [email 1], phone [phone 1]`,
			}),
			expect.objectContaining({ who: 'bot', text: 'Let me get an agent for you.' }),
			expect.objectContaining({
				who: 'agent',
				name: agentP,
				text: `Hi ${customerP}, this is ${agentP}; I call [phone 1] now`,
			}),
			expect.objectContaining({
				who: 'customer',
				text: 'Refund to [iban 1] please, order 4711081512',
			}),
		]);
		expect(item).toMatchObject({
			MessagingEndUser: { Name: customerP },
			EndUserContact: { Name: customerP, Email: '[email 1]' },
			Owner: { Name: agentP },
			Case: { Subject: 'Refund to [email 1]' },
			Conversation: plain.Conversation,
			ChannelType: 'EmbeddedMessaging',
		});
	});

	it('keeps the redaction map on request: restoring gives the item without redaction', async () => {
		const [plain, item] = await itemsOf(
			'messagingSessionEnded',
			[{}, { redactPersonalData: true, redactionOptions: { keepMap: true } }],
			endedMessagingSession,
		);
		expectNone({ ...item, redactions: null }, [contactEmail, '555-2671', 'DE89']);
		expect(restored(item)).toEqual(plain);
	});
});

describe('Trigger: New Email on a Case with Redact Personal Data and Transcript Budget', () => {
	let agentId: string;
	beforeEach(() => {
		agentId = t.org.addUser({
			firstName: 'Hannah',
			lastName: 'Weiß',
			email: 'hannah@support.example',
		});
	});

	/** Rose Gonzalez's case owned by Hannah Weiß: her email, Hannah's reply and her new email. */
	function emailsOnCase() {
		const store = t.org.store;
		const contactId = store.insert('Contact', {
			FirstName: 'Rose',
			LastName: 'Gonzalez',
			Email: 'rose@customer.example',
		});
		const caseId = store.insert('Case', {
			Subject: 'Refund to rose@customer.example',
			Status: 'New',
			Origin: 'Email',
			OwnerId: agentId,
			ContactId: contactId,
		});
		const now = t.org.clock.now();
		const message = (incoming: boolean, text: string, at: number) =>
			store.insert('EmailMessage', {
				ParentId: caseId,
				Incoming: incoming,
				FromAddress: incoming ? 'rose@customer.example' : 'hannah@support.example',
				FromName: incoming ? 'Rose Gonzalez' : 'Hannah Weiß',
				ToAddress: incoming ? 'support@company.example' : 'rose@customer.example',
				Subject: 'Charged twice, call (415) 555-2671',
				TextBody: text,
				MessageDate: at,
				Status: incoming ? '1' : '3',
			});
		message(
			true,
			'Charged twice on 4111 1111 1111 1111. Call (415) 555-2671.\n\nRose',
			now - 20 * MINUTE,
		);
		message(false, 'Dear Rose, we will call you. Hannah', now - 10 * MINUTE);
		t.org.clock.advance(MINUTE);
		message(
			true,
			`Still nothing. Call 415-555-2671 or refund to DE89 3704 0044 0532 0130 00. ${'Please hurry. '.repeat(30)}\n\nRose Gonzalez`,
			t.org.clock.now(),
		);
	}

	it('redacts the new email with the same placeholders as its thread, and cuts the transcript to its budget', async () => {
		const [plain, item] = await itemsOf(
			'newEmail',
			[{}, { redactPersonalData: true, redactionOptions: NAMES_ON, transcriptBudget: 500 }],
			emailsOnCase,
		);
		const names = ['Rose', 'Gonzalez', 'Hannah', 'Weiß'];
		expectAll(plain, [
			...ORIGINALS.filter((v) => !v.startsWith('ROSE') && v !== '555 2671'),
			...names,
		]);
		expect(plain).not.toHaveProperty('transcriptCut');
		expectNone(item, [...ORIGINALS, 'support@company', ...names]);
		const emails = item.emails as IDataObject[];
		expect(emails[0].from).toEqual({ name: '[name 1]', address: '[email 1]' });
		expect(emails[0].text).toBe('Charged twice on [card 1]. Call [phone 1].\n\n[name 1]');
		// The new email: the same sender, phone and name as in the thread.
		expect(item.email).toMatchObject({
			id: emails[2].id,
			from: { name: '[name 1]', address: '[email 1]' },
			subject: 'Charged twice, call [phone 1]',
		});
		expect(String((item.email as IDataObject).text)).toMatch(
			/^Still nothing\. Call \[phone 1\] or refund to \[iban 1\]\. .*\[name 1\]$/s,
		);
		expect(item).toMatchObject({ subject: 'Refund to [email 1]', contactName: '[name 1]' });
		expect(String(item.transcript).length).toBeLessThanOrEqual(500);
		expect(item.transcriptCut).toBe(true);
		expect(item.transcript).toMatch(/^\[Email, .*\]\nCustomer \(\[name 1\]\): Charged twice/);
	});

	it('keeps the redaction map on request: restoring gives the item without redaction', async () => {
		const [plain, item] = await itemsOf(
			'newEmail',
			[{}, { redactPersonalData: true, redactionOptions: { keepMap: true } }],
			emailsOnCase,
		);
		expectNone({ ...item, redactions: null }, [...ORIGINALS, 'support@company']);
		expect((item.email as IDataObject).to).toEqual([expect.stringMatching(/^\[email \d\]$/)]);
		// The phone written two ways has one placeholder, restored as first written.
		expect(restored(item)).toEqual(
			JSON.parse(JSON.stringify(plain).replaceAll('415-555-2671', '(415) 555-2671')),
		);
	});

	it('refuses bad options by their parameter names', async () => {
		const badKinds = await activateTrigger(t, {
			event: 'newEmail',
			redactPersonalData: true,
			redactionOptions: { redact: ['email', 'shoeSize'] },
		});
		expect((await badKinds.poll()).error?.message).toMatch(/Data to Redact: .*shoeSize/);
		const badBudget = await activateTrigger(t, { event: 'newEmail', transcriptBudget: -1 });
		expect((await badBudget.poll()).error?.message).toMatch(
			/Transcript Budget: -1 is not a number of characters/,
		);
	});
});
