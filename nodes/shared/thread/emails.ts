import { splitAddresses } from './addresses';
import { htmlToText } from './htmlToText';
import { extractNewText } from './newText';
import { epochMs, isoDateTime } from '../salesforceDate';
import { removeThreadTokens } from './threadTokens';
import type { EmailMessageRecord, ShapedEmail } from './types';

export interface ShapeEmailOptions {
	/** Adds `textBody` and `htmlBody`, the bodies as Salesforce stores them. */
	includeOriginalBodies?: boolean;
	/** Keeps unsent drafts (Status 5), which have no date and are left out by default. */
	includeDrafts?: boolean;
}

/** EmailMessage.Status picklist codes. */
export const EMAIL_STATUS: Readonly<Record<string, string>> = {
	'0': 'New',
	'1': 'Read',
	'2': 'Replied',
	'3': 'Sent',
	'4': 'Forwarded',
	'5': 'Draft',
};
const DRAFT = '5';

/** Forward prefixes of English, German (WG), French (TR), Spanish (RV) and Nordic (VS) mail clients. */
const FORWARD_SUBJECT = /^\s*(?:fwd?|wg|tr|rv|vs)\s*:/i;

/**
 * The emails of a case in time order, each with its new text only.
 *
 * Direction follows `Incoming`, which Salesforce sets true on mail it received (Email-to-Case) and
 * false on mail sent from the org: a customer's mail is `fromCustomer`; an agent's reply, an
 * auto-response rule's acknowledgement (sent from the org, under the sender name the rule gives) and
 * an agent's forward to a colleague are `fromAgent`, the forward also `forwarded: true`. A
 * customer's out-of-office reply is `fromCustomer`.
 */
export function shapeEmails(
	records: readonly EmailMessageRecord[],
	options: ShapeEmailOptions = {},
): ShapedEmail[] {
	return records
		.filter((r) => options.includeDrafts || r.Status !== DRAFT)
		.map((record, index) => ({ record, index, at: epochMs(record.MessageDate) }))
		.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.index - b.index)
		.map(({ record }) => shapeEmail(record, options));
}

export function shapeEmail(
	record: EmailMessageRecord,
	options: ShapeEmailOptions = {},
): ShapedEmail {
	const subject = removeThreadTokens(record.Subject ?? '').trim();
	const email: ShapedEmail = {
		id: record.Id,
		direction: record.Incoming ? 'fromCustomer' : 'fromAgent',
		from: { name: record.FromName ?? '', address: record.FromAddress ?? '' },
		to: splitAddresses(record.ToAddress),
		cc: splitAddresses(record.CcAddress),
		subject,
		date: isoDateTime(record.MessageDate),
		text: extractNewText(bodyText(record)),
	};
	if (record.Status) email.status = EMAIL_STATUS[record.Status] ?? record.Status;
	if (FORWARD_SUBJECT.test(subject)) email.forwarded = true;
	if (typeof record.HasAttachment === 'boolean') email.hasAttachment = record.HasAttachment;
	if (options.includeOriginalBodies) {
		email.textBody = record.TextBody ?? null;
		email.htmlBody = record.HtmlBody ?? null;
	}
	return email;
}

/** The text body, or the HTML body as text when the text body is missing or blank. */
function bodyText(record: EmailMessageRecord): string {
	if (record.TextBody && record.TextBody.trim() !== '') return record.TextBody;
	return record.HtmlBody ? htmlToText(record.HtmlBody) : '';
}
