import { completeField } from './fields';
import { CHILD_RELATIONSHIP_NAMES, standardFields, type Schema } from './schema';
import { toSecond, type Store } from './store';

/**
 * Field history tracking for any object, as Salesforce keeps it once "Set History Tracking" is on:
 * a history object (`AccountHistory` with `AccountId` for a standard object, `Invoice__History` with
 * `ParentId` for a custom one; both reached from the parent as `Histories`) with a row per tracked
 * field a save changed: Field, DataType, OldValue, NewValue, CreatedDate (the save's second, also for
 * a save that commits late), CreatedById.
 *
 * Hand-written from Salesforce's object reference (no recording of these describes is at hand; Case's
 * own `CaseHistory` in objects.ts is modelled from recordings). One simplification: Salesforce gives
 * every history object the key prefix 017; here each has its own, since the sandbox finds an object
 * by its Ids' prefix.
 */
export function trackFieldHistory(
	schema: Schema,
	store: Store,
	objectName: string,
	fields: string[],
): string {
	const parent = schema.get(objectName);
	if (!parent) throw new Error(`no object ${objectName}`);
	const custom = parent.name.endsWith('__c');
	const historyName = custom ? `${parent.name.slice(0, -3)}__History` : `${parent.name}History`;
	const parentField = custom ? 'ParentId' : `${parent.name}Id`;
	if (!schema.get(historyName)) {
		CHILD_RELATIONSHIP_NAMES[`${historyName}.${parentField}`] = 'Histories';
		const readOnly = { createable: false, updateable: false };
		schema.add({
			name: historyName,
			label: `${parent.properties.label} History`,
			labelPlural: `${parent.properties.label} History`,
			keyPrefix: `0H${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.charAt(historyPrefixes++ % 36)}`,
			createable: false,
			updateable: false,
			deletable: false,
			fields: [
				...standardFields().filter((f) => /^(Id|IsDeleted|CreatedDate|CreatedById)$/.test(f.name)),
				completeField({
					name: parentField,
					type: 'reference',
					label: `${parent.properties.label} ID`,
					nillable: false,
					referenceTo: [parent.name],
					relationshipName: custom ? 'Parent' : parent.name,
					...readOnly,
				}),
				completeField({
					name: 'Field',
					type: 'picklist',
					label: 'Changed Field',
					nillable: false,
					picklist: ['created', ...parent.fields.map((f) => f.name)],
					...readOnly,
				}),
				completeField({
					name: 'DataType',
					type: 'picklist',
					label: 'Data Type',
					picklist: ['Text', 'Phone', 'Currency', 'Double', 'DynamicEnum', 'EntityId', 'Boolean'],
					...readOnly,
				}),
				completeField({ name: 'OldValue', type: 'anyType', label: 'Old Value', ...readOnly }),
				completeField({ name: 'NewValue', type: 'anyType', label: 'New Value', ...readOnly }),
			],
		});
	}
	const tracked = new Set(fields);
	store.historyHooks.push((type, before, after, user, now) => {
		if (type.name !== parent.name) return;
		const rows = before
			? [...tracked]
					.filter((f) => before[f] !== after[f])
					.map((f) => ({ Field: f, OldValue: before[f] ?? null, NewValue: after[f] ?? null }))
			: [{ Field: 'created', OldValue: null, NewValue: null }];
		const lag = store.commitLagMs;
		store.commitLagMs = 0;
		try {
			for (const row of rows)
				store.insert(
					historyName,
					{ [parentField]: after.Id, DataType: 'Text', ...row },
					{ audit: { CreatedDate: toSecond(now) }, userId: user },
				);
		} finally {
			store.commitLagMs = lag;
		}
	});
	return historyName;
}

let historyPrefixes = 0;
