// The LiveChatTranscript Body as Salesforce writes it when a chat ends (recorded examples in
// contract/recorded/transmogrifai__livechattranscript-bodies.REWRAPPED.json):
// <p align="center">Chat Started: Monday, December 17, 2018, 23:27:57 (-0500)</p>
// <p align="center">Chat Origin: Live Chat Button</p><p align="center">Agent Royalle G</p>
// ( 10s ) Royalle G: Hi, this is Royalle ... I&#39;ll be happy to assist you today<br>( 44s ) George Macaroni: ...<br>
// One line per message: the time since the chat started, the sender's chat name (the agent's, the
// visitor's name, or "Visitor" when the visitor gave none), the text with HTML escaped
// (an apostrophe as &#39;), then <br>. No newlines.

import { chatElapsed, chatStartedDate } from './dates';

export interface TranscriptLine {
	role: 'EndUser' | 'Agent' | 'Chatbot';
	text: string;
	/** Epoch ms. */
	at: number;
}

/** Salesforce's name for a chat visitor who gave no name. */
export const UNNAMED_VISITOR = 'Visitor';

/** Escapes chat text as the transcript stores it. */
export function escapeChatText(s: string): string {
	if (!/[&<>"']/.test(s)) return s;
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** The LiveChatTranscript Body for these lines. */
export function transcriptBody(
	lines: TranscriptLine[],
	p: {
		/** When the agent accepted the chat (epoch ms); line times count from here. */
		start: number;
		/** The org's time zone offset, in minutes east of UTC. */
		offsetMinutes: number;
		/** The chat button or deployment the chat came from. */
		origin: string;
		agentName: string;
		/** The name on the agent's lines when it differs from the header's (a team name, say). */
		agentLineName?: string;
		/** The visitor's name; "Visitor" when absent. */
		visitorName?: string;
	},
): string {
	const visitor = p.visitorName ?? UNNAMED_VISITOR;
	let body = `<p align="center">Chat Started: ${chatStartedDate(p.start, p.offsetMinutes)}</p><p align="center">Chat Origin: ${escapeChatText(p.origin)}</p><p align="center">Agent ${escapeChatText(p.agentName)}</p>`;
	for (const line of lines) {
		const who = line.role === 'EndUser' ? visitor : (p.agentLineName ?? p.agentName);
		body += `${chatElapsed(line.at - p.start)} ${escapeChatText(who)}: ${escapeChatText(line.text)}<br>`;
	}
	return body;
}
