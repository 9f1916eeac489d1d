import type { IDataObject } from 'n8n-workflow';

import type { WriteFailure, WriteRecord } from '../../../../shared/writes';
import { chooseMatch, type MultipleMatchRule } from './lookup';

export type UpdatePolicy = 'keep' | 'overwrite' | 'fillEmpty';
export type FindOrCreateAction = 'matched' | 'updated' | 'created';

/** One input item, mapped: its record body and the key it matches on, or why it cannot go on. */
export interface Entry {
	itemIndex: number;
	key?: string;
	/** The mapped values (as for a create, or as for an update when a required field is missing). */
	body?: IDataObject;
	/** Why the item's values cannot create a record (a required field missing); it may still match. */
	createFailure?: WriteFailure;
	/** Why the item cannot be handled at all. */
	failure?: WriteFailure;
}

export interface RowRef {
	batch: 'create' | 'update';
	position: number;
}

export type Outcome =
	| { kind: 'failed'; failure: WriteFailure }
	| { kind: 'done'; action: FindOrCreateAction; id: string }
	| { kind: 'row'; action: FindOrCreateAction; row: RowRef };

export interface Plan {
	creates: WriteRecord[];
	updates: WriteRecord[];
	outcomes: Map<number, Outcome>;
}

export interface PlanOptions {
	matchField: string;
	policy: UpdatePolicy;
	rule: MultipleMatchRule;
	objectLabel: string;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * What to write for the items: one update per existing record that gets new values, one create
 * per new key. Items with the same key share the record: the first creates it, the others match it
 * (and, under the update policy, add their values to the same create).
 */
export function planWrites(
	entries: Entry[],
	matchesByKey: Map<string, IDataObject[]>,
	options: PlanOptions,
): Plan {
	const plan: Plan = { creates: [], updates: [], outcomes: new Map() };
	const groups = new Map<string, Entry[]>();
	for (const entry of entries) {
		if (entry.failure || entry.key === undefined) {
			plan.outcomes.set(entry.itemIndex, {
				kind: 'failed',
				failure: entry.failure ?? missingKey(entry.itemIndex, options.matchField),
			});
			continue;
		}
		groups.set(entry.key, [...(groups.get(entry.key) ?? []), entry]);
	}
	for (const [key, group] of groups) {
		const found = matchesByKey.get(key) ?? [];
		if (found.length === 0) planCreate(plan, group, options);
		else planExisting(plan, group, found, options);
	}
	return plan;
}

function planExisting(
	plan: Plan,
	group: Entry[],
	found: IDataObject[],
	options: PlanOptions,
): void {
	const chosen = chooseMatch(found, options.rule);
	if (!chosen) {
		const ids = found.map((r) => String(r.Id));
		for (const entry of group)
			plan.outcomes.set(entry.itemIndex, {
				kind: 'failed',
				failure: severalMatch(entry.itemIndex, ids, options),
			});
		return;
	}
	const id = String(chosen.Id);
	const current: IDataObject = { ...chosen };
	const update: IDataObject = {};
	const contributors: Entry[] = [];
	for (const entry of group) {
		if (merge(current, update, entry.body ?? {}, options)) contributors.push(entry);
		else plan.outcomes.set(entry.itemIndex, { kind: 'done', action: 'matched', id });
	}
	if (contributors.length === 0) return;
	const row: RowRef = { batch: 'update', position: plan.updates.length };
	plan.updates.push({ itemIndex: contributors[0].itemIndex, fields: { Id: id, ...update } });
	for (const entry of contributors)
		plan.outcomes.set(entry.itemIndex, { kind: 'row', action: 'updated', row });
}

function planCreate(plan: Plan, group: Entry[], options: PlanOptions): void {
	const creator = group.find((e) => !e.createFailure);
	if (!creator) {
		for (const entry of group)
			plan.outcomes.set(entry.itemIndex, {
				kind: 'failed',
				failure: entry.createFailure as WriteFailure,
			});
		return;
	}
	const body: IDataObject = { ...creator.body };
	const row: RowRef = { batch: 'create', position: plan.creates.length };
	plan.creates.push({ itemIndex: creator.itemIndex, fields: body });
	for (const entry of group) {
		if (entry === creator) {
			plan.outcomes.set(entry.itemIndex, { kind: 'row', action: 'created', row });
			continue;
		}
		const contributed = merge({ ...body }, body, entry.body ?? {}, options);
		plan.outcomes.set(entry.itemIndex, {
			kind: 'row',
			action: contributed ? 'updated' : 'matched',
			row,
		});
	}
}

/** Adds the item's values to `target` under the policy; true when it changed anything. */
function merge(
	current: IDataObject,
	target: IDataObject,
	body: IDataObject,
	options: PlanOptions,
): boolean {
	if (options.policy === 'keep') return false;
	let changed = false;
	for (const [field, value] of Object.entries(body)) {
		if (field === options.matchField) continue;
		if (options.policy === 'fillEmpty' && !isEmpty(current[field])) continue;
		if (current[field] === value || (isEmpty(current[field]) && isEmpty(value))) continue;
		target[field] = value;
		current[field] = value;
		changed = true;
	}
	return changed;
}

function missingKey(itemIndex: number, matchField: string): WriteFailure {
	return {
		itemIndex,
		success: false,
		errorCode: 'REQUIRED_FIELD_MISSING',
		message: `${matchField} needs a value to look for a matching record (item ${itemIndex})`,
		fields: [matchField],
		checkedLocally: true,
	};
}

function severalMatch(itemIndex: number, ids: string[], options: PlanOptions): WriteFailure {
	const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', ...' : '');
	return {
		itemIndex,
		success: false,
		errorCode: 'MULTIPLE_RECORDS_MATCHED',
		message: `${ids.length} records of ${options.objectLabel} have this ${options.matchField} (${shown}), and the rule is to fail the item (item ${itemIndex})`,
		fields: [options.matchField],
		checkedLocally: true,
	};
}
