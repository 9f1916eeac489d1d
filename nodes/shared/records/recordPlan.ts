import type { IDataObject } from 'n8n-workflow';

import { conditionsToSoql, type Condition } from '../soql/conditions';
import { resolveFieldPaths } from '../soql/fieldNames';
import { ObjectNameError } from '../soql/objectNames';
import { freshPlan, keepPlan, planKey, type CachedPlan } from '../schema/planCache';
import type { SalesforceConnection } from '../transport/connection';
import { historyPlanOf, type HistoryPlan } from './fieldHistory';

/** What the user chose of the object: its name, the fields each item carries, extra conditions. */
export interface RecordChoice extends IDataObject {
	objectName: string;
	/** Field paths as the user gave them; none: every field of the object. */
	fields: string[];
	conditions: Condition[];
	/** Record Updated: only changes of these fields (from the object's field history); none: every change. */
	watchFields?: string[];
}

/** The checked query plan of a record event. */
export interface RecordQueryPlan extends IDataObject {
	/** The object as Salesforce spells it. */
	objectName: string;
	/** Field paths to select, checked against the describe (the cursor's own are added). */
	fields: string[];
	/** The user's extra conditions as SOQL (escaped), or ''. */
	extraWhere: string;
	/** Where the watched fields' history is, when fields are watched. */
	history?: HistoryPlan;
}

const PLAN_VERSION = 1;

export type CachedRecordPlan = CachedPlan<RecordQueryPlan>;

/** Fields no query can select one by one, left out of "every field": compound and binary ones. */
const NOT_SELECTED = new Set(['address', 'location', 'base64']);

/**
 * The plan for the user's choice, checked against the org's describe (an object it does not have,
 * one without the timestamps the cursor needs, an unknown field or a bad condition is an error naming
 * it), kept in `cache` for a day so that a quiet poll costs one API call: the query.
 */
export async function recordPlan(
	sf: SalesforceConnection,
	choice: RecordChoice,
	cache: CachedRecordPlan | undefined,
	now: number,
): Promise<{ plan: RecordQueryPlan; cached: CachedRecordPlan }> {
	const key = planKey(PLAN_VERSION, choice);
	const hit = freshPlan(cache, key, now);
	if (hit) return { plan: hit.plan, cached: hit };
	const describe = await sf.describes.describe(choice.objectName);
	const has = new Set(describe.fields.map((f) => f.name));
	for (const needed of ['CreatedDate', 'SystemModstamp'])
		if (!has.has(needed))
			throw new ObjectNameError(
				`${describe.label} (${describe.name}) has no ${needed} field, so the trigger cannot follow its records: choose another object`,
				describe.name,
			);
	if (!describe.queryable)
		throw new ObjectNameError(
			`${describe.label} (${describe.name}) cannot be queried with your user's access: choose another object`,
			describe.name,
		);
	const fields =
		choice.fields.length > 0
			? await resolveFieldPaths(sf.describes, describe, choice.fields)
			: describe.fields.filter((f) => !NOT_SELECTED.has(f.type)).map((f) => f.name);
	const plan: RecordQueryPlan = {
		objectName: describe.name,
		fields: [...new Set(fields)],
		extraWhere: conditionsToSoql(describe, choice.conditions),
	};
	if (choice.watchFields && choice.watchFields.length > 0)
		plan.history = historyPlanOf(describe, choice.watchFields);
	return { plan, cached: keepPlan(plan, key, now) };
}
