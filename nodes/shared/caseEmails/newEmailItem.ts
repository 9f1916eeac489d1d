import type { IDataObject } from 'n8n-workflow';

import { caseItem } from '../closedCases/caseOutput';
import type { ConversationOptions } from '../closedCases/conversationParameters';
import { shapeEmail, type EmailMessageRecord } from '../thread';
import { caseUpToEmail, type NewEmail } from './newEmails';

/**
 * The item of a new email: the case as Case Closed shapes it (chosen fields, link, `emails` and
 * `transcript`), its thread cut at the email so that a reply is drafted to what the customer saw,
 * and the new email itself as `email` (its new text only, without the quoted history); redacted
 * (the email with the same placeholders as the thread) and the transcript cut to its budget when
 * the options say so.
 */
export function newEmailItem(
	found: NewEmail,
	fields: string[],
	instanceUrl: string | undefined,
	options: ConversationOptions = { transcriptBudget: 0 },
): IDataObject {
	const email = shapeEmail(found.email as unknown as EmailMessageRecord);
	return caseItem(
		caseUpToEmail(found.caseRecord, found.email),
		fields,
		instanceUrl,
		{
			emails: true,
			comments: false,
			originalBodies: false,
			more: { email: email as unknown as IDataObject },
		},
		options,
	);
}
