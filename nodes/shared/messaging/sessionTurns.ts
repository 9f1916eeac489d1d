import type { IDataObject } from 'n8n-workflow';

import { epochMs } from '../salesforceDate';
import { messagingTurns } from '../thread/messaging';
import { MESSAGING_SESSION_FIELDS } from '../thread/soql';
import type { TranscriptTurn } from '../thread/types';
import { isDeferral, type ConversationReader, type Deferral } from './conversationReader';

/** The MessagingSession fields reading its messages needs (also the case's subquery's). */
export const SESSION_MESSAGE_FIELDS = MESSAGING_SESSION_FIELDS;

/** Entries of a session may be stamped a little after its EndTime (kept to the second). */
const AFTER_END_MS = 60_000;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The conversation (Connect API identifier) a session belongs to; undefined without one. */
export function conversationOf(session: IDataObject): string | undefined {
	return text((session.Conversation as IDataObject | null | undefined)?.ConversationIdentifier);
}

function namesOf(session: IDataObject): Record<string, string> {
	const names: Record<string, string> = {};
	const endUser = text((session.MessagingEndUser as IDataObject | null | undefined)?.Name);
	const owner = text((session.Owner as IDataObject | null | undefined)?.Name);
	const endUserId = text(session.MessagingEndUserId);
	const ownerId = text(session.OwnerId);
	if (endUserId && endUser) names[endUserId] = endUser;
	if (ownerId && owner) names[ownerId] = owner;
	return names;
}

/**
 * The turns of messaging sessions, read from their conversations' entries: one read (a Connect call
 * per 1,000 entries) per conversation, over the span of its sessions, keeping only the entries of
 * these sessions (a conversation spans every session of one customer on one channel). A
 * deferral when the reader may not read them now.
 */
export async function sessionTurns(
	reader: Pick<ConversationReader, 'entries'>,
	sessions: readonly IDataObject[],
): Promise<TranscriptTurn[] | Deferral> {
	const byConversation = new Map<string, IDataObject[]>();
	for (const s of sessions) {
		const id = conversationOf(s);
		if (id) byConversation.set(id, [...(byConversation.get(id) ?? []), s]);
	}
	const turns: TranscriptTurn[] = [];
	for (const [conversation, list] of byConversation) {
		const starts = list.map((s) =>
			Math.min(epochMs(s.CreatedDate) ?? Infinity, epochMs(s.StartTime) ?? Infinity),
		);
		const ends = list.map((s) => epochMs(s.EndTime));
		const start = Math.min(...starts);
		const end = ends.some((e) => e === undefined)
			? undefined
			: Math.max(...(ends as number[])) + AFTER_END_MS;
		const entries = await reader.entries(conversation, Number.isFinite(start) ? start : 0, end);
		if (isDeferral(entries)) return entries;
		turns.push(
			...messagingTurns(entries, {
				sessionIds: list.map((s) => String(s.Id)),
				names: Object.assign({}, ...list.map(namesOf)) as Record<string, string>,
			}),
		);
	}
	return turns;
}
