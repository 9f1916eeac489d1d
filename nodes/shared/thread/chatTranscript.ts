import { htmlToText } from './htmlToText';
import { epochMs } from '../salesforceDate';
import type { LiveChatTranscriptRecord, TranscriptTurn } from './types';

// A legacy chat's Body as Salesforce writes it:
//   <p align="center">Chat Started: Monday, December 17, 2018, 23:27:57 (-0500)</p>
//   <p align="center">Chat Origin: Website Support Chat</p><p align="center">Agent Jane D</p>
//   ( 10s ) Jane D: Hello, how can I help?<br>( 1m 5s ) Visitor Name: My charger ...<br>
// Each line is stamped with the time since the chat started (StartTime). The agents are the names
// on the "Agent ..." lines (and "Chat Transferred From ... To ..."); every other speaker is the customer.

const LINE = /^\(\s*(?:(\d+)h\s*)?(?:(\d+)m\s*)?(\d+)s\s*\)\s*([^:]+?):\s?(.*)$/;
const AGENT = /^Agent\s+(.+)$/;
const TRANSFER = /^Chat Transferred From\s+(.+?)\s+To\s+(.+)$/i;

export function chatTurns(
	record: LiveChatTranscriptRecord,
	block = record.Id ?? 'chat',
): TranscriptTurn[] {
	const start = epochMs(record.StartTime);
	const lines = htmlToText(record.Body ?? '').split('\n');
	const agents = new Set<string>();
	for (const line of lines) {
		const agent = AGENT.exec(line.trim());
		if (agent) agents.add(agent[1].trim());
		const transfer = TRANSFER.exec(line.trim());
		if (transfer) agents.add(transfer[2].trim());
	}
	const turns: TranscriptTurn[] = [];
	for (const raw of lines) {
		const line = raw.trim();
		const m = LINE.exec(line);
		if (m) {
			const elapsed = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3])) * 1000;
			const name = m[4].trim();
			turns.push({
				at: start === undefined ? undefined : start + elapsed,
				speaker: agents.has(name) ? 'agent' : 'customer',
				name,
				text: m[5].trim(),
				channel: 'chat',
				block,
			});
		} else if (turns.length > 0 && line !== '' && !AGENT.test(line) && !TRANSFER.test(line)) {
			// A message of several lines continues on the next ones.
			turns[turns.length - 1].text += `\n${line}`;
		}
	}
	return turns;
}
