import { buildQuery } from '../soql/buildQuery';
import { soqlString } from '../soql/literals';
import { CURSOR_FIELDS, type CaseQueryPlan } from '../closedCases/caseQuery';
import type { RecordQueryPlan } from '../records/recordPlan';
import { RECORD_CURSOR_FIELDS } from '../records/recordQuery';
import { EMAIL_FIELDS, chatSubquery, emailSubquery } from '../thread';

/**
 * The emails New Email on a Case follows: incoming ones (Incoming = true, what Email-to-Case receives)
 * on a case (ParentId). The cursor reads only their Id, timestamps and case; the email itself comes
 * with its case's thread. Its event time is CreatedDate, not MessageDate: MessageDate is what the
 * sender's mail client (or the data load) wrote, and may be hours or years in the past.
 */
export const INCOMING_EMAILS: RecordQueryPlan = {
	objectName: 'EmailMessage',
	fields: ['ParentId'],
	extraWhere: 'Incoming = true AND ParentId != null',
};

/** Emails in the thread carry their CreatedDate too: the thread is cut at the new email by it. */
export const THREAD_SUBQUERIES = [emailSubquery([...EMAIL_FIELDS, 'CreatedDate']), chatSubquery()];

/** Case fields the customer rule reads (not given in the item unless chosen). */
export const CUSTOMER_FIELDS = ['SuppliedEmail', 'Contact.Email'];

/** The latest incoming emails, newest first (the editor's "Fetch test event"). */
export function latestIncomingQuery(limit: number): string {
	return buildQuery({
		fields: [...RECORD_CURSOR_FIELDS, ...INCOMING_EMAILS.fields],
		from: INCOMING_EMAILS.objectName,
		where: [INCOMING_EMAILS.extraWhere],
		orderBy: ['CreatedDate DESC', 'Id DESC'],
		limit,
	});
}

/**
 * The cases of the given Ids that meet the user's Extra Conditions, with the chosen fields, the
 * fields the customer rule reads and the thread (one query for up to 150 cases).
 */
export function emailCasesQuery(plan: CaseQueryPlan, ids: string[]): string {
	const seen = new Set<string>();
	const fields = [...CURSOR_FIELDS, ...CUSTOMER_FIELDS, ...plan.fields].filter((f) => {
		const key = f.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	return buildQuery({
		fields: [...fields, ...plan.subqueries],
		from: 'Case',
		where: [`Id IN (${ids.map(soqlString).join(', ')})`, plan.extraWhere],
	});
}
