import { request } from 'node:http';

import { startSandboxOrg, type RunningSandboxOrg } from '../index';

// A messaging client's whole round over plain HTTP (node:http, not the test helper): ended
// MessagingSession rows through SOQL with their Conversation's ConversationIdentifier, then the
// messages from the Connect API, each call counted as Salesforce counts it.

let sandbox: RunningSandboxOrg;
let token: string;

beforeAll(async () => {
	sandbox = await startSandboxOrg({ seed: 5, cases: 80 });
	token = sandbox.org.sessions.issue(sandbox.identity.userId, sandbox.identity.clientId, [
		'api',
	]).accessToken;
});
afterAll(async () => {
	await sandbox.close();
});

function get(
	path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
	const url = new URL(path, sandbox.url);
	return new Promise((resolve, reject) => {
		const req = request(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
			);
		});
		req.on('error', reject);
		req.end();
	});
}

const soql = (q: string) => get(`/services/data/v62.0/query?q=${encodeURIComponent(q)}`);

it('gives ended sessions with their case, channel and conversation, and their messages from the Connect API', async () => {
	const sessions = await soql(
		`SELECT Id, Name, Status, StartTime, EndTime, CaseId, ChannelType, Origin, MessagingEndUserId,
		        MessagingEndUser.Name, ConversationId, Conversation.ConversationIdentifier,
		        EndUserMessageCount, AgentMessageCount
		   FROM MessagingSession WHERE Status = 'Ended' ORDER BY EndTime ASC, Id ASC`,
	);
	expect(sessions.status).toBe(200);
	const rows = sessions.body.records;
	expect(rows.length).toBeGreaterThan(2);

	const connectBefore = sandbox.org.counters.apiCallsByKind.connect;
	const usageBefore = sandbox.org.apiUsage;
	for (const s of rows) {
		expect(s.Id).toMatch(/^0Mw/);
		expect(s.CaseId).toMatch(/^500/);
		expect(s.ConversationId).toMatch(/^0dw/);
		expect(s.MessagingEndUserId).toMatch(/^0PA/);
		expect(['EmbeddedMessaging', 'WhatsApp', 'Text']).toContain(s.ChannelType);
		expect(s.Origin).toBe('InboundInitiated');
		expect(Date.parse(s.EndTime)).toBeGreaterThan(Date.parse(s.StartTime));

		const identifier = encodeURIComponent(s.Conversation.ConversationIdentifier);
		const res = await get(
			`/services/data/v62.0/connect/conversation/${identifier}/entries?queryDirection=FromStart&recordLimit=1000&startTimestamp=${Date.parse(s.StartTime)}`,
		);
		expect(res.status).toBe(200);
		expect(res.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
		// A conversation spans every session of the customer on the channel: keep this session's entries.
		const mine = res.body.conversationEntries.filter((e: { relatedRecords: string[] }) =>
			e.relatedRecords.includes(s.Id),
		);
		const fromCustomer = mine.filter(
			(e: { sender: { role: string } }) => e.sender.role === 'EndUser',
		);
		const fromAgent = mine.filter((e: { sender: { role: string } }) => e.sender.role === 'Agent');
		expect(fromCustomer).toHaveLength(s.EndUserMessageCount);
		expect(fromAgent).toHaveLength(s.AgentMessageCount);
		for (const e of mine) {
			expect(e.serverReceivedTimestamp).toBeGreaterThanOrEqual(Date.parse(s.StartTime));
			expect(typeof e.messageText).toBe('string');
			expect(e.identifier).toMatch(/^[0-9a-f-]{36}$/);
		}
		for (const e of fromCustomer) expect(e.sender.subject).toBe(s.MessagingEndUserId);
	}
	// One Connect call per session, counted in the daily allowance and in the hourly allowance.
	expect(sandbox.org.counters.apiCallsByKind.connect - connectBefore).toBe(rows.length);
	expect(sandbox.org.apiUsage - usageBefore).toBe(rows.length);
	expect(
		sandbox.org.connectRateLimit.used(sandbox.identity.userId, sandbox.identity.clientId),
	).toBe(rows.length);
});

it("lists a case's messaging sessions as a child relationship", async () => {
	const [s] = (await soql(`SELECT CaseId FROM MessagingSession WHERE Status = 'Ended' LIMIT 1`))
		.body.records;
	const res = await soql(
		`SELECT Id, (SELECT Id, Status, ChannelType FROM MessagingSessions) FROM Case WHERE Id = '${s.CaseId}'`,
	);
	expect(res.body.records[0].MessagingSessions.records.length).toBeGreaterThan(0);
});
