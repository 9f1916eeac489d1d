import type { IDataObject } from 'n8n-workflow';

import type { TranscriptTurn } from '../thread/types';
import { isDeferral, type ConversationReader } from './conversationReader';
import { sessionTurns } from './sessionTurns';

/**
 * The turns of each session, one session after the other, until the reader may read no more (its
 * budget is spent, or Salesforce's hourly limit is reached): those of the first sessions, and why
 * it stopped. The sessions after wait for a later poll.
 */
export async function readSessionsInTurn(
	reader: ConversationReader,
	sessions: readonly IDataObject[],
): Promise<{
	read: Array<{ session: IDataObject; turns: TranscriptTurn[] }>;
	stoppedBecause?: string;
}> {
	const read: Array<{ session: IDataObject; turns: TranscriptTurn[] }> = [];
	for (const session of sessions) {
		const turns = await sessionTurns(reader, [session]);
		if (isDeferral(turns)) return { read, stoppedBecause: turns.deferred };
		read.push({ session, turns });
	}
	return { read };
}
