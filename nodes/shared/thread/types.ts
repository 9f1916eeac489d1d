// Records as the Salesforce REST API returns them (JSON of a SOQL query), and the shaped output.
// Output shapes are type aliases, not interfaces, so that they fit n8n's IDataObject.

export interface SalesforceRecord {
	attributes?: { type: string; url: string };
}

/** A child relationship's result inside a parent record; null when the parent has no children. */
export interface ChildResult<T> {
	totalSize: number;
	done: boolean;
	records: T[];
	nextRecordsUrl?: string;
}

export interface EmailMessageRecord extends SalesforceRecord {
	Id: string;
	FromAddress?: string | null;
	FromName?: string | null;
	ToAddress?: string | null;
	CcAddress?: string | null;
	BccAddress?: string | null;
	Subject?: string | null;
	TextBody?: string | null;
	HtmlBody?: string | null;
	/** `2026-05-01T07:25:37.000+0000`; null on a draft. */
	MessageDate?: string | null;
	Incoming?: boolean | null;
	/** Picklist code: 0 New, 1 Read, 2 Replied, 3 Sent, 4 Forwarded, 5 Draft. */
	Status?: string | null;
	MessageIdentifier?: string | null;
	ThreadIdentifier?: string | null;
	ReplyToEmailMessageId?: string | null;
	HasAttachment?: boolean | null;
}

export interface CaseCommentRecord extends SalesforceRecord {
	Id?: string;
	CommentBody?: string | null;
	IsPublished?: boolean | null;
	CreatedDate?: string | null;
	CreatedBy?: { Name?: string | null } | null;
}

export interface LiveChatTranscriptRecord extends SalesforceRecord {
	Id?: string;
	/** The chat as Salesforce writes it: header lines, then `( 1m 13s ) Name: text<br>` per line. */
	Body?: string | null;
	StartTime?: string | null;
	EndTime?: string | null;
}

/** An entry of `GET /connect/conversation/{id}/entries` (Messaging for In-App and Web, WhatsApp, SMS). */
export interface ConversationEntry {
	identifier?: string;
	sender: { role: string; subject?: string | null; appType?: string | null };
	messageText?: string | null;
	/** Epoch ms. */
	clientTimestamp?: number | null;
	serverReceivedTimestamp?: number | null;
	/** The MessagingSession Ids the entry belongs to (API 52.0+). */
	relatedRecords?: string[];
}

export type EmailDirection = 'fromCustomer' | 'fromAgent';

export type ShapedEmail = {
	id: string;
	direction: EmailDirection;
	from: { name: string; address: string };
	to: string[];
	cc: string[];
	subject: string;
	/** ISO 8601 with offset, `2026-05-01T07:25:37.000+00:00`; null when Salesforce has none (a draft). */
	date: string | null;
	/** The new content only: no quoted history, signature or threading token. */
	text: string;
	status?: string;
	/** The subject marks a forward (`FW:`, `Fwd:`, `WG:` ...). */
	forwarded?: boolean;
	hasAttachment?: boolean;
	textBody?: string | null;
	htmlBody?: string | null;
};

export type ShapedComment = {
	id?: string;
	/** True for a note only the service team sees (IsPublished false). */
	internal: boolean;
	author: string;
	date: string | null;
	text: string;
};

/** A message of a live conversation as Chat Ended and Messaging Session Ended emit it. */
export interface ChatMessage {
	/** A bot only in messaging; a system line only in chats (a transfer). */
	who: 'agent' | 'customer' | 'bot' | 'system';
	name: string;
	/** ISO date-time; null when the chat has no StartTime. */
	at: string | null;
	text: string;
}

export type Speaker = 'customer' | 'agent' | 'bot' | 'internalNote' | 'publicComment';

export type TranscriptTurn = {
	/** Epoch ms; undefined when unknown (such turns keep their place after the dated ones). */
	at: number | undefined;
	speaker: Speaker;
	name: string;
	text: string;
	channel: 'email' | 'chat' | 'messaging' | 'comment';
	/** Turns of one chat, messaging session or email share a block, introduced once in the transcript. */
	block: string;
	/** The block's heading detail: an email's subject and, for a forward, its recipients. */
	heading?: string;
};
