import { startSandboxOrg, type RunningSandboxOrg } from '../index';
import { chatMetrics } from './chat-metrics';
import { transcriptBody, type TranscriptLine } from './chat-transcript';

// Ended chats as a client reads them over HTTP: LiveChatTranscript rows of the demo org through
// SOQL, with their visitor, case and contact, and the Body Salesforce writes.

let sandbox: RunningSandboxOrg;
let token: string;

beforeAll(async () => {
	sandbox = await startSandboxOrg({ seed: 3, cases: 60 });
	token = sandbox.org.sessions.issue(sandbox.identity.userId, sandbox.identity.clientId, [
		'api',
	]).accessToken;
});
afterAll(async () => {
	await sandbox.close();
});

async function query(soql: string) {
	const res = await fetch(
		`${sandbox.url}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`,
		{ headers: { Authorization: `Bearer ${token}` } },
	);
	return { status: res.status, body: (await res.json()) as any };
}

it('answers SOQL for ended chats with Salesforce fields, parents and the transcript Body', async () => {
	const res = await query(
		`SELECT Id, Name, Status, StartTime, EndTime, RequestTime, WaitTime, EndedBy, ChatKey, CaseId, ContactId,
		        LiveChatVisitorId, LiveChatVisitor.SessionKey, Case.CaseNumber, Contact.Name,
		        AverageResponseTimeOperator, MaxResponseTimeVisitor, VisitorMessageCount, OperatorMessageCount,
		        IsChatbotSession, SupervisorTranscriptBody, Body
		   FROM LiveChatTranscript WHERE Status = 'Completed' ORDER BY EndTime ASC`,
	);
	expect(res.status).toBe(200);
	const chats = res.body.records;
	expect(chats.length).toBeGreaterThan(2);
	for (const c of chats) {
		expect(c.attributes.type).toBe('LiveChatTranscript');
		expect(c.Id).toMatch(/^570[A-Za-z0-9]{15}$/);
		expect(c.LiveChatVisitorId).toMatch(/^571[A-Za-z0-9]{15}$/);
		expect(c.LiveChatVisitor.SessionKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
		expect(c.ChatKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
		expect(c.Case.CaseNumber).toMatch(/^\d{8}$/);
		expect(typeof c.Contact.Name).toBe('string');
		expect(Date.parse(c.EndTime)).toBeGreaterThan(Date.parse(c.StartTime));
		expect(Date.parse(c.StartTime)).toBeGreaterThanOrEqual(Date.parse(c.RequestTime));
		expect(c.WaitTime).toBe(
			Math.round((Date.parse(c.StartTime) - Date.parse(c.RequestTime)) / 1000),
		);
		expect(['Agent', 'Visitor']).toContain(c.EndedBy);
		expect(c.AverageResponseTimeOperator).toBeGreaterThanOrEqual(0);
		expect(c.IsChatbotSession).toBe(false);
		expect(c.SupervisorTranscriptBody).toBeNull();
		expect(c.Body).toMatch(/^<p align="center">Chat Started: /);
		expect(c.Body.match(/<br>/g)).toHaveLength(c.VisitorMessageCount + c.OperatorMessageCount);
	}
});

it('finds a chat by its ChatKey (an idLookup field) and lists chats under their case', async () => {
	const [first] = (await query('SELECT ChatKey, CaseId FROM LiveChatTranscript LIMIT 1')).body
		.records;
	const byKey = await query(`SELECT Id FROM LiveChatTranscript WHERE ChatKey = '${first.ChatKey}'`);
	expect(byKey.body.totalSize).toBe(1);
	const parent = await query(
		`SELECT Id, (SELECT Id, Status FROM LiveChatTranscripts) FROM Case WHERE Id = '${first.CaseId}'`,
	);
	expect(parent.body.records[0].LiveChatTranscripts.records[0].Status).toBe('Completed');
});

it('describes LiveChatVisitor and the chat fields clients filter on', async () => {
	const res = await fetch(
		`${sandbox.url}/services/data/v62.0/sobjects/LiveChatTranscript/describe`,
		{
			headers: { Authorization: `Bearer ${token}` },
		},
	);
	const describe = (await res.json()) as {
		fields: Array<{ name: string; type: string; picklistValues: Array<{ value: string }> }>;
	};
	const field = (name: string) => describe.fields.find((f) => f.name === name);
	expect(field('LiveChatVisitorId')?.type).toBe('reference');
	expect(field('EndedBy')?.picklistValues.map((p) => p.value)).toEqual([
		'Agent',
		'System',
		'Visitor',
	]);
	expect(field('SupervisorTranscriptBody')?.type).toBe('textarea');
	const visitor = await fetch(
		`${sandbox.url}/services/data/v62.0/sobjects/LiveChatVisitor/describe`,
		{
			headers: { Authorization: `Bearer ${token}` },
		},
	);
	expect(visitor.status).toBe(200);
});

describe('the Body writer and the chat figures', () => {
	const T = Date.UTC(2026, 2, 3, 14, 0, 0);
	const lines: TranscriptLine[] = [
		{ role: 'Agent', text: 'Hi, I\'m Sam. <How> can I help & "why"?', at: T + 8_000 },
		{ role: 'EndUser', text: 'My order', at: T + 38_000 },
		{ role: 'EndUser', text: 'never came', at: T + 40_000 },
		{ role: 'Agent', text: 'Checking', at: T + 3_725_000 },
	];

	it('writes one line per message with elapsed time, escapes HTML and names an unnamed visitor "Visitor"', () => {
		expect(
			transcriptBody(lines, {
				start: T,
				offsetMinutes: -300,
				origin: 'Web & Mobile',
				agentName: 'Sam K',
			}),
		).toBe(
			'<p align="center">Chat Started: Tuesday, March 03, 2026, 09:00:00 (-0500)</p>' +
				'<p align="center">Chat Origin: Web &amp; Mobile</p><p align="center">Agent Sam K</p>' +
				'( 8s ) Sam K: Hi, I&#39;m Sam. &lt;How&gt; can I help &amp; &quot;why&quot;?<br>' +
				'( 38s ) Visitor: My order<br>( 40s ) Visitor: never came<br>' +
				'( 1h 2m 5s ) Sam K: Checking<br>',
		);
	});

	it("computes response times from each side's first line after the other side, and who ended", () => {
		expect(chatMetrics(lines)).toEqual({
			AverageResponseTimeOperator: 3685,
			MaxResponseTimeOperator: 3685,
			AverageResponseTimeVisitor: 30,
			MaxResponseTimeVisitor: 30,
			EndedBy: 'Agent',
		});
	});
});
