import { buildQuery } from '../soql/buildQuery';
import { soqlDateTime, soqlString } from '../soql/literals';
import type { EventKeyset } from '../eventCursor/eventCursor';
import type { RecordQueryPlan } from './recordPlan';

/** Which timestamp is a record's event: its creation, its latest change, or a chat's end. */
export type RecordEventField = 'CreatedDate' | 'SystemModstamp' | 'EndTime';

/** Fields the cursor needs on every record. */
export const RECORD_CURSOR_FIELDS = ['Id', 'CreatedDate', 'SystemModstamp'];

const iso = (ms: number) => soqlDateTime(new Date(ms));

const selected = (plan: RecordQueryPlan) => [...RECORD_CURSOR_FIELDS, ...plan.fields];

/** Records with the event in [from, to), after the keyset, oldest event first. */
export function recordBackfillQuery(
	plan: RecordQueryPlan,
	eventField: RecordEventField,
	from: number,
	to: number,
	after: EventKeyset | null,
	limit: number,
): string {
	const where = [`${eventField} >= ${iso(from)}`, `${eventField} < ${iso(to)}`];
	if (after)
		where.push(
			`(${eventField} > ${iso(after.eventTime)} OR (${eventField} = ${iso(after.eventTime)} AND Id > ${soqlString(after.id)}))`,
		);
	if (plan.extraWhere) where.push(plan.extraWhere);
	return buildQuery({
		fields: selected(plan),
		from: plan.objectName,
		where,
		orderBy: [`${eventField} ASC`, 'Id ASC'],
		limit,
	});
}

/**
 * Records modified at or after `since`, oldest modification first; for creations only those created
 * at or after `floor` (older ones were decided on already: an edit of them is not a creation).
 */
export function recordLiveQuery(
	plan: RecordQueryPlan,
	eventField: RecordEventField,
	since: number,
	floor: number,
): string {
	const where = [`SystemModstamp >= ${iso(since)}`];
	if (eventField === 'CreatedDate') where.push(`CreatedDate >= ${iso(floor)}`);
	// An end counts for the floor from the record's creation too (a chat saved once it ended).
	if (eventField === 'EndTime')
		where.push(`(EndTime >= ${iso(floor)} OR CreatedDate >= ${iso(floor)})`);
	if (plan.extraWhere) where.push(plan.extraWhere);
	return buildQuery({
		fields: selected(plan),
		from: plan.objectName,
		where,
		orderBy: ['SystemModstamp ASC', 'Id ASC'],
	});
}

/** The latest record by its event, for the editor's "Fetch test event". */
export function recordLatestQuery(plan: RecordQueryPlan, eventField: RecordEventField): string {
	return buildQuery({
		fields: selected(plan),
		from: plan.objectName,
		where: plan.extraWhere ? [plan.extraWhere] : [],
		orderBy: [`${eventField} DESC`, 'Id DESC'],
		limit: 1,
	});
}
