import { epochMs } from '../salesforceDate';
import type { ConversationEntry, Speaker, TranscriptTurn } from './types';

export interface MessagingTurnOptions {
	/** Only the entries of these MessagingSessions: a Conversation spans all sessions of one customer on a channel. */
	sessionIds?: readonly string[];
	/** Names by sender subject (the MessagingEndUser Id, the agent's User Id, the bot's Id); the entries carry none. */
	names?: Readonly<Record<string, string>>;
	/** Groups the turns in the transcript; defaults to the entry's session. */
	block?: string;
}

const SPEAKERS: Readonly<Record<string, Speaker>> = {
	EndUser: 'customer',
	Agent: 'agent',
	Supervisor: 'agent',
	Chatbot: 'bot',
	Bot: 'bot',
};

/**
 * Turns of a messaging conversation (Connect API entries). Entries without text and entries of other
 * senders (System: routing and session events) are left out.
 */
export function messagingTurns(
	entries: readonly ConversationEntry[],
	options: MessagingTurnOptions = {},
): TranscriptTurn[] {
	const sessions = options.sessionIds ? new Set(options.sessionIds) : undefined;
	const turns: TranscriptTurn[] = [];
	for (const entry of entries) {
		const speaker = SPEAKERS[entry.sender?.role];
		const text = (entry.messageText ?? '').trim();
		if (!speaker || text === '') continue;
		const related = entry.relatedRecords ?? [];
		if (sessions && !related.some((id) => sessions.has(id))) continue;
		const subject = entry.sender.subject ?? '';
		turns.push({
			at: epochMs(entry.clientTimestamp ?? entry.serverReceivedTimestamp),
			speaker,
			name: options.names?.[subject] ?? '',
			text,
			channel: 'messaging',
			block: options.block ?? related[0] ?? 'messaging',
		});
	}
	return turns;
}
