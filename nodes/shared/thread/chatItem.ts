import type { IDataObject } from 'n8n-workflow';

import type { RedactionChoice } from '../closedCases/conversationParameters';
import { recordItem } from '../records/recordItem';
import { messagePeople, redactItemWith } from '../redaction';
import { chatMessages } from './chatTranscript';

/**
 * A chat's (LiveChatTranscript) fields read for its item, and its case's, contact's and visitor's
 * through their relationships (one query): the trigger's Chat Ended and the action's Chat Transcript.
 */
export const CHAT_ITEM_FIELDS = [
	'Name',
	'Status',
	'RequestTime',
	'StartTime',
	'EndTime',
	'ChatKey',
	'EndedBy',
	'WaitTime',
	'ChatDuration',
	'Body',
	'OwnerId',
	'CaseId',
	'Case.CaseNumber',
	'Case.Subject',
	'Case.Status',
	'ContactId',
	'Contact.Name',
	'Contact.Email',
	'AccountId',
	'LiveChatVisitorId',
	'LiveChatVisitor.Name',
	'LiveChatVisitor.SessionKey',
];

/**
 * The item: the chat's fields with its messages parsed from the Body (instead of the Body's HTML);
 * redacted when Redact Personal Data is on, its contact, visitor and speakers known by name.
 */
export function chatItem(record: IDataObject, redaction?: RedactionChoice): IDataObject {
	const { Body, ...fields } = recordItem(record);
	const contact = fields.Contact as IDataObject | null | undefined;
	const item: IDataObject = {
		...fields,
		messages: chatMessages(
			{ Body: Body as string | null, StartTime: record.StartTime as string | null },
			{ customerNames: [contact?.Name as string | undefined] },
		) as unknown as IDataObject[],
	};
	if (!redaction) return item;
	const visitor = fields.LiveChatVisitor as IDataObject | null | undefined;
	return redactItemWith(item, redaction, [contact?.Name, visitor?.Name, ...messagePeople(item)], {
		keep: ['ChatKey', 'SessionKey', 'Status', 'EndedBy'],
	});
}
