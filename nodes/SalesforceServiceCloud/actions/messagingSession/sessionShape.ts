import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	ConversationReader,
	isDeferral,
	type Deferral,
} from '../../../shared/messaging/conversationReader';
import { RunConversations } from '../../../shared/messaging/runConversations';
import {
	MESSAGING_SESSION_ITEM_FIELDS,
	messagingSessionItem,
} from '../../../shared/messaging/sessionItem';
import { conversationOf, sessionTurns } from '../../../shared/messaging/sessionTurns';
import { recordItem } from '../../../shared/records/recordItem';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import type { ItemRecords, ItemShape, Shaper } from '../common/itemShape';

const INCLUDE_MESSAGES = 'includeMessages';

/** The session's name and Id, as an error names it. */
const sessionName = (s: IDataObject): string =>
	s.Name ? `"${String(s.Name)}" (${String(s.Id)})` : String(s.Id);

/**
 * The sessions' items with their messages, read from the Connect API as the trigger's Messaging
 * Session Ended reads them. Before any item is shaped, each conversation is read once over the span
 * of all the run's sessions in it (a Connect call per 1,000 entries); each session then takes its own
 * entries from that read. When Salesforce refuses (its hourly limit), each item with a session of
 * that conversation fails with an error naming the session; the other items come.
 */
function sessionShaper(ctx: IExecuteFunctions, sf: SalesforceConnection): Shaper {
	const reader = new ConversationReader(sf);
	const conversations = new RunConversations(reader);
	/** Conversations that could not be read in this run: why, or the error. */
	const unread = new Map<string, Deferral | { failed: unknown }>();
	const includes = (itemIndex: number) =>
		ctx.getNodeParameter(INCLUDE_MESSAGES, itemIndex, true) as boolean;
	const refused = (session: IDataObject, why: string, itemIndex: number) =>
		new NodeOperationError(
			ctx.getNode(),
			`The messages of messaging session ${sessionName(session)} could not be read: ${why}`,
			{
				itemIndex,
				description: `Item ${itemIndex}: Salesforce allows 1,000 Connect API calls per user and connected app per hour. Run the node again later, or switch off Include Messages.`,
			},
		);
	return {
		async prepare(read: readonly ItemRecords[]) {
			const byConversation = new Map<string, IDataObject[]>();
			for (const { itemIndex, records } of read) {
				if (!includes(itemIndex)) continue;
				for (const record of records) {
					const conversation = conversationOf(record);
					if (conversation)
						byConversation.set(conversation, [...(byConversation.get(conversation) ?? []), record]);
				}
			}
			for (const [conversation, sessions] of byConversation) {
				try {
					const turns = await sessionTurns(conversations, sessions);
					if (isDeferral(turns)) unread.set(conversation, turns);
				} catch (failed) {
					unread.set(conversation, { failed });
				}
			}
			if (reader.calls > 0)
				ctx.logger.debug(
					`Messaging Session: ${byConversation.size} conversation(s) read in ${reader.calls} Connect API call(s)`,
				);
		},
		async shape(records, itemIndex) {
			if (!includes(itemIndex)) return records.map(recordItem);
			const items: IDataObject[] = [];
			for (const record of records) {
				const conversation = conversationOf(record);
				const problem = conversation === undefined ? undefined : unread.get(conversation);
				if (problem && 'failed' in problem) throw problem.failed;
				if (problem) throw refused(record, problem.deferred, itemIndex);
				// Within the span read above: no Connect call.
				const turns = await sessionTurns(conversations, [record]);
				if (isDeferral(turns)) throw refused(record, turns.deferred, itemIndex);
				items.push(messagingSessionItem(record, turns));
			}
			return items;
		},
	};
}

/** A session's item as the trigger's Messaging Session Ended makes it: its fields, case, end user and contact, and its messages. */
export const SESSION_SHAPE: ItemShape = {
	fields: MESSAGING_SESSION_ITEM_FIELDS,
	properties: (resource, operations) => [
		{
			displayName: 'Include Messages',
			name: INCLUDE_MESSAGES,
			type: 'boolean',
			default: true,
			description:
				"Whether to read each session's messages (one Connect API call per conversation and 1,000 messages; Salesforce allows 1,000 such calls per hour)",
			displayOptions: { show: { resource: [resource], operation: operations } },
		},
	],
	start: sessionShaper,
};
