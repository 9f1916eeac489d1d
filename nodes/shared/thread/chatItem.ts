import type { IDataObject } from 'n8n-workflow';

import { recordItem } from '../records/recordItem';
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

/** The item: the chat's fields with its messages parsed from the Body (instead of the Body's HTML). */
export function chatItem(record: IDataObject): IDataObject {
	const { Body, ...fields } = recordItem(record);
	const contact = fields.Contact as IDataObject | null | undefined;
	return {
		...fields,
		messages: chatMessages(
			{ Body: Body as string | null, StartTime: record.StartTime as string | null },
			{ customerNames: [contact?.Name as string | undefined] },
		) as unknown as IDataObject[],
	};
}
