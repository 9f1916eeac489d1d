import type { ConversationEntry } from '../org';
import { startTestOrg, type TestOrg } from '../testing';

// The Connect REST API's conversation entries: the message texts of a messaging session,
// read by Conversation.ConversationIdentifier.

let t: TestOrg;
const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);
const sessionId = '0MwSb0000000001AAA';
const entries: ConversationEntry[] = [
	{
		identifier: 'e1',
		senderRole: 'EndUser',
		senderName: 'Rose',
		senderSubject: '0PASb0000000001AAA',
		messageText: 'My order never arrived',
		timestamp: T0,
		relatedRecords: [sessionId],
	},
	{
		identifier: 'e2',
		senderRole: 'Chatbot',
		senderName: 'Einstein',
		senderSubject: 'bot',
		messageText: 'Let me find an agent',
		timestamp: T0 + 1000,
		relatedRecords: [sessionId],
	},
	{
		identifier: 'e3',
		senderRole: 'Agent',
		senderName: 'Sandbox Integration',
		senderSubject: '005Sb0000000001AAA',
		messageText: 'I can help with that',
		timestamp: T0 + 2000,
		relatedRecords: [sessionId],
	},
	{
		identifier: 'e4',
		senderRole: 'EndUser',
		senderName: 'Rose',
		senderSubject: '0PASb0000000001AAA',
		messageText: 'Thanks!',
		timestamp: T0 + 3000,
		relatedRecords: [sessionId],
	},
];

beforeAll(async () => {
	t = await startTestOrg();
	t.org.conversations.set('conv-42', entries);
});
afterAll(async () => {
	await t.close();
});

const get = (query: string, version = '62.0') =>
	t.api('GET', `/services/data/v${version}/connect/conversation/conv-42/entries${query}`);

it('returns the entries in the documented shape', async () => {
	const res = await get('?queryDirection=FromStart&recordLimit=1000');
	expect(res.status).toBe(200);
	expect(Object.keys(res.body)).toEqual(['conversationEntries']);
	expect(res.body.conversationEntries).toHaveLength(4);
	expect(res.body.conversationEntries[0]).toEqual({
		clientDuration: 0,
		clientTimestamp: T0,
		identifier: 'e1',
		messageText: 'My order never arrived',
		relatedRecords: [sessionId],
		sender: { appType: 'iamessage', role: 'EndUser', subject: '0PASb0000000001AAA' },
		serverReceivedTimestamp: T0,
	});
	expect(
		res.body.conversationEntries.map((e: { sender: { role: string } }) => e.sender.role),
	).toEqual(['EndUser', 'Chatbot', 'Agent', 'EndUser']);
});

it('reads from the end by default, 25 at most', async () => {
	const many = Array.from({ length: 30 }, (_, i) => ({
		...entries[0],
		identifier: `m${i}`,
		timestamp: T0 + i,
	}));
	t.org.conversations.set('conv-long', many);
	const res = await t.api('GET', '/connect/conversation/conv-long/entries');
	expect(res.body.conversationEntries).toHaveLength(25);
	expect(res.body.conversationEntries[0].identifier).toBe('m29');
});

it('limits and bounds the entries', async () => {
	const first = await get('?queryDirection=FromStart&recordLimit=2');
	expect(first.body.conversationEntries.map((e: { identifier: string }) => e.identifier)).toEqual([
		'e1',
		'e2',
	]);
	const last = await get('?queryDirection=FromEnd&recordLimit=2');
	expect(last.body.conversationEntries.map((e: { identifier: string }) => e.identifier)).toEqual([
		'e4',
		'e3',
	]);
	const window = await get(
		`?queryDirection=FromStart&startTimestamp=${T0 + 1000}&endTimestamp=${T0 + 2000}`,
	);
	expect(window.body.conversationEntries.map((e: { identifier: string }) => e.identifier)).toEqual([
		'e2',
		'e3',
	]);
});

it('leaves relatedRecords out before API 52.0, and does not exist before 51.0', async () => {
	const v51 = await get('?queryDirection=FromStart', '51.0');
	expect(v51.status).toBe(200);
	expect(v51.body.conversationEntries[0]).not.toHaveProperty('relatedRecords');
	const v50 = await get('', '50.0');
	expect(v50.status).toBe(404);
	expect(v50.body).toEqual([
		{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' },
	]);
});

it('answers 404 for an unknown conversation, and an empty list for a conversation without entries', async () => {
	const unknown = await t.api('GET', '/connect/conversation/no-such-conversation/entries');
	expect(unknown.status).toBe(404);
	expect(unknown.body[0].errorCode).toBe('NOT_FOUND');
	t.org.store.insert('Conversation', { Name: 'Quiet', ConversationIdentifier: 'conv-quiet' });
	const quiet = await t.api('GET', '/connect/conversation/conv-quiet/entries');
	expect(quiet.status).toBe(200);
	expect(quiet.body).toEqual({ conversationEntries: [] });
});

it('refuses parameters out of range with 400', async () => {
	for (const query of [
		'?recordLimit=0',
		'?recordLimit=1001',
		'?recordLimit=ten',
		'?queryDirection=Sideways',
		'?startTimestamp=yesterday',
	]) {
		const res = await get(query);
		expect({ query, status: res.status }).toEqual({ query, status: 400 });
	}
});

it('counts each read as a connect call', async () => {
	const before = t.org.counters.apiCallsByKind.connect;
	await get('');
	await get('?recordLimit=1');
	expect(t.org.counters.apiCallsByKind.connect - before).toBe(2);
});
