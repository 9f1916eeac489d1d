import type { IDataObject } from 'n8n-workflow';

import { recordItem } from '../records/recordItem';
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

/** The item: the session's fields with its messages (who, name, at, text), as a chat's. */
export function messagingSessionItem(
	record: IDataObject,
	turns: readonly TranscriptTurn[],
): IDataObject {
	return { ...recordItem(record), messages: turnMessages(turns) as unknown as IDataObject[] };
}
