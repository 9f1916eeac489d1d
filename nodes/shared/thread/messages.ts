import { isoDateTime } from '../salesforceDate';
import type { ChatMessage, TranscriptTurn } from './types';

/** A line of a live conversation before it is listed: who said it, when (epoch ms) and what. */
export interface MessageLine {
	who: ChatMessage['who'];
	name: string;
	at: number | undefined;
	text: string;
}

/**
 * A live conversation's messages as events emit them (Chat Ended, Messaging Session Ended): who
 * (agent, customer, bot, or system), name, when (ISO date-time, null when unknown) and text.
 */
export function messageList(lines: readonly MessageLine[]): ChatMessage[] {
	return lines.map((l) => ({
		who: l.who,
		name: l.name,
		at: l.at === undefined ? null : isoDateTime(new Date(l.at).toISOString()),
		text: l.text,
	}));
}

const WHO: Partial<Record<TranscriptTurn['speaker'], ChatMessage['who']>> = {
	customer: 'customer',
	agent: 'agent',
	bot: 'bot',
};

/** Transcript turns (of a chat or messaging session) as messages. */
export function turnMessages(turns: readonly TranscriptTurn[]): ChatMessage[] {
	return messageList(
		turns.map((t) => ({ who: WHO[t.speaker] ?? 'system', name: t.name, at: t.at, text: t.text })),
	);
}
