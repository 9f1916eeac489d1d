import type { IDataObject } from 'n8n-workflow';

import { epochMs } from '../salesforceDate';
import { isWellFormedId } from '../salesforceIds';
import { toId18 } from './caseQueues';

/**
 * The queues a case belonged to up to its closing: its owner when it was created, and every owner it
 * was given until it closed, from the case's Owner history (Salesforce keeps it where Case history
 * tracking includes Owner). Ownership usually moves from the queue to the agent who accepts the
 * case, so the current owner alone would miss the cases routed through a queue. A case moved to
 * another queue after it closed still counts for the queues it had when it closed.
 */
export function ownersUpToClose(record: IDataObject): Set<string> {
	const owners = new Set<string>();
	const closedAt = epochMs(record.ClosedDate) ?? Number.POSITIVE_INFINITY;
	const history =
		((record.Histories as IDataObject | null)?.records as IDataObject[] | undefined) ?? [];
	const changes = history.filter(
		(h) => h.Field === 'Owner' && isId(h.OldValue) && isId(h.NewValue),
	);
	if (changes.length === 0) {
		owners.add(String(record.OwnerId));
		return owners;
	}
	owners.add(String(changes[0].OldValue));
	for (const change of changes) {
		if ((epochMs(change.CreatedDate) ?? 0) <= closedAt) owners.add(String(change.NewValue));
	}
	// Without a change after the closing, the current owner is the one it closed with.
	if (!changes.some((c) => (epochMs(c.CreatedDate) ?? 0) > closedAt))
		owners.add(String(record.OwnerId));
	return owners;
}

/** Whether the case belonged to one of the queues (Ids of 15 or 18 characters) up to its closing; any case when none are chosen. */
export function belongsToQueues(record: IDataObject, queueIds: string[]): boolean {
	if (queueIds.length === 0) return true;
	const owners = new Set(
		[...ownersUpToClose(record)].map((o) => (isWellFormedId(o) ? toId18(o) : o)),
	);
	return queueIds.some((q) => owners.has(isWellFormedId(q) ? toId18(q) : q));
}

/** Owner history has two rows per change in real orgs: one with names, one with Ids; only the Ids count. */
function isId(value: unknown): boolean {
	return typeof value === 'string' && isWellFormedId(value) && /^(005|00G)/.test(value);
}
