import {
	agentName,
	endedSession,
	iso,
	messagingCustomer,
	type SessionLine,
} from '../messaging/messagingWorld';
import { actionSuite } from './suite';

// The action node's Messaging Session resource as n8n runs it, against the sandbox org: each
// session's fields with its case and end user, and its own messages read from the Connect API as the
// trigger's Messaging Session Ended reads them; each conversation read once; Salesforce's hourly
// limit fails the item it stops, naming the session.

const LINES: SessionLine[] = [
	{ role: 'EndUser', text: 'My order 1142 never arrived' },
	{ role: 'Chatbot', text: 'Let me get an agent for you.' },
	{ role: 'System', text: 'Routed to agent' },
	{ role: 'Agent', text: 'Sorry about that, I resend it today' },
	{ role: 'EndUser', text: 'Thanks!' },
];

describe('Salesforce Service Cloud node: Messaging Session', () => {
	const s = actionSuite('messagingSession');
	const { run } = s;
	const connectCalls = () => s.t.org.counters.apiCallsByKind.connect ?? 0;
	let customer: ReturnType<typeof messagingCustomer>;
	let caseId: string;
	let earlier: ReturnType<typeof endedSession>;
	let session: ReturnType<typeof endedSession>;

	beforeAll(() => {
		customer = messagingCustomer(s.t, 'George Macaroni');
		caseId = s.t.org.store.insert('Case', {
			Subject: 'Order never arrived',
			Status: 'New',
			ContactId: customer.contactId,
		});
		// Two sessions of one conversation: each item has only its own messages.
		earlier = endedSession(s.t, customer, [{ role: 'EndUser', text: 'Old question' }]);
		session = endedSession(s.t, customer, LINES, { caseId });
	});

	const expectedMessages = () => [
		{ who: 'customer', name: 'George Macaroni', at: iso(session.at[0]), text: LINES[0].text },
		{ who: 'bot', name: '', at: iso(session.at[1]), text: LINES[1].text },
		{ who: 'agent', name: agentName(s.t), at: iso(session.at[3]), text: LINES[3].text },
		{ who: 'customer', name: 'George Macaroni', at: iso(session.at[4]), text: 'Thanks!' },
	];

	it('gets a session by ID with its own messages, case, contact and end user, in one Connect call', async () => {
		const before = connectCalls();
		const { items, error } = await run({ operation: 'get', recordId: session.id });
		expect(error).toBeUndefined();
		expect(connectCalls() - before).toBe(1);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			Id: session.id,
			Status: 'Ended',
			ChannelType: 'EmbeddedMessaging',
			CaseId: caseId,
			Case: { Subject: 'Order never arrived', Status: 'New', CaseNumber: expect.any(String) },
			MessagingEndUserId: customer.endUserId,
			MessagingEndUser: { Name: 'George Macaroni' },
			EndUserContact: { Name: 'George Macaroni' },
			Conversation: { ConversationIdentifier: customer.conversationIdentifier },
			messages: expectedMessages(),
		});
		expect(items[0].json).not.toHaveProperty('attributes');
	});

	it('gets many sessions that meet conditions, each with its own messages, reading their conversation once; a limit; Include Messages off makes no Connect call', async () => {
		const before = connectCalls();
		const { items, error } = await run({
			operation: 'getMany',
			conditions: {
				condition: [{ field: 'MessagingEndUserId', operator: 'equals', value: customer.endUserId }],
			},
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(connectCalls() - before).toBe(1);
		const byId = new Map(items.map((i) => [i.json.Id, i.json]));
		expect(byId.size).toBe(2);
		expect(byId.get(earlier.id)).toMatchObject({
			messages: [{ who: 'customer', text: 'Old question' }],
		});
		expect(byId.get(session.id)).toMatchObject({ messages: expectedMessages() });

		const limited = await run({ operation: 'getMany', limit: 1 });
		expect(limited.items).toHaveLength(1);

		const quiet = connectCalls();
		const without = await run({ operation: 'getMany', returnAll: true, includeMessages: false });
		expect(without.items.length).toBeGreaterThanOrEqual(2);
		expect(without.items[0].json).not.toHaveProperty('messages');
		expect(without.items[0].json).toHaveProperty('Status');
		expect(connectCalls() - quiet).toBe(0);
	});

	it("reads a conversation once for several items of one run, each item with its own session's messages", async () => {
		const before = connectCalls();
		const { items } = await run({ operation: 'get', recordId: '={{ $json.id }}' }, [
			{ id: earlier.id },
			{ id: session.id },
			{ id: session.id },
		]);
		expect(items.map((i) => i.json.Id)).toEqual([earlier.id, session.id, session.id]);
		expect(items[0].json.messages).toEqual([
			{ who: 'customer', name: 'George Macaroni', at: iso(earlier.at[0]), text: 'Old question' },
		]);
		expect(items[1].json.messages).toEqual(expectedMessages());
		expect(items[2].json.messages).toEqual(expectedMessages());
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(connectCalls() - before).toBe(1);
	});

	it("fails the item Salesforce's hourly Connect limit stops, naming the session; with Continue On Fail the other items still come", async () => {
		const other = messagingCustomer(s.t, 'Ada Lovelace');
		const second = endedSession(s.t, other, [{ role: 'EndUser', text: 'Hello' }]);
		const limit = s.t.org.connectRateLimit;
		const hourly = limit.hourlyLimit;
		try {
			// The first item's conversation is read; then the limit is reached (other apps share it).
			limit.hourlyLimit = limit.used(s.t.identity.userId, s.t.identity.clientId) + 1;
			const { items } = await run(
				{ operation: 'get', recordId: '={{ $json.id }}' },
				[{ id: session.id }, { id: second.id }],
				true,
			);
			expect(items).toHaveLength(2);
			expect(items[0].json).toMatchObject({ Id: session.id, messages: expectedMessages() });
			expect(items[1].json.error).toMatch(
				new RegExp(`messaging session .*${second.id}.* could not be read: Salesforce refused`),
			);
			const stopped = await run({ operation: 'get', recordId: second.id });
			expect(stopped.error?.message).toMatch(new RegExp(second.id));
			expect(stopped.error?.message).toMatch(/hourly limit/);
		} finally {
			limit.hourlyLimit = hourly;
		}
	});
});
