// The email thread of one case as Salesforce stores it: each mail an EmailMessage whose
// MessageIdentifier is its Message-ID header, ThreadIdentifier the thread's first Message-ID,
// ReplyToEmailMessageId the mail it answers; incoming mail keeps its headers.

import type { Store } from '../core/store';
import { rfc5322Date } from './dates';
import type { MailClient, Mailbox, QuotedMail } from './mail-format';
import type { Random } from './random';
import { messageId } from './threading';

/** EmailMessage.Status picklist values. */
export const EMAIL_STATUS = {
	new: '0',
	read: '1',
	replied: '2',
	sent: '3',
	forwarded: '4',
	draft: '5',
} as const;

export interface ThreadMail extends QuotedMail {
	id: string;
	messageIdentifier: string;
	incoming: boolean;
}

export interface NewMail {
	incoming: boolean;
	from: Mailbox;
	to: string;
	cc: string | null;
	subject: string;
	/** The sender's mail system, which shapes the Message-ID. */
	client: MailClient;
	/** The sender's domain, for the Message-ID. */
	domain: string;
	body: { text: string; html: string; contentHtml: string };
	status: string;
	fromId: string | null;
	/** The user the insert runs as (CreatedById). */
	userId: string;
	replyTo: ThreadMail | undefined;
	/** A draft has no MessageDate. */
	draft?: boolean;
	/** False for mail the customer never sees (a forward to a colleague, a draft): later replies do not quote it. */
	partOfThread?: boolean;
}

export class MailThread {
	root: ThreadMail | undefined;
	/** The latest mail of the conversation with the customer: what a reply quotes. */
	last: ThreadMail | undefined;
	private references: string[] = [];

	constructor(
		private readonly store: Store,
		private readonly r: Random,
		private readonly caseId: string,
		/** The customer's UTC offset, for the Date header of their mail. */
		private readonly customerOffsetMinutes: number,
	) {}

	/** Inserts a mail sent at `sentAt` (the org clock's now, or an older date for imported mail). */
	add(m: NewMail, sentAt: number): ThreadMail {
		const identifier = messageId(this.r, m.client, m.domain);
		// References as mail clients trim it: the thread's first message and the one answered.
		const references = m.replyTo
			? [...new Set([...this.references.slice(0, 1), m.replyTo.messageIdentifier])]
			: [];
		const headers = m.incoming
			? [
					`Date: ${rfc5322Date(sentAt, this.customerOffsetMinutes)}`,
					`From: ${m.from.name} <${m.from.address}>`,
					`To: ${m.to}`,
					...(m.cc ? [`Cc: ${m.cc}`] : []),
					`Message-ID: ${identifier}`,
					...(m.replyTo
						? [`In-Reply-To: ${m.replyTo.messageIdentifier}`, `References: ${references.join(' ')}`]
						: []),
					`Subject: ${m.subject}`,
				].join('\n')
			: null;
		const id = this.store.insert(
			'EmailMessage',
			{
				ParentId: this.caseId,
				RelatedToId: this.caseId,
				Subject: m.subject,
				Name: m.subject.slice(0, 80),
				FromName: m.from.name,
				FromAddress: m.from.address,
				ToAddress: m.to,
				CcAddress: m.cc,
				BccAddress: null,
				TextBody: m.body.text,
				HtmlBody: m.body.html,
				Headers: headers,
				Incoming: m.incoming,
				Status: m.status,
				MessageDate: m.draft ? null : sentAt,
				MessageIdentifier: identifier,
				ThreadIdentifier: this.root?.messageIdentifier ?? identifier,
				ReplyToEmailMessageId: m.replyTo?.id ?? null,
				IsExternallyVisible: true,
				FromId: m.fromId,
				IsClientManaged: false,
				IsTracked: false,
			},
			{ userId: m.userId },
		);
		const mail: ThreadMail = {
			id,
			messageIdentifier: identifier,
			incoming: m.incoming,
			from: m.from,
			to: m.to,
			cc: m.cc,
			subject: m.subject,
			sentAt,
			text: m.body.text,
			contentHtml: m.body.contentHtml,
		};
		if (m.partOfThread !== false) {
			this.root ??= mail;
			this.references.push(identifier);
			this.last = mail;
		}
		return mail;
	}
}
