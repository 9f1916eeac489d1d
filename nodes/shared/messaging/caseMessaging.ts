import type { IDataObject } from 'n8n-workflow';

import type { TranscriptTurn } from '../thread/types';
import type { ConversationReader, Deferral } from './conversationReader';
import { sessionTurns } from './sessionTurns';

/** The case's messaging sessions, from its MessagingSessions subquery (none when it has none or the org has no Messaging). */
export function caseSessions(record: IDataObject): IDataObject[] {
	const child = record.MessagingSessions as { records?: IDataObject[] } | null | undefined;
	return child?.records ?? [];
}

/**
 * The messages of a case's messaging sessions for its transcript: Connect calls only for a case
 * that has sessions (one per conversation and 1,000 messages), or a deferral.
 */
export async function caseMessagingTurns(
	reader: ConversationReader,
	record: IDataObject,
): Promise<TranscriptTurn[] | Deferral> {
	const sessions = caseSessions(record);
	return sessions.length > 0 ? await sessionTurns(reader, sessions) : [];
}
