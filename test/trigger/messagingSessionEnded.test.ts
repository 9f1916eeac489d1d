import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import {
	agentName,
	endedSession,
	iso,
	messagingCustomer,
	type SessionLine,
} from '../messaging/messagingWorld';
import { activateTrigger, emittedJson } from './triggerSetup';

// Messaging Session Ended as n8n runs it against the sandbox org: each ended MessagingSession once,
// with its messages from the Connect API (only its own, of a conversation that spans sessions), and
// the Connect calls kept within the workflow's hourly budget, pacing a large import across polls.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const LINES: SessionLine[] = [
	{ role: 'EndUser', text: 'My order 1142 never arrived' },
	{ role: 'Chatbot', text: 'Let me get an agent for you.' },
	{ role: 'System', text: 'Routed to agent' },
	{ role: 'Agent', text: 'Sorry about that, I resend it today' },
	{ role: 'EndUser', text: 'Thanks!' },
];

describe('Trigger: Messaging Session Ended', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
		t.org.clock.freeze();
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await t.close();
	});
	const later = () => t.org.clock.advance(2000);
	const sessionEnded = (parameters = {}) =>
		activateTrigger(t, { event: 'messagingSessionEnded', ...parameters });
	const connectCalls = () => t.org.counters.apiCallsByKind.connect ?? 0;

	it('emits an ended session once with its own messages, case, contact and end user; an active one only once it ends; a quiet poll costs one API call', async () => {
		const customer = messagingCustomer(t, 'George Macaroni');
		const caseId = t.org.store.insert('Case', {
			Subject: 'Order never arrived',
			Status: 'New',
			ContactId: customer.contactId,
		});
		// An earlier session of the same conversation, ended before the activation.
		const earlier = endedSession(t, customer, [{ role: 'EndUser', text: 'Old question' }]);
		later();
		const poller = await sessionEnded();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const active = endedSession(t, customer, LINES, { caseId, end: false });
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.store.update('MessagingSession', active.id, {
			Status: 'Ended',
			EndTime: t.org.clock.now(),
		});
		later();
		const before = connectCalls();
		const items = emittedJson(await poller.poll());
		expect(connectCalls() - before).toBe(1);
		expect(items.map((i) => i.Id)).toEqual([active.id]);
		expect(items[0]).toMatchObject({
			Status: 'Ended',
			ChannelType: 'EmbeddedMessaging',
			CaseId: caseId,
			Case: { Subject: 'Order never arrived', Status: 'New', CaseNumber: expect.any(String) },
			MessagingEndUserId: customer.endUserId,
			MessagingEndUser: { Name: 'George Macaroni' },
			EndUserContact: { Name: 'George Macaroni' },
			Conversation: { ConversationIdentifier: customer.conversationIdentifier },
			messages: [
				{ who: 'customer', name: 'George Macaroni', at: iso(active.at[0]), text: LINES[0].text },
				{ who: 'bot', name: '', at: iso(active.at[1]), text: LINES[1].text },
				{ who: 'agent', name: agentName(t), at: iso(active.at[3]), text: LINES[3].text },
				{ who: 'customer', name: 'George Macaroni', at: iso(active.at[4]), text: 'Thanks!' },
			],
		});
		expect(items[0]).not.toHaveProperty('attributes');
		expect(earlier.id).not.toBe(active.id);
		t.org.store.update('MessagingSession', active.id, { PreviewDetails: 'edited' });
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const quiet = t.org.counters.apiCalls;
		expect(emittedJson(await poller.poll())).toEqual([]);
		expect(t.org.counters.apiCalls - quiet).toBe(1);
	});

	it('reads a conversation of more than 1,000 entries page by page, moving startTimestamp past the last entry', async () => {
		const customer = messagingCustomer(t);
		const many: SessionLine[] = Array.from({ length: 2100 }, (_, i) => ({
			role: i % 2 ? 'Agent' : 'EndUser',
			text: `line ${i}`,
		}));
		const session = endedSession(t, customer, many);
		// Two entries in the same millisecond at the page boundary must both come through.
		const entries = t.org.conversations.get(customer.conversationIdentifier) ?? [];
		entries[1000].timestamp = entries[999].timestamp;
		later();
		const poller = await sessionEnded({ recordImportFrom: 'last24Hours' });
		const before = connectCalls();
		const [item] = emittedJson(await poller.poll());
		expect(item.Id).toBe(session.id);
		expect((item.messages as unknown[]).map((m) => (m as { text: string }).text)).toEqual(
			many.map((l) => l.text),
		);
		expect(connectCalls() - before).toBe(3);
	});

	it('paces an import of 12 sessions under a budget of 5 calls per hour: each once, never more than 5 calls in an hour, and says what it deferred until when', async () => {
		const info = jest.spyOn(Container.get(Logger), 'info');
		const sessions = Array.from(
			{ length: 12 },
			() => endedSession(t, messagingCustomer(t), LINES.slice(0, 2)).id,
		);
		t.org.clock.advance(MINUTE);
		const poller = await sessionEnded({ recordImportFrom: 'last24Hours', connectCallsPerHour: 5 });
		const seen: string[] = [];
		const callTimes: number[] = [];
		for (let poll = 0; poll < 12 && seen.length < 12; poll++) {
			const before = connectCalls();
			const items = emittedJson(await poller.poll());
			for (let i = connectCalls() - before; i > 0; i--) callTimes.push(t.org.clock.now());
			for (const item of items) {
				expect((item.messages as unknown[]).length).toBe(2);
				seen.push(String(item.Id));
			}
			// n8n polls every 20 minutes here.
			t.org.clock.advance(20 * MINUTE);
		}
		expect(seen.sort()).toEqual([...sessions].sort());
		for (const at of callTimes)
			expect(callTimes.filter((c) => c > at - HOUR && c <= at).length).toBeLessThanOrEqual(5);
		expect(t.org.connectRateLimit.highestPerHour).toBeLessThanOrEqual(5);
		const deferral = info.mock.calls.map((c) => String(c[0])).find((m) => /deferred/.test(m));
		expect(deferral).toMatch(/messagingSessionEnded: 7 record\(s\) deferred to a later poll/);
		expect(deferral).toMatch(/budget of 5 Connect API calls per hour is spent until \d{4}-/);
		// Nothing emitted twice in later polls.
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('defers sessions when Salesforce answers 503 REQUEST_LIMIT_EXCEEDED (other apps share the limit) and emits them once the limit frees', async () => {
		const customer = messagingCustomer(t);
		const ids = [1, 2, 3].map(() => endedSession(t, customer, LINES.slice(0, 1)).id);
		later();
		const poller = await sessionEnded({ recordImportFrom: 'last24Hours' });
		t.org.connectRateLimit.hourlyLimit = 1;
		// Another app of the same user used the allowance already.
		expect(t.org.connectRateLimit.take(t.identity.userId, t.identity.clientId)).toBe(true);
		const info = jest.spyOn(Container.get(Logger), 'info');
		const requestsBefore = t.org.counters.log.filter((e) => e.kind === 'connect').length;
		const attempt = await poller.poll();
		expect(emittedJson(attempt)).toEqual([]);
		// Refused once, not tried again (each try would be another refused call).
		expect(t.org.counters.log.filter((e) => e.kind === 'connect').length - requestsBefore).toBe(1);
		expect(String(info.mock.calls.at(-1)?.[0])).toMatch(
			/3 record\(s\) deferred.*Salesforce refused: the Connect API's hourly limit/,
		);
		t.org.clock.advance(HOUR + MINUTE);
		t.org.connectRateLimit.hourlyLimit = 2;
		const first = emittedJson(await poller.poll()).map((i) => i.Id);
		t.org.clock.advance(HOUR + MINUTE);
		t.org.connectRateLimit.hourlyLimit = 1000;
		const rest = emittedJson(await poller.poll()).map((i) => i.Id);
		expect(first).toEqual(ids.slice(0, 2));
		expect(rest).toEqual(ids.slice(2));
	});

	it.each([
		[0, /not 0/],
		[1001, /not 1001/],
		[2.5, /not 2.5/],
	])(
		'refuses Connect API Calls per Hour = %p with an error naming the parameter',
		async (value, detail) => {
			const outcome = await activateTrigger(t, {
				event: 'messagingSessionEnded',
				connectCallsPerHour: value,
			}).then(
				(p) => p,
				(e: Error) => e,
			);
			const message =
				outcome instanceof Error ? outcome.message : String((await outcome.poll()).error?.message);
			expect(message).toMatch(/Connect API Calls per Hour must be a whole number from 1 to 1,000/);
			expect(message).toMatch(detail);
		},
	);

	it('"Fetch test event" returns the latest ended session with its messages and changes no cursor', async () => {
		const customer = messagingCustomer(t);
		endedSession(t, customer, LINES.slice(0, 1));
		const latest = endedSession(t, customer, LINES);
		later();
		const poller = await sessionEnded();
		const items = emittedJson(await poller.fetchTestEvent());
		expect(items.map((i) => i.Id)).toEqual([latest.id]);
		expect(items[0].messages).toHaveLength(4);
		for (const data of Object.values(poller.memoryStaticData)) expect(data).toEqual({});
	});
});
