import { redactionProperties } from '../../shared/closedCases/conversationParameters';
import { conditionsFrom, conditionsProperty } from '../../shared/soql/conditionsParameter';
import { CHAT_ITEM_FIELDS, chatItem } from '../../shared/thread/chatItem';
import { redactionOf } from './redactionOf';
import { recordImportProperties } from './importStart';
import { pollRecordEvent } from './recordEvent';
import { forEvent, type TriggerEvent } from './triggerEvent';

/**
 * Chat Ended: each legacy chat (LiveChatTranscript) once, when it has ended (Status Completed, with
 * an EndTime), by its EndTime, on the record events' cursor.
 */
export const chatEnded: TriggerEvent = {
	option: {
		name: 'Chat Ended',
		value: 'chatEnded',
		description:
			'A chat (Live Chat Transcript) ends: its messages, with its case, contact and visitor (each chat once)',
	},
	properties: forEvent('chatEnded', [
		conditionsProperty({
			displayName: 'Extra Conditions',
			description: 'Only chats that meet all these conditions',
			fieldsMethod: 'getChatFilterFields',
		}),
		...redactionProperties(
			{},
			"Whether to replace email addresses, phone numbers, card numbers and IBANs (and, if chosen, names) in the messages, their senders' names, the contact's and visitor's fields and the case's subject with placeholders such as [email 1] or [phone 2]. The same value gets the same placeholder throughout the chat, so that a model can still tell people apart.",
		),
		...recordImportProperties({
			plural: 'Chats',
			nothing: 'Nothing (Only Chats Ending From Now On)',
			description:
				'When the workflow is activated, also emit the chats that ended this far back, a page per poll, before the new ones',
			since: 'Emit the chats that ended since this date and time',
		}),
	]),
	poll: (ctx) => {
		const redaction = redactionOf(ctx);
		return pollRecordEvent(ctx, {
			event: 'chatEnded',
			eventField: 'EndTime',
			choice: (c) => ({
				objectName: 'LiveChatTranscript',
				fields: CHAT_ITEM_FIELDS,
				conditions: conditionsFrom(c.getNodeParameter('conditions', {})),
			}),
			where: "Status = 'Completed' AND EndTime != null",
			item: (record) => chatItem(record, redaction),
			importParameter: 'Import Existing Chats From',
		});
	},
};
