import type { IDataObject } from 'n8n-workflow';

import { buildQuery } from '../soql/buildQuery';
import { soqlDateTime, soqlString } from '../soql/literals';
import type { Keyset } from './closureCursor';

/** What the trigger asks for, with field names already checked against the org's describe. */
export interface CaseQueryPlan extends IDataObject {
	/** Case fields and parent fields (`Owner.Name`) to select; the cursor's own fields are added. */
	fields: string[];
	/** Child subqueries, each `(SELECT ... FROM Rel ...)`. */
	subqueries: string[];
	/** The user's extra conditions as SOQL (escaped), or ''. */
	extraWhere: string;
	/** The chosen queues' 18-character Ids (none: every case). */
	queueIds: string[];
}

/** Fields the cursor and the queue rule need on every case. */
export const CURSOR_FIELDS = [
	'Id',
	'IsClosed',
	'ClosedDate',
	'CreatedDate',
	'SystemModstamp',
	'OwnerId',
];

/** Owner changes, to tell which queues a case passed through before it closed. */
export const OWNER_HISTORY_SUBQUERY =
	"(SELECT Field, OldValue, NewValue, CreatedDate FROM Histories WHERE Field = 'Owner' ORDER BY CreatedDate ASC)";

const iso = (ms: number) => soqlDateTime(new Date(ms));

/** What the cursor reads of each case: its own fields, and owner history when queues are chosen. */
function stampFields(plan: CaseQueryPlan): string[] {
	return [...CURSOR_FIELDS, ...plan.subqueries.filter((q) => q === OWNER_HISTORY_SUBQUERY)];
}

/** The conditions of the backfill: closed cases with ClosedDate in [from, to), after the keyset. */
function backfillWhere(
	plan: CaseQueryPlan,
	from: number,
	to: number,
	after: Keyset | null,
): string[] {
	const where = [
		'IsClosed = true',
		// Selective on the indexed SystemModstamp: a case closed at or after `from` was modified at or after it.
		`SystemModstamp >= ${iso(from)}`,
		`ClosedDate >= ${iso(from)}`,
		`ClosedDate < ${iso(to)}`,
	];
	if (after)
		where.push(
			`(ClosedDate > ${iso(after.closedDate)} OR (ClosedDate = ${iso(after.closedDate)} AND Id > ${soqlString(after.id)}))`,
		);
	if (plan.extraWhere) where.push(plan.extraWhere);
	return where;
}

/** Closed cases with ClosedDate in [from, to), after the keyset, oldest closure first (the cursor's fields only). */
export function backfillQuery(
	plan: CaseQueryPlan,
	from: number,
	to: number,
	after: Keyset | null,
	limit: number,
): string {
	return buildQuery({
		fields: stampFields(plan),
		from: 'Case',
		where: backfillWhere(plan, from, to, after),
		orderBy: ['ClosedDate ASC', 'Id ASC'],
		limit,
	});
}

/**
 * The backfill as one Bulk API 2.0 query job: every closed case of [from, to) after the keyset, in
 * the same order, without LIMIT and without the owner-history subquery (Bulk API 2.0 runs no
 * parent-child subqueries: the queue rule reads the history with the details).
 */
export function bulkBackfillQuery(
	plan: CaseQueryPlan,
	from: number,
	to: number,
	after: Keyset | null,
): string {
	return buildQuery({
		fields: CURSOR_FIELDS,
		from: 'Case',
		where: backfillWhere(plan, from, to, after),
		orderBy: ['ClosedDate ASC', 'Id ASC'],
	});
}

/** How many closed cases the backfill of [from, to) has (`SELECT COUNT()`: one call, no rows). */
export function backfillCountQuery(plan: CaseQueryPlan, from: number, to: number): string {
	return buildQuery({
		fields: ['COUNT()'],
		from: 'Case',
		where: backfillWhere(plan, from, to, null),
	});
}

/** Closed cases modified at or after `since`, oldest modification first (the cursor's fields only). */
export function liveQuery(plan: CaseQueryPlan, since: number): string {
	const where = ['IsClosed = true', `SystemModstamp >= ${iso(since)}`];
	if (plan.extraWhere) where.push(plan.extraWhere);
	return buildQuery({
		fields: stampFields(plan),
		from: 'Case',
		where,
		orderBy: ['SystemModstamp ASC', 'Id ASC'],
	});
}

/** Everything the user chose of the given cases: fields and conversation subqueries. */
export function detailsQuery(plan: CaseQueryPlan, ids: string[]): string {
	return buildQuery({
		fields: [...CURSOR_FIELDS, ...plan.fields, ...plan.subqueries],
		from: 'Case',
		where: [`Id IN (${ids.map(soqlString).join(', ')})`],
	});
}

/** The latest closed cases, newest first (the editor's "Fetch test event"). */
export function latestClosedQuery(plan: CaseQueryPlan, limit: number): string {
	const where = ['IsClosed = true'];
	if (plan.extraWhere) where.push(plan.extraWhere);
	return buildQuery({
		fields: [...CURSOR_FIELDS, ...plan.fields, ...plan.subqueries],
		from: 'Case',
		where,
		orderBy: ['ClosedDate DESC', 'Id DESC'],
		limit,
	});
}
