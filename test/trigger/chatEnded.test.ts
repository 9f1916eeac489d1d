import { transcriptBody } from '../sandbox-org/demo/chat-transcript';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from './triggerSetup';

// Chat Ended as n8n runs it against the sandbox org: each LiveChatTranscript once when it has ended,
// with its messages parsed from the Body and its case, contact and visitor from the same query.

const MINUTE = 60_000;

describe('Trigger: Chat Ended', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});
	const later = () => t.org.clock.advance(2000);
	const chatEnded = (parameters = {}) => activateTrigger(t, { event: 'chatEnded', ...parameters });

	/** A chat requested now; `end` completes it as Salesforce does when the chat ends. */
	function startChat() {
		const store = t.org.store;
		const contactId = store.insert('Contact', {
			FirstName: 'George',
			LastName: 'Macaroni',
			Email: 'george@example.com',
		});
		const caseId = store.insert('Case', {
			Subject: 'Black screen on Mac Mini',
			Status: 'New',
			ContactId: contactId,
		});
		const visitorId = store.insert('LiveChatVisitor', { SessionKey: 'sess-1' });
		const requested = t.org.clock.now();
		const id = store.insert('LiveChatTranscript', {
			Status: 'Waiting',
			RequestTime: requested,
			ChatKey: `key-${requested}`,
			LiveChatVisitorId: visitorId,
			ContactId: contactId,
		});
		const end = () => {
			const now = t.org.clock.now();
			// Salesforce keeps StartTime to the second.
			const start = Math.floor((now - 3 * MINUTE) / 1000) * 1000;
			store.update('LiveChatTranscript', id, {
				Status: 'Completed',
				StartTime: start,
				EndTime: now,
				EndedBy: 'Visitor',
				WaitTime: 12,
				CaseId: caseId,
				// As in real bodies: the header names the agent one way, the lines another.
				Body: transcriptBody(
					[
						{ role: 'Agent', text: "Hi, I'll be happy to help", at: start + 10_000 },
						{ role: 'EndUser', text: 'My screen is black', at: start + 44_000 },
						{ role: 'Agent', text: 'Let me check <that>', at: start + 73_000 },
					],
					{
						start,
						offsetMinutes: -300,
						origin: 'Live Chat Button',
						agentName: '(UserFirstName)',
						agentLineName: 'Stephen Fountain',
						visitorName: 'George Macaroni',
					},
				),
			});
			return { start, end: now };
		};
		return { id, caseId, contactId, visitorId, end };
	}

	it('emits an ended chat once with its messages, case, contact and visitor; a chat in progress only once it ends; a quiet poll costs one API call', async () => {
		const poller = await chatEnded();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const chat = startChat();
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.clock.advance(5 * MINUTE);
		const times = chat.end();
		later();
		const items = emittedJson(await poller.poll());
		expect(items).toHaveLength(1);
		const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
		expect(items[0]).toMatchObject({
			Id: chat.id,
			Status: 'Completed',
			EndedBy: 'Visitor',
			WaitTime: 12,
			ChatKey: expect.stringMatching(/^key-/),
			CaseId: chat.caseId,
			Case: { CaseNumber: expect.any(String), Subject: 'Black screen on Mac Mini', Status: 'New' },
			Contact: { Name: 'George Macaroni', Email: 'george@example.com' },
			LiveChatVisitorId: chat.visitorId,
			LiveChatVisitor: { Name: expect.any(String), SessionKey: 'sess-1' },
			messages: [
				{
					who: 'agent',
					name: 'Stephen Fountain',
					at: iso(times.start + 10_000),
					text: "Hi, I'll be happy to help",
				},
				{
					who: 'customer',
					name: 'George Macaroni',
					at: iso(times.start + 44_000),
					text: 'My screen is black',
				},
				{
					who: 'agent',
					name: 'Stephen Fountain',
					at: iso(times.start + 73_000),
					text: 'Let me check <that>',
				},
			],
		});
		expect(items[0]).not.toHaveProperty('Body');
		expect(items[0]).not.toHaveProperty('attributes');
		t.org.store.update('LiveChatTranscript', chat.id, { WaitTime: 13 });
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const before = t.org.counters.apiCalls;
		expect(emittedJson(await poller.poll())).toEqual([]);
		expect(t.org.counters.apiCalls - before).toBe(1);
	});

	it('takes a burst of chats ending within one second over several polls, none twice', async () => {
		const poller = await chatEnded({ maxRecordsPerPoll: 2 });
		await poller.poll();
		const chats = Array.from({ length: 7 }, () => startChat());
		t.org.clock.advance(MINUTE);
		for (const c of chats) c.end();
		later();
		const seen: string[] = [];
		for (let i = 0; i < 6; i++)
			seen.push(...emittedJson(await poller.poll()).map((r) => String(r.Id)));
		expect(seen.sort()).toEqual(chats.map((c) => c.id).sort());
	});

	it('imports the chats that ended in the chosen span, then goes live; Extra Conditions filter them', async () => {
		const old = startChat();
		old.end();
		t.org.clock.advance(2 * 24 * 60 * MINUTE);
		const recent = startChat();
		recent.end();
		const other = startChat();
		other.end();
		t.org.store.update('LiveChatTranscript', other.id, { EndedBy: 'Agent' });
		t.org.clock.advance(60 * MINUTE);
		const poller = await chatEnded({
			recordImportFrom: 'last24Hours',
			conditions: { condition: [{ field: 'EndedBy', operator: 'equals', value: 'Visitor' }] },
		});
		const imported = emittedJson(await poller.poll()).map((i) => i.Id);
		expect(imported).toEqual([recent.id]);
		const live = startChat();
		t.org.clock.advance(MINUTE);
		live.end();
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.Id)).toEqual([live.id]);
	});

	it('"Fetch test event" returns the latest ended chat and changes no state', async () => {
		const ended = startChat();
		ended.end();
		t.org.clock.advance(MINUTE);
		startChat();
		const poller = await chatEnded();
		const outcome = await poller.fetchTestEvent();
		const items = emittedJson(outcome);
		expect(items.map((i) => i.Id)).toEqual([ended.id]);
		expect(items[0].messages).toHaveLength(3);
		for (const data of Object.values(poller.memoryStaticData)) expect(data).toEqual({});
	});
});
