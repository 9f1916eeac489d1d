import { transcriptBody } from '../sandbox-org/demo/chat-transcript';
import { actionSuite } from './suite';

// The action node's Chat Transcript resource as n8n runs it, against the sandbox org: each chat's
// fields with its case, contact and visitor, and its messages parsed from the Body as the trigger's
// Chat Ended parses them.

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

describe('Salesforce Service Cloud node: Chat Transcript', () => {
	const s = actionSuite('chatTranscript');
	const { run } = s;
	let chat: { id: string; caseId: string; contactId: string; visitorId: string; start: number };

	/** An ended chat of George's, on a case, with three lines. */
	function endedChat(status = 'Completed') {
		const store = s.t.org.store;
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
		const now = s.t.org.clock.now();
		const start = Math.floor((now - 3 * MINUTE) / 1000) * 1000;
		const id = store.insert('LiveChatTranscript', {
			Status: status,
			RequestTime: start - 10_000,
			StartTime: start,
			EndTime: now,
			EndedBy: 'Visitor',
			ChatKey: `key-${now}`,
			LiveChatVisitorId: visitorId,
			ContactId: contactId,
			CaseId: caseId,
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
		return { id, caseId, contactId, visitorId, start };
	}

	beforeAll(() => {
		chat = endedChat();
	});

	const expectedMessages = () => [
		{
			who: 'agent',
			name: 'Stephen Fountain',
			at: iso(chat.start + 10_000),
			text: "Hi, I'll be happy to help",
		},
		{
			who: 'customer',
			name: 'George Macaroni',
			at: iso(chat.start + 44_000),
			text: 'My screen is black',
		},
		{
			who: 'agent',
			name: 'Stephen Fountain',
			at: iso(chat.start + 73_000),
			text: 'Let me check <that>',
		},
	];

	it('gets a chat by ID with its messages, case, contact and visitor, without the Body HTML', async () => {
		const { items, error } = await run({ operation: 'get', recordId: chat.id });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			Id: chat.id,
			Status: 'Completed',
			EndedBy: 'Visitor',
			CaseId: chat.caseId,
			Case: { CaseNumber: expect.any(String), Subject: 'Black screen on Mac Mini', Status: 'New' },
			Contact: { Name: 'George Macaroni', Email: 'george@example.com' },
			LiveChatVisitorId: chat.visitorId,
			LiveChatVisitor: { SessionKey: 'sess-1' },
			messages: expectedMessages(),
		});
		expect(items[0].json).not.toHaveProperty('Body');
		expect(items[0].json).not.toHaveProperty('attributes');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('names a malformed ID, an ID of another object and an ID no chat has; with Continue On Fail the good item still comes', async () => {
		const other = s.t.org.store.insert('Case', { Subject: 'x', Status: 'New' });
		const missing = `${chat.id.slice(0, 3)}000000000000AAA`;
		const input = [{ id: 'not-an-id' }, { id: other }, { id: missing }, { id: chat.id }];
		const { items } = await run({ operation: 'get', recordId: '={{ $json.id }}' }, input, true);
		expect(items).toHaveLength(4);
		expect(items[0].json.error).toMatch(
			/Chat Transcript ID "not-an-id" is not a Salesforce record Id/,
		);
		expect(items[1].json.error).toMatch(
			new RegExp(`Chat Transcript ID "${other}" belongs to another object`),
		);
		expect(items[2].json.error).toMatch(
			new RegExp(`Chat Transcript ID "${missing}": no .*\\(LiveChatTranscript\\) has this ID`),
		);
		expect(items[3].json).toMatchObject({ Id: chat.id, messages: expectedMessages() });
		const stopped = await run({ operation: 'get', recordId: missing });
		expect(stopped.error?.message).toMatch(new RegExp(`Chat Transcript ID "${missing}"`));
	});

	it('gets many chats that meet conditions, each with its messages; a limit; all pages with Return All', async () => {
		const store = s.t.org.store;
		for (let i = 0; i < 2050; i++)
			store.insert('LiveChatTranscript', {
				Status: 'Missed',
				ChatKey: `missed-${i}`,
				Body: null,
			});
		const completed = await run({
			operation: 'getMany',
			conditions: { condition: [{ field: 'Status', operator: 'equals', value: 'Completed' }] },
		});
		expect(completed.error).toBeUndefined();
		expect(completed.items.map((i) => i.json.Id)).toEqual([chat.id]);
		expect(completed.items[0].json).toMatchObject({
			Case: { Subject: 'Black screen on Mac Mini' },
			messages: expectedMessages(),
		});
		const limited = await run({
			operation: 'getMany',
			conditions: { condition: [{ field: 'Status', operator: 'equals', value: 'Missed' }] },
			limit: 3,
		});
		expect(limited.items).toHaveLength(3);
		for (const item of limited.items)
			expect(item.json).toMatchObject({ Status: 'Missed', messages: [] });
		const all = await run({ operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(2051);
		expect(new Set(all.items.map((i) => i.json.Id)).size).toBe(2051);
	});

	it('names a condition on a field chats do not have', async () => {
		const { error } = await run({
			operation: 'getMany',
			conditions: { condition: [{ field: 'NoSuchField__c', operator: 'equals', value: 'x' }] },
		});
		expect(error?.message).toMatch(/Conditions: .*NoSuchField__c/);
	});
});
