import type { IDataObject } from 'n8n-workflow';

import {
	eventFloor,
	pollEvents,
	type EventCursorState,
	type EventSource,
} from '../eventCursor/eventCursor';
import { belongsToQueues } from '../closedCases/queueMembership';
import { epochMs } from '../salesforceDate';

/** Which new emails a user wants. */
export interface NewEmailOptions {
	/** Only the case's first incoming email (see `isFirstOfCase`). */
	firstOnly: boolean;
	/** Only emails sent by the case's contact or from the case's Web Email (see `isFromCustomer`). */
	fromCustomerOnly: boolean;
	/** Only cases one of these queues owned up to the email (18-character Ids); none: every case. */
	queueIds: string[];
}

/** What New Email on a Case keeps in static data (`newEmail`). */
export interface NewEmailState extends IDataObject {
	cursor: EventCursorState;
	/**
	 * Cases whose first email was emitted, with the time each may be forgotten after (as the
	 * cursor's emitted events): an older email that commits late, after a newer one was taken as the
	 * case's first, is then not taken as first again. Kept only within the cursor's window.
	 */
	firstCases: Record<string, number>;
}

/** An email to emit and its case, as the case query read them (the email is a record of the case's thread). */
export interface NewEmail {
	email: IDataObject;
	caseRecord: IDataObject;
}

export interface NewEmailPollOutcome {
	emitted: NewEmail[];
	state: NewEmailState;
	caughtUp: boolean;
}

export function initialNewEmailState(cursor: EventCursorState): NewEmailState {
	return { cursor, firstCases: {} };
}

/** The records of a case's thread (EmailMessages child result, null when it has none). */
export function threadEmails(caseRecord: IDataObject): IDataObject[] {
	return ((caseRecord.EmailMessages as IDataObject | null | undefined)?.records ??
		[]) as IDataObject[];
}

/** Orders emails by creation, then Id (Salesforce keeps CreatedDate to the second). */
export function createdBefore(a: IDataObject, b: IDataObject): boolean {
	const ta = epochMs(a.CreatedDate) ?? 0;
	const tb = epochMs(b.CreatedDate) ?? 0;
	return ta < tb || (ta === tb && String(a.Id) < String(b.Id));
}

/**
 * Whether the email is its case's first incoming email: no other incoming email of the case, as the
 * case's thread holds them now (emails in the Recycle Bin do not count), was created before it (an
 * earlier CreatedDate, or the same second and a smaller Id).
 */
export function isFirstOfCase(email: IDataObject, caseRecord: IDataObject): boolean {
	return !threadEmails(caseRecord).some(
		(other) => other.Incoming === true && other.Id !== email.Id && createdBefore(other, email),
	);
}

const address = (value: unknown): string =>
	typeof value === 'string'
		? value
				.trim()
				.replace(/^.*<([^>]*)>.*$/, '$1')
				.trim()
				.toLowerCase()
		: '';

/**
 * Whether the email comes from the case's customer: its sender (FromAddress) is the email of the
 * case's contact or the case's Web Email (SuppliedEmail, which Email-to-Case and Web-to-Case fill
 * with the address the case came from), ignoring upper and lower case. An email from your own team,
 * the org's routing addresses or anyone else (such as the customer's colleague) is not.
 */
export function isFromCustomer(email: IDataObject, caseRecord: IDataObject): boolean {
	const from = address(email.FromAddress);
	if (from === '') return false;
	const contact = caseRecord.Contact as IDataObject | null | undefined;
	return [caseRecord.SuppliedEmail, contact?.Email].some((a) => address(a) === from);
}

/** Whether one of the queues owned the case at any time up to the email (from its Owner history). */
export function caseOfQueues(email: IDataObject, caseRecord: IDataObject, queueIds: string[]) {
	// The queue rule reads owners "up to the closing"; for an email, up to the email.
	return belongsToQueues({ ...caseRecord, ClosedDate: email.CreatedDate }, queueIds);
}

/**
 * The emails (cursor records: Id, ParentId, CreatedDate, SystemModstamp) that meet the options, with
 * their cases, fetched together (`fetchCases`: the cases of the given Ids, with their threads; a case
 * left out is one that is deleted or does not meet the user's conditions). `firstCases` gets each
 * case whose first email is taken, and is read so that a case's first email is taken once.
 */
export async function pickNewEmails(
	emails: IDataObject[],
	fetchCases: (ids: string[]) => Promise<IDataObject[]>,
	options: NewEmailOptions,
	firstCases: Record<string, number>,
): Promise<NewEmail[]> {
	if (emails.length === 0) return [];
	const picked: NewEmail[] = [];
	const caseIds = [...new Set(emails.map((e) => String(e.ParentId)))];
	const cases = new Map((await fetchCases(caseIds)).map((c) => [String(c.Id), c]));
	for (const found of emails) {
		const caseRecord = cases.get(String(found.ParentId));
		// The email as its case's thread has it (with its bodies); gone if deleted since.
		const email = caseRecord && threadEmails(caseRecord).find((e) => e.Id === found.Id);
		if (!caseRecord || !email || email.Incoming !== true) continue;
		if (options.firstOnly) {
			if (!isFirstOfCase(email, caseRecord) || String(caseRecord.Id) in firstCases) continue;
			firstCases[String(caseRecord.Id)] = Math.max(
				epochMs(found.SystemModstamp) ?? 0,
				epochMs(found.CreatedDate) ?? 0,
			);
		}
		if (options.fromCustomerOnly && !isFromCustomer(email, caseRecord)) continue;
		if (!caseOfQueues(email, caseRecord, options.queueIds)) continue;
		picked.push({ email, caseRecord });
	}
	return picked;
}

/**
 * One poll: the incoming emails the shared cursor emits (each once, by CreatedDate), then the
 * user's options (`pickNewEmails`). An email the options leave out is decided on all the same: it
 * never comes later. At most `maxPerPoll` emails are decided on per poll. The returned state is to
 * be stored once the items are handed over.
 */
export async function pollNewEmails(
	state: NewEmailState,
	source: EventSource<IDataObject>,
	fetchCases: (ids: string[]) => Promise<IDataObject[]>,
	options: NewEmailOptions,
	maxPerPoll: number,
): Promise<NewEmailPollOutcome> {
	const outcome = await pollEvents(state.cursor, source, maxPerPoll);
	const firstCases = { ...state.firstCases };
	const emitted = await pickNewEmails(outcome.emitted, fetchCases, options, firstCases);
	// Forgotten below the cursor's floor, where no email of the window can be met again.
	const floor = eventFloor(outcome.state);
	for (const [id, until] of Object.entries(firstCases)) if (until < floor) delete firstCases[id];
	return { emitted, state: { cursor: outcome.state, firstCases }, caughtUp: outcome.caughtUp };
}

/**
 * The case as it was when the email arrived: its thread up to and including the email (emails
 * created after it, and chats started after it, left out).
 */
export function caseUpToEmail(caseRecord: IDataObject, email: IDataObject): IDataObject {
	const at = epochMs(email.CreatedDate) ?? Number.POSITIVE_INFINITY;
	const cut = (name: string, keep: (r: IDataObject) => boolean): IDataObject | null => {
		const child = caseRecord[name] as IDataObject | null | undefined;
		if (!child) return null;
		const records = (child.records as IDataObject[]).filter(keep);
		return { ...child, records, totalSize: records.length, done: true };
	};
	return {
		...caseRecord,
		EmailMessages: cut('EmailMessages', (e) => e.Id === email.Id || createdBefore(e, email)),
		LiveChatTranscripts: cut(
			'LiveChatTranscripts',
			(c) => (epochMs(c.StartTime) ?? Number.POSITIVE_INFINITY) <= at,
		),
	};
}
