import { htmlToText } from './htmlToText';
import { epochMs } from '../salesforceDate';
import { messageList } from './messages';
import type { ChatMessage, LiveChatTranscriptRecord, TranscriptTurn } from './types';

// A legacy chat's Body as Salesforce writes it:
//   <p align="center">Chat Started: Monday, December 17, 2018, 23:27:57 (-0500)</p>
//   <p align="center">Chat Origin: Website Support Chat</p><p align="center">Agent Jane D</p>
//   ( 10s ) Jane D: Hello, how can I help?<br>( 1m 5s ) Visitor Name: My charger ...<br>
// Each line is stamped with the time since the chat started (StartTime). The agents are the names
// on the "Agent ..." lines (and "Chat Transferred From ... To ..."). Real bodies often show the agent
// under another name on their lines than on the header ("Agent (UserFirstName)", then "Stephen
// Fountain: ..."). When no line carries a header name, the agents are the speakers sharing a header
// name's first word; failing that, every speaker but the customer: the names the caller knows for the
// customer (the contact's), "Visitor" (Salesforce's name for a visitor who gave none), or else the
// speaker who did not speak first (an agent greets the visitor on accepting the chat).

const LINE = /^\(\s*(?:(\d+)h\s*)?(?:(\d+)m\s*)?(\d+)s\s*\)\s*([^:]+?):\s?(.*)$/;
const AGENT = /^Agent\s+(.+)$/;
const TRANSFER = /^Chat Transferred From\s+(.+?)\s+To\s+(.+)$/i;
/** Salesforce's name for a chat visitor who gave no name. */
const UNNAMED_VISITOR = 'Visitor';

/** One line of a chat body: a message, or a system line (a transfer). */
interface ChatLine {
	who: 'agent' | 'customer' | 'system';
	name: string;
	/** Epoch ms; undefined without StartTime. */
	at: number | undefined;
	text: string;
}

export interface ChatParseOptions {
	/** Names the customer goes by (such as the contact's name), to tell them from the agents. */
	customerNames?: Array<string | null | undefined>;
}

const firstWord = (name: string) => name.split(/\s+/)[0].toLowerCase();

/** Which speakers are agents: see the comment at the top of this file. */
function agentNames(
	headerAgents: Set<string>,
	speakers: string[],
	o: ChatParseOptions,
): Set<string> {
	if (speakers.some((s) => headerAgents.has(s))) return headerAgents;
	const words = new Set([...headerAgents].map(firstWord));
	const byWord = speakers.filter((s) => words.has(firstWord(s)));
	if (byWord.length > 0) return new Set([...headerAgents, ...byWord]);
	const known = new Set(
		(o.customerNames ?? []).filter((n): n is string => !!n).map((n) => n.trim().toLowerCase()),
	);
	const isCustomer = (s: string) => s === UNNAMED_VISITOR || known.has(s.toLowerCase());
	if (speakers.some(isCustomer))
		return new Set([...headerAgents, ...speakers.filter((s) => !isCustomer(s))]);
	return new Set([...headerAgents, ...speakers.slice(0, 1)]);
}

/** The body's messages and transfers, in order, each with who said it. */
export function chatLines(
	record: LiveChatTranscriptRecord,
	options: ChatParseOptions = {},
): ChatLine[] {
	const start = epochMs(record.StartTime);
	const lines = htmlToText(record.Body ?? '')
		.split('\n')
		.map((l) => l.trim());
	const headerAgents = new Set<string>();
	const speakers: string[] = [];
	for (const line of lines) {
		const agent = AGENT.exec(line);
		if (agent) headerAgents.add(agent[1].trim());
		const transfer = TRANSFER.exec(line);
		if (transfer) headerAgents.add(transfer[2].trim());
		const m = LINE.exec(line);
		if (m && !speakers.includes(m[4].trim())) speakers.push(m[4].trim());
	}
	const agents = agentNames(headerAgents, speakers, options);
	const out: ChatLine[] = [];
	let last: ChatLine | undefined;
	for (const line of lines) {
		const m = LINE.exec(line);
		if (m) {
			const elapsed = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3])) * 1000;
			const name = m[4].trim();
			last = {
				who: agents.has(name) ? 'agent' : 'customer',
				name,
				at: start === undefined ? undefined : start + elapsed,
				text: m[5].trim(),
			};
			out.push(last);
		} else if (TRANSFER.test(line)) {
			out.push({ who: 'system', name: 'System', at: last?.at ?? start, text: line });
			last = undefined;
		} else if (last && line !== '' && !AGENT.test(line)) {
			// A message of several lines continues on the next ones.
			last.text += `\n${line}`;
		}
	}
	return out;
}

/** A chat's turns for a case's transcript (transfers are not turns). */
export function chatTurns(
	record: LiveChatTranscriptRecord,
	block = record.Id ?? 'chat',
	options: ChatParseOptions = {},
): TranscriptTurn[] {
	return chatLines(record, options)
		.filter((l) => l.who !== 'system')
		.map((l) => ({
			at: l.at,
			speaker: l.who === 'agent' ? 'agent' : 'customer',
			name: l.name,
			text: l.text,
			channel: 'chat',
			block,
		}));
}

/** A chat's messages as a list: who (agent, customer or system for a transfer), name, when (ISO), text. */
export function chatMessages(
	record: LiveChatTranscriptRecord,
	options: ChatParseOptions = {},
): ChatMessage[] {
	return messageList(chatLines(record, options));
}
