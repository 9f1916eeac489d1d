// Thread shaping: a case's conversation (emails, case comments, chats, messaging) as LLM-ready output.

export { splitAddresses } from './addresses';
export {
	shapeCaseThread,
	childRecords,
	UnpagedChildResultError,
	type CaseThread,
	type CaseThreadRecord,
	type ShapeCaseThreadOptions,
} from './caseThread';
export { chatMessages, chatTurns, type ChatParseOptions } from './chatTranscript';
export { shapeComments } from './comments';
export { EMAIL_STATUS, shapeEmail, shapeEmails, type ShapeEmailOptions } from './emails';
export { htmlToText } from './htmlToText';
export { messageList, turnMessages, type MessageLine } from './messages';
export { messagingTurns, type MessagingTurnOptions } from './messaging';
export { extractNewText } from './newText';
export { isoDateTime } from '../salesforceDate';
export {
	CHAT_FIELDS,
	COMMENT_FIELDS,
	EMAIL_FIELDS,
	MESSAGING_SESSION_FIELDS,
	chatSubquery,
	commentSubquery,
	emailSubquery,
	messagingSubquery,
} from './soql';
export { removeThreadTokens } from './threadTokens';
export { commentTurns, emailTurns, mergeTurns, renderTranscript, type LeftOut } from './transcript';
export { renderTranscriptWithin, type BudgetedTranscript } from './transcriptBudget';
export type * from './types';
