import type { IDataObject } from 'n8n-workflow';

import { conditionsToSoql, type Condition } from '../soql/conditions';
import { resolveFieldPaths } from '../soql/fieldNames';
import { freshPlan, keepPlan, planKey, type CachedPlan } from '../schema/planCache';
import type { SalesforceConnection } from '../transport/connection';
import { OWNER_HISTORY_SUBQUERY, type CaseQueryPlan } from './caseQuery';
import { caseQueues, resolveQueues } from './caseQueues';

/** What the user chose, as it shapes the query. */
export interface CaseQueryChoice extends IDataObject {
	fields: string[];
	conditions: Condition[];
	/** The queues as the user gave them: Ids (15 or 18 characters) or names. */
	queues: string[];
	/** Child subqueries of the conversation parts chosen (emails, comments, ...). */
	subqueries: string[];
}

/** Plans kept by an earlier version (without `queueIds`, or with unchecked parent fields) are built again. */
const PLAN_VERSION = 3;

/**
 * The query plan for the user's choice: field paths checked segment by segment against the org's
 * describes (an unknown field gets an error naming the nearest valid ones), conditions typed and escaped, queues
 * found by Id or name among the org's case queues (one that does not exist gets an error naming
 * it: `QueueChoiceError`). It is kept in `cache` (the trigger's static data) for a day, so that a
 * poll costs one API call: the query itself. n8n runs a poll when the workflow is activated, with
 * no plan cached, so a wrong choice stops the activation with its error.
 */
export async function casePlan(
	sf: SalesforceConnection,
	choice: CaseQueryChoice,
	cache: IDataObject | undefined,
	now: number,
): Promise<{ plan: CaseQueryPlan; cached: CachedPlan<CaseQueryPlan> }> {
	const key = planKey(PLAN_VERSION, choice);
	const hit = freshPlan(cache?.casePlan as CachedPlan<CaseQueryPlan> | undefined, key, now);
	if (hit) return { plan: hit.plan, cached: hit };
	const describe = await sf.describes.describe('Case');
	const fields = await resolveFieldPaths(sf.describes, describe, choice.fields);
	// A child relationship the org does not have (LiveChatTranscripts without Chat) is left out.
	const relationships = new Set(
		describe.childRelationships.map((r) => r.relationshipName).filter((n): n is string => !!n),
	);
	const subqueries = choice.subqueries.filter((q) =>
		relationships.has(/\bFROM\s+(\w+)/i.exec(q)?.[1] ?? ''),
	);
	const queueIds =
		choice.queues.length > 0 ? resolveQueues(choice.queues, await caseQueues(sf)) : [];
	if (queueIds.length > 0) subqueries.push(OWNER_HISTORY_SUBQUERY);
	const plan: CaseQueryPlan = {
		fields: [...new Set(fields)],
		subqueries,
		extraWhere: conditionsToSoql(describe, choice.conditions),
		queueIds,
	};
	return { plan, cached: keepPlan(plan, key, now) };
}
