import type { IDataObject } from 'n8n-workflow';

import { conditionsToSoql, type Condition } from '../soql/conditions';
import { resolveFieldNames } from '../soql/fieldNames';
import type { SalesforceConnection } from '../transport/connection';
import { OWNER_HISTORY_SUBQUERY, type CaseQueryPlan } from './caseQuery';

/** What the user chose, as it shapes the query. */
export interface CaseQueryChoice extends IDataObject {
	fields: string[];
	conditions: Condition[];
	queues: string[];
	/** Child subqueries of the conversation parts chosen (emails, comments, ...). */
	subqueries: string[];
}

/** Describes are fetched again after this long, so that new fields and changed picklists show up. */
export const PLAN_TTL_MS = 24 * 60 * 60 * 1000;

interface CachedPlan extends IDataObject {
	key: string;
	expiresAt: number;
	plan: CaseQueryPlan;
}

/**
 * The query plan for the user's choice: field names checked against the org's Case describe (an
 * unknown field gets an error naming the nearest valid ones), conditions typed and escaped. It is
 * kept in `cache` (the trigger's static data) for a day, so that a poll costs one API call: the
 * query itself.
 */
export async function casePlan(sf: SalesforceConnection, choice: CaseQueryChoice, cache: IDataObject | undefined, now: number): Promise<{ plan: CaseQueryPlan; cached: CachedPlan }> {
	const key = JSON.stringify(choice);
	const hit = cache?.casePlan as CachedPlan | undefined;
	if (hit && hit.key === key && hit.expiresAt > now) return { plan: hit.plan, cached: hit };
	const describe = await sf.describes.describe('Case');
	const fields = resolveFieldNames(describe, choice.fields);
	// A child relationship the org does not have (LiveChatTranscripts without Chat) is left out.
	const relationships = new Set(describe.childRelationships.map((r) => r.relationshipName).filter((n): n is string => !!n));
	const subqueries = choice.subqueries.filter((q) => relationships.has(/\bFROM\s+(\w+)/i.exec(q)?.[1] ?? ''));
	if (choice.queues.length > 0) subqueries.push(OWNER_HISTORY_SUBQUERY);
	const plan: CaseQueryPlan = { fields: [...new Set(fields)], subqueries, extraWhere: conditionsToSoql(describe, choice.conditions) };
	return { plan, cached: { key, expiresAt: now + PLAN_TTL_MS, plan } };
}
