import { epochMs } from '../../../nodes/shared/salesforceDate';
import type { Row, Store } from '../../sandbox-org/core/store';
import { NODE_TYPES, type WorkflowJson } from './e2e-env';

// The example workflows that start with our trigger, and what a user looks at in the item each
// event emits: a small table by event value, checked against the org's own records. An event the
// table does not know yet is checked only for items (the caller also checks the next node ran).

export type WorkflowNode = WorkflowJson['nodes'][number];
type Item = Record<string, unknown>;

/** The example workflows whose trigger is ours, as [file, workflow], by file name. */
export function triggerExamples(all: Record<string, WorkflowJson>): Array<[string, WorkflowJson]> {
	return Object.entries(all)
		.filter(([, w]) => w.nodes.some((n) => n.type === NODE_TYPES.trigger))
		.sort(([a], [b]) => a.localeCompare(b));
}

export function triggerNodeOf(workflow: WorkflowJson): WorkflowNode {
	const trigger = workflow.nodes.find((n) => n.type === NODE_TYPES.trigger);
	if (!trigger) throw new Error(`${workflow.name} has no Salesforce Service Cloud Trigger`);
	return trigger;
}

/** The trigger's Event (its default is Case Closed). */
export const triggerEventOf = (trigger: WorkflowNode): string =>
	String(trigger.parameters.event ?? 'caseClosed');

/** The nodes the trigger's main output leads to. */
export function nextNodesOf(workflow: WorkflowJson, node: string): string[] {
	const outputs = (workflow.connections[node] as { main?: Array<Array<{ node: string }> | null> })
		?.main;
	return (outputs ?? []).flatMap((links) => (links ?? []).map((l) => l.node));
}

const chosenFields = (trigger: WorkflowNode): string[] =>
	Array.isArray(trigger.parameters.recordFields)
		? (trigger.parameters.recordFields as string[])
		: [];

/** The record the item is, as the org holds it. */
function stored(store: Store, item: Item, objectName: string): Row {
	expect(typeof item.Id).toBe('string');
	const row = store.get(String(item.Id), objectName);
	if (!row) throw new Error(`the item's Id ${String(item.Id)} is no ${objectName} of the org`);
	return row;
}

/** Each field chosen in the trigger is in the item, with the org's value for text fields. */
function expectChosenFields(item: Item, row: Row, trigger: WorkflowNode): void {
	const fields = chosenFields(trigger);
	for (const field of fields) {
		expect(item).toHaveProperty(field);
		if (typeof row[field] === 'string') expect(item[field]).toBe(row[field]);
	}
}

/** The latest value of `field` (a date-time) among the object's records, to the second. */
const latestSecond = (rows: Row[], field: string) =>
	Math.max(...rows.map((r) => Math.floor(Number(r[field]) / 1000)));
const itemSecond = (item: Item, field: string) => Math.floor((epochMs(item[field]) ?? NaN) / 1000);

type ItemCheck = (item: Item, trigger: WorkflowNode, store: Store) => void;

/** What a user looks at in one emitted item, per event value. */
const ITEM_CHECKS: Record<string, ItemCheck> = {
	caseClosed: (item, _trigger, store) => {
		// The latest closed case, with its email thread and the conversation as text.
		const row = store.get(String(item.id), 'Case');
		expect(row).toMatchObject({ IsClosed: true, CaseNumber: item.caseNumber });
		expect(item.status).toBe('Closed');
		expect(Array.isArray(item.emails)).toBe(true);
		expect(typeof item.transcript).toBe('string');
		if ((item.emails as unknown[]).length > 0) expect(String(item.transcript).trim()).not.toBe('');
	},
	recordCreated: (item, trigger, store) => {
		// The object's most recently created record, with the fields chosen.
		const objectName = String(trigger.parameters.objectName);
		const row = stored(store, item, objectName);
		expectChosenFields(item, row, trigger);
		expect(itemSecond(item, 'CreatedDate')).toBe(
			latestSecond(store.rows(objectName), 'CreatedDate'),
		);
	},
	recordUpdated: (item, trigger, store) => {
		// The object's most recently changed record, with the fields chosen as they are now.
		const objectName = String(trigger.parameters.objectName);
		const row = stored(store, item, objectName);
		expectChosenFields(item, row, trigger);
		expect(itemSecond(item, 'SystemModstamp')).toBe(
			latestSecond(store.rows(objectName), 'SystemModstamp'),
		);
	},
	chatEnded: (item, _trigger, store) => {
		// An ended chat with its messages (who, name, time, text) and its case and contact.
		const row = stored(store, item, 'LiveChatTranscript');
		expect(row.Status).toBe('Completed');
		expect(item).not.toHaveProperty('Body');
		const messages = item.messages as Array<Record<string, unknown>>;
		expect(messages.length).toBeGreaterThan(1);
		for (const m of messages) {
			expect(['agent', 'customer', 'system']).toContain(m.who);
			expect(typeof m.text).toBe('string');
			expect(typeof m.name).toBe('string');
		}
		expect(messages.some((m) => m.who === 'customer')).toBe(true);
		expect(messages.some((m) => m.who === 'agent')).toBe(true);
		if (row.CaseId) expect(item.CaseId).toBe(row.CaseId);
		if (row.ContactId)
			expect(String((item.Contact as Item | null)?.Name)).toContain(
				String(store.get(String(row.ContactId), 'Contact')?.LastName),
			);
	},
};

/**
 * Checks what the example's trigger emitted in manual mode ("Fetch test event") against the org: an
 * event in the table gives its latest event, one item, checked as above; an event the table does
 * not know yet, at least one item.
 */
export function checkTriggerItems(items: Item[], trigger: WorkflowNode, store: Store): void {
	const check = ITEM_CHECKS[triggerEventOf(trigger)];
	if (!check) {
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(Object.keys(item).length).toBeGreaterThan(0);
		return;
	}
	expect(items).toHaveLength(1);
	check(items[0], trigger, store);
}
