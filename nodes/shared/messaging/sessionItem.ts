import type { IDataObject } from 'n8n-workflow';

import type { RedactionChoice } from '../closedCases/conversationParameters';
import { recordItem } from '../records/recordItem';
import { messagePeople, redactItemWith } from '../redaction';
import { turnMessages } from '../thread/messages';
import type { TranscriptTurn } from '../thread/types';
import { SESSION_MESSAGE_FIELDS } from './sessionTurns';

/**
 * A messaging session's fields read for its item, and its case's, owner's, end user's and contact's
 * through their relationships (one query): the trigger's Messaging Session Ended and the action's
 * Messaging Session. Id and CreatedDate are left to the caller's own list (the trigger's cursor reads them).
 */
export const MESSAGING_SESSION_ITEM_FIELDS = [
	...SESSION_MESSAGE_FIELDS.filter((f) => f !== 'Id' && f !== 'CreatedDate'),
	'Name',
	'Status',
	'AcceptTime',
	'ChannelType',
	'ChannelName',
	'Origin',
	'AgentType',
	'EndedByType',
	'EndUserMessageCount',
	'AgentMessageCount',
	'ConversationId',
	'CaseId',
	'Case.CaseNumber',
	'Case.Subject',
	'Case.Status',
	'EndUserContactId',
	'EndUserContact.Name',
	'EndUserContact.Email',
	'EndUserAccountId',
	'EndUserAccount.Name',
];

const nameOf = (parent: unknown): unknown => (parent as IDataObject | null | undefined)?.Name;

/**
 * The item: the session's fields with its messages (who, name, at, text), as a chat's; redacted when
 * Redact Personal Data is on, its end user, contact, agent owner and speakers known by name.
 */
export function messagingSessionItem(
	record: IDataObject,
	turns: readonly TranscriptTurn[],
	redaction?: RedactionChoice,
): IDataObject {
	const item: IDataObject = {
		...recordItem(record),
		messages: turnMessages(turns) as unknown as IDataObject[],
	};
	if (!redaction) return item;
	const people = [
		nameOf(item.MessagingEndUser),
		nameOf(item.EndUserContact),
		// An owner that is a user (Id 005...), not a queue.
		String(item.OwnerId ?? '').startsWith('005') ? nameOf(item.Owner) : null,
		...messagePeople(item),
	];
	return redactItemWith(item, redaction, people, {
		keep: ['Status', 'ChannelType', 'Origin', 'AgentType', 'EndedByType', 'ConversationIdentifier'],
	});
}
