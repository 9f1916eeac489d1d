import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ConversationReader, isDeferral } from '../../../shared/messaging/conversationReader';
import { RunConversations } from '../../../shared/messaging/runConversations';
import {
	MESSAGING_SESSION_ITEM_FIELDS,
	messagingSessionItem,
} from '../../../shared/messaging/sessionItem';
import { conversationOf, sessionTurns } from '../../../shared/messaging/sessionTurns';
import { recordItem } from '../../../shared/records/recordItem';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import type { ItemShape } from '../common/genericOperations';

const INCLUDE_MESSAGES = 'includeMessages';

/** The session's name and Id, as an error names it. */
const sessionName = (s: IDataObject): string =>
	s.Name ? `"${String(s.Name)}" (${String(s.Id)})` : String(s.Id);

/**
 * The sessions' items with their messages, read from the Connect API as the trigger's Messaging
 * Session Ended reads them. Each conversation is read once for all the sessions of an input item
 * (and again only for a later item whose session lies outside what was read). When Salesforce
 * refuses (its hourly limit), the input item fails with an error naming the session.
 */
function sessionShaper(ctx: IExecuteFunctions, sf: SalesforceConnection) {
	const reader = new ConversationReader(sf);
	const conversations = new RunConversations(reader);
	const refused = (session: IDataObject, why: string, itemIndex: number) =>
		new NodeOperationError(
			ctx.getNode(),
			`The messages of messaging session ${sessionName(session)} could not be read: ${why}`,
			{
				itemIndex,
				description: `Item ${itemIndex}: Salesforce allows 1,000 Connect API calls per user and connected app per hour. Run the node again later, or switch off Include Messages.`,
			},
		);
	return async (records: IDataObject[], itemIndex: number): Promise<IDataObject[]> => {
		if (!(ctx.getNodeParameter(INCLUDE_MESSAGES, itemIndex, true) as boolean))
			return records.map(recordItem);
		const callsBefore = reader.calls;
		// Each conversation once over the span of all this item's sessions in it.
		const byConversation = new Map<string, IDataObject[]>();
		for (const record of records) {
			const conversation = conversationOf(record);
			if (conversation)
				byConversation.set(conversation, [...(byConversation.get(conversation) ?? []), record]);
		}
		for (const sessions of byConversation.values()) {
			const read = await sessionTurns(conversations, sessions);
			if (isDeferral(read)) throw refused(sessions[0], read.deferred, itemIndex);
		}
		const items: IDataObject[] = [];
		for (const record of records) {
			const turns = await sessionTurns(conversations, [record]);
			if (isDeferral(turns)) throw refused(record, turns.deferred, itemIndex);
			items.push(messagingSessionItem(record, turns));
		}
		if (reader.calls > callsBefore)
			ctx.logger.debug(
				`Messaging Session: item ${itemIndex} made ${reader.calls - callsBefore} Connect API call(s), ${reader.calls} in this run`,
			);
		return items;
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
