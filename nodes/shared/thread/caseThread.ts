import { chatTurns } from './chatTranscript';
import { shapeComments } from './comments';
import { shapeEmails, type ShapeEmailOptions } from './emails';
import { commentTurns, emailTurns, mergeTurns } from './transcript';
import { renderTranscriptWithin } from './transcriptBudget';
import type {
	CaseCommentRecord,
	ChildResult,
	EmailMessageRecord,
	LiveChatTranscriptRecord,
	SalesforceRecord,
	ShapedComment,
	ShapedEmail,
	TranscriptTurn,
} from './types';

/** A Case from the REST API with the child results of the subqueries in soql.ts (any may be missing or null). */
export interface CaseThreadRecord extends SalesforceRecord {
	Id?: string;
	EmailMessages?: ChildResult<EmailMessageRecord> | null;
	CaseComments?: ChildResult<CaseCommentRecord> | null;
	LiveChatTranscripts?: ChildResult<LiveChatTranscriptRecord> | null;
}

export interface ShapeCaseThreadOptions extends ShapeEmailOptions {
	/** Adds `comments` and puts them in the transcript, labelled as internal notes or public comments. */
	includeComments?: boolean;
	/** Turns from outside the case record, such as messaging sessions read from the Connect API. */
	moreTurns?: readonly TranscriptTurn[];
	/** The most characters the transcript may have; 0 or none for no limit (see transcriptBudget.ts). */
	transcriptBudget?: number;
	/** Rewrites the turns before the transcript is rendered (and measured): Redact Personal Data's redaction. */
	rewriteTurns?: (turns: TranscriptTurn[]) => TranscriptTurn[];
}

export type CaseThread = {
	emails: ShapedEmail[];
	comments?: ShapedComment[];
	transcript: string;
	/** With a transcript budget: whether the transcript was cut to fit it. */
	transcriptCut?: boolean;
};

/** A child result whose further pages were not fetched: shaping it would silently drop records. */
export class UnpagedChildResultError extends Error {}

export function shapeCaseThread(
	record: CaseThreadRecord,
	options: ShapeCaseThreadOptions = {},
): CaseThread {
	const emails = shapeEmails(childRecords(record, 'EmailMessages'), options);
	const chats = childRecords(record, 'LiveChatTranscripts').flatMap((chat, index) =>
		chatTurns(chat, chat.Id ?? `chat-${index}`),
	);
	const thread: CaseThread = { emails, transcript: '' };
	const lists = [emailTurns(emails), chats, options.moreTurns ?? []];
	if (options.includeComments) {
		thread.comments = shapeComments(childRecords(record, 'CaseComments'));
		lists.push(commentTurns(thread.comments));
	}
	const turns = mergeTurns(...lists);
	const { transcript, cut } = renderTranscriptWithin(
		options.rewriteTurns ? options.rewriteTurns(turns) : turns,
		options.transcriptBudget ?? 0,
	);
	thread.transcript = transcript;
	if (options.transcriptBudget) thread.transcriptCut = cut;
	return thread;
}

/** The records of a child result: none for a null or missing one; all pages must have been fetched. */
export function childRecords<K extends 'EmailMessages' | 'CaseComments' | 'LiveChatTranscripts'>(
	record: CaseThreadRecord,
	relationship: K,
): NonNullable<CaseThreadRecord[K]>['records'] {
	const result = record[relationship];
	if (!result) return [];
	if (result.done === false && result.records.length < result.totalSize) {
		throw new UnpagedChildResultError(
			`${relationship} of Case ${record.Id ?? '(no Id)'}: ${result.records.length} of ${result.totalSize} records fetched; fetch the remaining pages (nextRecordsUrl) before shaping`,
		);
	}
	return result.records;
}
