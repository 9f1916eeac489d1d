import { request } from 'node:http';

import type { ConversationEntry } from '../org';
import { startTestOrg, type TestOrg } from '../testing';
import { CONNECT_LIMIT_MESSAGE } from './connect-rate-limit';

// The conversation entries resource through node's own HTTP client (not the test helper): its
// paging by timestamps and the Connect REST API's hourly limit per user and app.

let t: TestOrg;
/** A fresh session each test (the tests move the clock past a session's lifetime). */
let token: string;
const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);
const IDENTIFIER = 'd1b5f3a0-0000-4000-8000-00000000c0de';

beforeAll(async () => {
	t = await startTestOrg({ frozenAt: T0 + 3_600_000 });
	const entries: ConversationEntry[] = Array.from({ length: 60 }, (_, i) => ({
		identifier: `entry-${i}`,
		senderRole: i % 2 ? 'Agent' : 'EndUser',
		senderName: i % 2 ? 'Sandbox Integration' : 'Rose',
		senderSubject: i % 2 ? '005Sb0000000001AAA' : '0PASb0000000001AAA',
		messageText: `message ${i}`,
		timestamp: T0 + i * 1000,
		relatedRecords: ['0MwSb0000000001AAA'],
	}));
	t.org.conversations.set(IDENTIFIER, entries);
});
afterAll(async () => {
	await t.close();
});
beforeEach(() => {
	t.org.connectRateLimit.reset();
	t.org.connectRateLimit.hourlyLimit = 1000;
	token = t.org.sessions.issue(t.identity.userId, t.identity.clientId, ['api']).accessToken;
});

/** GET with node:http, as any client would send it. */
function get(
	path: string,
	bearer = token,
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
	return new Promise((resolve, reject) => {
		const req = request(
			`${t.url}${path}`,
			{ method: 'GET', headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
				);
			},
		);
		req.on('error', reject);
		req.end();
	});
}

const entriesPath = (query: string) =>
	`/services/data/v62.0/connect/conversation/${IDENTIFIER}/entries${query}`;

it('pages through a long conversation by moving startTimestamp past the last entry', async () => {
	const seen: string[] = [];
	let start = 0;
	let calls = 0;
	for (;;) {
		const res = await get(
			entriesPath(`?queryDirection=FromStart&recordLimit=25&startTimestamp=${start}`),
		);
		calls++;
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^application\/json/);
		const page: Array<{ identifier: string; serverReceivedTimestamp: number }> =
			res.body.conversationEntries;
		expect(res.body).not.toHaveProperty('nextPageUrl');
		seen.push(...page.map((e) => e.identifier));
		if (page.length < 25) break;
		start = page[page.length - 1].serverReceivedTimestamp + 1;
	}
	expect(calls).toBe(3);
	expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `entry-${i}`));
});

it('pages backwards from the end by moving endTimestamp before the oldest entry it has', async () => {
	const first = await get(entriesPath('?recordLimit=25'));
	expect(first.body.conversationEntries[0].identifier).toBe('entry-59');
	const oldest = first.body.conversationEntries[24].serverReceivedTimestamp;
	const second = await get(entriesPath(`?recordLimit=25&endTimestamp=${oldest - 1}`));
	expect(second.body.conversationEntries[0].identifier).toBe('entry-34');
});

it('answers 503 REQUEST_LIMIT_EXCEEDED past 1,000 calls per user and app in an hour', async () => {
	const { userId, clientId } = t.identity;
	for (let i = 0; i < 999; i++) expect(t.org.connectRateLimit.take(userId, clientId)).toBe(true);
	const thousandth = await get(entriesPath('?recordLimit=1'));
	expect(thousandth.status).toBe(200);
	const over = await get(entriesPath('?recordLimit=1'));
	expect(over.status).toBe(503);
	expect(over.body).toEqual([
		{ message: CONNECT_LIMIT_MESSAGE, errorCode: 'REQUEST_LIMIT_EXCEEDED' },
	]);
	// The daily allowance still counts the refused call, and reports it in Sforce-Limit-Info.
	expect(over.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/\d+$/);

	// Another connected app of the same user has its own hourly allowance.
	const other = t.org.sessions.issue(userId, `${clientId}.other-app`, ['api']);
	expect((await get(entriesPath('?recordLimit=1'), other.accessToken)).status).toBe(200);

	// An hour after the first calls, the allowance is back.
	t.org.clock.advance(60 * 60 * 1000 + 1);
	token = t.org.sessions.issue(userId, clientId, ['api']).accessToken;
	expect((await get(entriesPath('?recordLimit=1'))).status).toBe(200);
});

it('keeps the hour rolling: calls spread over the hour count until an hour has passed since each', async () => {
	t.org.connectRateLimit.hourlyLimit = 3;
	await get(entriesPath('?recordLimit=1'));
	t.org.clock.advance(30 * 60 * 1000);
	await get(entriesPath('?recordLimit=1'));
	await get(entriesPath('?recordLimit=1'));
	expect((await get(entriesPath('?recordLimit=1'))).status).toBe(503);
	t.org.clock.advance(30 * 60 * 1000 + 1); // the first call is now more than an hour old
	token = t.org.sessions.issue(t.identity.userId, t.identity.clientId, ['api']).accessToken;
	expect((await get(entriesPath('?recordLimit=1'))).status).toBe(200);
	expect((await get(entriesPath('?recordLimit=1'))).status).toBe(503);
	// The highest count within any hour stays reported after the hour has moved on.
	t.org.clock.advance(2 * 60 * 60 * 1000);
	expect(t.org.connectRateLimit.peak()).toBe(0);
	expect(t.org.connectRateLimit.highestPerHour).toBe(3);
});

it('has no hourly limit when the org is set as one created after Summer 24 (control endpoint)', async () => {
	const set = await t.api('POST', '/__sandbox/faults', { connectHourlyLimit: null });
	expect(set.body.state.connectHourlyLimit).toBeNull();
	const { userId, clientId } = t.identity;
	for (let i = 0; i < 1000; i++) t.org.connectRateLimit.take(userId, clientId);
	expect((await get(entriesPath('?recordLimit=1'))).status).toBe(200);
	const state = await t.api('GET', '/__sandbox/state');
	expect(state.body.connectCallsPeakLastHour).toBe(1001);
	expect(state.body.connectCallsPeakPerHour).toBe(1001);
});
