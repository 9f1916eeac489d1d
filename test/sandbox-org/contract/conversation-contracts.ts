import { transcriptBody } from '../demo/chat-transcript';
import type { ConversationEntry } from '../org';
import type { TestOrg } from '../testing';
import { fixture } from './fixtures';
import { expectSameShape } from './shape';

// Contracts for chats and messaging: the LiveChatTranscript Body the sandbox writes, held to real
// bodies; the Connect API's conversation entries and its hourly limit, held to the documented
// (hand-written) shapes.

type Contract = (t: TestOrg) => Promise<void>;

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

const HEADER =
	/^<p align="center">Chat Started: \w+day, (\w+) (\d{2}), (\d{4}), (\d{2}):(\d{2}):(\d{2}) \(([+-])(\d{2})(\d{2})\)<\/p><p align="center">Chat Origin: ([^<]*)<\/p><p align="center">Agent ([^<]*)<\/p>/;
const LINE = /^\( (?:(\d+)h )?(?:(\d+)m )?(\d+)s \) ([^:<]+): (.*?)<br>/;

function unescapeChat(s: string): string {
	return s
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** Reads a Body back into what was said: start, offset, origin, agent and the lines. */
export function parseTranscriptBody(body: string) {
	const h = HEADER.exec(body);
	if (!h) throw new Error(`not a chat transcript header: ${body.slice(0, 120)}`);
	const [, month, day, year, hh, mm, ss, sign, oh, om, origin, agent] = h;
	const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
	const start =
		Date.UTC(+year, MONTHS.indexOf(month), +day, +hh, +mm, +ss) - offsetMinutes * 60_000;
	const lines: Array<{ name: string; text: string; elapsedMs: number }> = [];
	let rest = body.slice(h[0].length);
	while (rest.length > 0) {
		const m = LINE.exec(rest);
		if (!m) throw new Error(`not a chat transcript line: ${rest.slice(0, 120)}`);
		const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3]);
		lines.push({ name: m[4], text: unescapeChat(m[5]), elapsedMs: seconds * 1000 });
		rest = rest.slice(m[0].length);
	}
	return {
		start,
		offsetMinutes,
		origin: unescapeChat(origin),
		agent: unescapeChat(agent),
		lines,
	};
}

export const CONVERSATION_CONTRACTS: Record<string, Contract> = {
	'transmogrifai__livechattranscript-bodies.REWRAPPED.json': async (t) => {
		const recorded = fixture<Array<{ Body: string }>>(
			'transmogrifai__livechattranscript-bodies.REWRAPPED.json',
		);
		for (const { Body } of recorded) {
			// Parse what was said, write it again with the sandbox's writer: the same bytes.
			const chat = parseTranscriptBody(Body);
			const agentLineName = chat.lines.some((l) => l.name === chat.agent)
				? chat.agent
				: chat.lines[0].name;
			const visitorName = chat.lines.find((l) => l.name !== agentLineName)?.name;
			const ours = transcriptBody(
				chat.lines.map((l) => ({
					role: l.name === agentLineName ? 'Agent' : 'EndUser',
					text: l.text,
					at: chat.start + l.elapsedMs,
				})),
				{
					start: chat.start,
					offsetMinutes: chat.offsetMinutes,
					origin: chat.origin,
					agentName: chat.agent,
					agentLineName: agentLineName === chat.agent ? undefined : agentLineName,
					visitorName: visitorName === 'Visitor' ? undefined : visitorName,
				},
			);
			expect(ours).toBe(Body);
		}
		// Stored and read back through SOQL unchanged.
		const id = t.org.store.insert('LiveChatTranscript', {
			Status: 'Completed',
			Body: recorded[0].Body,
		});
		const res = await t.api(
			'GET',
			`/query?q=${encodeURIComponent(`SELECT Body FROM LiveChatTranscript WHERE Id = '${id}'`)}`,
		);
		expect(res.body.records[0].Body).toBe(recorded[0].Body);
	},

	'HAND__connect-conversation-entries-v62.json': async (t) => {
		const entry: ConversationEntry = {
			identifier: '36b0f4d9-7c14-43dc-bb9e-7713a4930df0',
			senderRole: 'EndUser',
			senderName: 'Rose',
			senderSubject: '0PASb0000000001AAA',
			messageText: 'The credit card I used was xxxx-xxxx-xxxx-4321.',
			timestamp: 1600788018000,
			relatedRecords: ['0MwSb0000000001AAA'],
		};
		t.org.conversations.set('conv-contract', [entry]);
		const res = await t.api('GET', '/connect/conversation/conv-contract/entries');
		expect(res.status).toBe(200);
		expectSameShape(res.body, fixture('HAND__connect-conversation-entries-v62.json'));
	},

	'HAND__connect-entries-503-hourly-limit.json': async (t) => {
		t.org.conversations.set('conv-limit', []);
		t.org.connectRateLimit.hourlyLimit = 1;
		await t.api('GET', '/connect/conversation/conv-limit/entries');
		const res = await t.api('GET', '/connect/conversation/conv-limit/entries');
		expect(res.status).toBe(503);
		expect(res.body).toEqual(fixture('HAND__connect-entries-503-hourly-limit.json'));
	},
};
