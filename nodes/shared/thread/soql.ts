// The subqueries that fetch a case's conversation in the same query as the case, by the child
// relationship names of Case (EmailMessages, CaseComments, LiveChatTranscripts, MessagingSessions). Each child result
// can need paging of its own (jsforce's autoFetch follows it).

/** The EmailMessage fields the shaping reads. */
export const EMAIL_FIELDS: readonly string[] = [
	'Id',
	'FromAddress',
	'FromName',
	'ToAddress',
	'CcAddress',
	'BccAddress',
	'Subject',
	'TextBody',
	'HtmlBody',
	'MessageDate',
	'Incoming',
	'Status',
	'MessageIdentifier',
	'ThreadIdentifier',
	'ReplyToEmailMessageId',
	'HasAttachment',
];
/** Without these no email can be shaped: both bodies, since the text comes from HtmlBody where TextBody is blank. */
const REQUIRED_EMAIL_FIELDS = ['Id', 'TextBody', 'HtmlBody', 'MessageDate', 'Incoming', 'Status'];

export const COMMENT_FIELDS: readonly string[] = [
	'Id',
	'CommentBody',
	'IsPublished',
	'CreatedDate',
	'CreatedBy.Name',
];
export const CHAT_FIELDS: readonly string[] = ['Id', 'Body', 'StartTime', 'EndTime'];
/**
 * The MessagingSession fields reading its messages needs: its times, its conversation's identifier
 * (the Connect API's key) and the names of its end user and owner (the entries carry none).
 */
export const MESSAGING_SESSION_FIELDS: readonly string[] = [
	'Id',
	'CreatedDate',
	'StartTime',
	'EndTime',
	'OwnerId',
	'Owner.Name',
	'MessagingEndUserId',
	'MessagingEndUser.Name',
	'Conversation.ConversationIdentifier',
];

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/;

/**
 * `(SELECT ... FROM EmailMessages ORDER BY MessageDate ASC)`, with `fields` (default EMAIL_FIELDS)
 * and the fields the shaping needs. Both bodies are always selected: the text is extracted from one
 * of them (`shapeCaseThread`'s `includeOriginalBodies` decides whether they also go to the output).
 */
export function emailSubquery(fields: readonly string[] = EMAIL_FIELDS): string {
	return subquery('EmailMessages', [...REQUIRED_EMAIL_FIELDS, ...fields], 'MessageDate ASC');
}

/** `(SELECT Id, CommentBody, IsPublished, CreatedDate, CreatedBy.Name FROM CaseComments ORDER BY CreatedDate ASC)` */
export function commentSubquery(): string {
	return subquery('CaseComments', COMMENT_FIELDS, 'CreatedDate ASC');
}

/** Legacy chat transcripts; the relationship exists only in orgs with Chat (check the Case describe first). */
export function chatSubquery(): string {
	return subquery('LiveChatTranscripts', CHAT_FIELDS, 'StartTime ASC');
}

/**
 * Messaging sessions (In-App and Web, WhatsApp, SMS); their messages come from the Connect API. The
 * relationship exists only in orgs with Messaging (check the Case describe first).
 */
export function messagingSubquery(): string {
	return subquery('MessagingSessions', MESSAGING_SESSION_FIELDS, 'StartTime ASC');
}

function subquery(relationship: string, fields: readonly string[], orderBy: string): string {
	const unique: string[] = [];
	const seen = new Set<string>();
	for (const field of fields) {
		if (!FIELD_PATH.test(field)) throw new Error(`Not a field name: "${field}"`);
		const key = field.toLowerCase();
		if (!seen.has(key)) {
			seen.add(key);
			unique.push(field);
		}
	}
	return `(SELECT ${unique.join(', ')} FROM ${relationship} ORDER BY ${orderBy})`;
}
