import type { IDataObject } from 'n8n-workflow';

import { itemRedactor, redactItem, redactTurns } from '../redaction';
import { isoDateTime } from '../salesforceDate';
import { shapeCaseThread, type CaseThreadRecord, type TranscriptTurn } from '../thread';
import { recordLink } from '../transport/salesforceApi';
import type { ConversationOptions } from './conversationParameters';

/** The Case fields a case item carries unless the user picks others (trigger and Get Conversation). */
export const DEFAULT_CASE_FIELDS = [
	'CaseNumber',
	'Subject',
	'Status',
	'Priority',
	'Origin',
	'Type',
	'ClosedDate',
	'CreatedDate',
	'OwnerId',
	'Owner.Name',
	'Contact.Name',
	'Account.Name',
];

const SF_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{4}$/;

/**
 * The item key of a field: `CaseNumber` -> `caseNumber`, `Owner.Name` -> `ownerName`; custom
 * fields keep their API name (`Product__c`), which says plainly where the value comes from.
 */
export function itemKey(field: string): string {
	if (field.endsWith('__c')) return field;
	return field
		.split('.')
		.map((part, i) =>
			i === 0
				? part.charAt(0).toLowerCase() + part.slice(1)
				: part.charAt(0).toUpperCase() + part.slice(1),
		)
		.join('');
}

/** A field's value from a record, following parent paths; Salesforce date-times become ISO 8601 with offset. */
export function fieldValue(record: IDataObject, field: string): unknown {
	let value: unknown = record;
	for (const part of field.split('.'))
		value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
	if (typeof value === 'string' && SF_DATETIME.test(value)) return isoDateTime(value);
	return value ?? null;
}

/** The case's chosen fields under readable keys, with its Id and a link to it in Salesforce. */
export function caseFields(
	record: IDataObject,
	fields: string[],
	instanceUrl: string | undefined,
): IDataObject {
	const out: IDataObject = { id: record.Id as string };
	if (instanceUrl) out.url = recordLink(instanceUrl, 'Case', String(record.Id));
	for (const field of fields)
		out[itemKey(field)] = fieldValue(record, field) as IDataObject[keyof IDataObject];
	return out;
}

/** The parts of a case's conversation an item carries. */
export interface CaseItemParts {
	/** The emails and chats (`emails`). */
	emails: boolean;
	/** The case comments, internal ones included (`comments`). */
	comments: boolean;
	/** Each email's full bodies as Salesforce stores them. */
	originalBodies: boolean;
	/** The messages of the case's messaging sessions (read from the Connect API), for the transcript. */
	messagingTurns?: readonly TranscriptTurn[];
	/** More fields of the item (New Email's `email`), redacted with the rest by the same redactor. */
	more?: IDataObject;
}

/**
 * The item of one case, the same from the trigger and from Get Conversation: its chosen fields and
 * link, and, when asked for, its emails, comments and the transcript of them all (chats and
 * messaging sessions included); redacted and with the transcript cut to its budget when the
 * options say so.
 */
export function caseItem(
	record: IDataObject,
	fields: string[],
	instanceUrl: string | undefined,
	parts: CaseItemParts,
	options: ConversationOptions = { transcriptBudget: 0 },
): IDataObject {
	const item = caseFields(record, fields, instanceUrl);
	const redactor = options.redaction && itemRedactor(options.redaction, casePeople(record));
	if (parts.emails || parts.comments) {
		const thread = shapeCaseThread(record as CaseThreadRecord, {
			includeOriginalBodies: parts.originalBodies,
			includeComments: parts.comments,
			transcriptBudget: options.transcriptBudget,
			rewriteTurns: redactor && ((turns) => redactTurns(redactor, turns)),
			moreTurns: parts.messagingTurns,
		});
		if (parts.emails) item.emails = thread.emails as unknown as IDataObject[];
		if (thread.comments) item.comments = thread.comments as unknown as IDataObject[];
		item.transcript = thread.transcript;
		if (thread.transcriptCut !== undefined) item.transcriptCut = thread.transcriptCut;
	}
	Object.assign(item, parts.more);
	if (!redactor) return item;
	return redactItem(item, redactor, {
		keepMap: options.redaction?.keepMap === true,
		// Redacted turn by turn before it was rendered and measured against its budget.
		done: ['transcript'],
	});
}

/** The people of a case's record, named: its contact, the supplied name, an owner that is a user. */
function casePeople(record: IDataObject): unknown[] {
	const owner = String(record.OwnerId ?? '');
	return [
		fieldValue(record, 'Contact.Name'),
		fieldValue(record, 'SuppliedName'),
		// An owner that is a user (Id 005...), not a queue.
		owner.startsWith('005') ? fieldValue(record, 'Owner.Name') : null,
	];
}
