import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MappingDescribe, MappingField } from '../../../../shared/fieldMapping/fieldRules';
import { forgetSchema, objectSchema } from '../../../../shared/schema/keptSchemas';
import type { SalesforceConnection } from '../../../../shared/transport/connection';
import { toNodeError } from '../../../../shared/transport/errorBoundary';
import {
	openWriteLedger,
	refusedBeforeWriting,
	writeInBatches,
	writeResultsToItems,
	type WriteFailure,
	type WriteResult,
} from '../../../../shared/writes';
import { checkAgainstSchema, explainRefusals } from '../keptDescribe';
import { fillOwnerIds, ownerByEmailProperties } from '../ownerByEmail';
import type { ResourceOperation } from '../genericOperations';
import { entriesOf } from './entries';
import {
	canMatchOn,
	lookupQueries,
	matchKey,
	matchLiteral,
	runLookups,
	type MultipleMatchRule,
} from './lookup';
import { findOrCreateProperties } from './parameters';
import {
	planWrites,
	type Entry,
	type FindOrCreateAction,
	type Outcome,
	type UpdatePolicy,
} from './plan';

/**
 * Find or Create for a fixed object: one lookup for all the items (split only when the IN list
 * is long), then one Collections batch of creates and one of updates.
 */
export function findOrCreateOperation(resource: string, objectName: string): ResourceOperation {
	return {
		description: [
			...findOrCreateProperties(resource),
			...ownerByEmailProperties(resource, ['findOrCreate']),
		],
		async execute(sf) {
			return findOrCreate(this, sf, objectName);
		},
	};
}

async function findOrCreate(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	objectName: string,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const picked = String(ctx.getNodeParameter('matchField', 0, 'Email')).trim();
	const matchFieldIn = (d: MappingDescribe): MappingField | undefined => {
		const field = d.fields.find((f) => f.name.toLowerCase() === picked.toLowerCase());
		return field && canMatchOn(field) ? field : undefined;
	};
	// The describe may be kept from an earlier execution (see keptSchemas.ts): when it cannot match
	// on the field or refuses an item, the object is described again, once, before anything is refused.
	const {
		describe,
		checked: { matchField, mapped },
		mayBeStale,
	} = await checkAgainstSchema(
		sf,
		objectName,
		await objectSchema(ctx, sf, objectName),
		(d) => {
			const field = matchFieldIn(d);
			return { matchField: field, mapped: field ? entriesOf(ctx, d, field) : [] };
		},
		(c) => !c.matchField || c.mapped.some((e) => e.failure || e.createFailure),
	);
	if (!matchField) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${describe.label} records cannot be matched on "${picked}"`,
			{
				description:
					'Pick a text, number or checkbox field that can be filtered on, such as Email.',
			},
		);
	}
	const policy = ctx.getNodeParameter('updatePolicy', 0, 'keep') as UpdatePolicy;
	const rule = ctx.getNodeParameter('multipleMatches', 0, 'lastModified') as MultipleMatchRule;
	const allOrNone = ctx.getNodeParameter('allOrNone', 0, false) as boolean;

	const entries = await withOwners(ctx, sf, mapped);
	const literals = new Map<string, string>();
	const selected = new Set<string>();
	for (const entry of entries) {
		if (entry.failure || entry.key === undefined || !entry.body) continue;
		literals.set(entry.key, matchLiteral(matchField, entry.body[matchField.name]));
		if (policy !== 'keep')
			for (const [field, value] of Object.entries(entry.body))
				if (typeof value !== 'object' || value === null) selected.add(field);
	}
	const queries =
		literals.size > 0
			? lookupQueries(describe, matchField.name, [...selected], [...literals.values()])
			: [];
	const matchesByKey = new Map<string, IDataObject[]>();
	let found: IDataObject[];
	try {
		found = await runLookups(sf, queries);
	} catch (error) {
		// A lookup Salesforce refused may come from a kept describe out of date: the next execution describes.
		if (mayBeStale) forgetSchema(sf, objectName);
		throw toNodeError(ctx.getNode(), error);
	}
	for (const record of found) {
		const key = matchKey(matchField, record[matchField.name]);
		matchesByKey.set(key, [...(matchesByKey.get(key) ?? []), record]);
	}

	const plan = planWrites(entries, matchesByKey, {
		matchField: matchField.name,
		policy,
		rule,
		objectLabel: describe.label,
	});
	// Every item is checked (values, owner, matches) before the first write.
	refusedBeforeWriting(
		ctx,
		[...plan.outcomes.values()].flatMap((o): WriteFailure[] =>
			o.kind === 'failed' ? [o.failure] : [],
		),
	);
	const ledger = openWriteLedger(ctx);
	const write = async (operation: 'create' | 'update', records: typeof plan.creates) =>
		records.length > 0
			? await writeInBatches(
					sf,
					{ operation, objectName: describe.name, records, allOrNone },
					{ ledger: ledger?.scope({ operation, objectName: describe.name }) },
				)
			: [];
	const rows = {
		create: await write('create', plan.creates),
		update: await write('update', plan.updates),
	};
	if (mayBeStale) {
		// Rows Salesforce refused for a reason a fresh describe would have caught: explained by one.
		const field = matchField;
		const explain =
			(operation: 'create' | 'update') => (fresh: MappingDescribe, only: Set<number>) => {
				const freshField = matchFieldIn(fresh) ?? field;
				return entriesOf(ctx, fresh, freshField, only).flatMap((e) => {
					const failure = e.failure ?? (operation === 'create' ? e.createFailure : undefined);
					return failure ? [failure] : [];
				});
			};
		rows.create = await explainRefusals(sf, objectName, rows.create, explain('create'));
		rows.update = await explainRefusals(sf, objectName, rows.update, explain('update'));
	}

	const actions = new Map<number, FindOrCreateAction>();
	const results = items.map((_, itemIndex) =>
		resultOf(itemIndex, plan.outcomes.get(itemIndex), rows, actions),
	);
	return writeResultsToItems(ctx, results, items, {
		successJson: (result) => ({
			action: actions.get(result.itemIndex) ?? 'matched',
			id: result.id,
			success: true,
		}),
	});
}

function resultOf(
	itemIndex: number,
	outcome: Outcome | undefined,
	rows: Record<'create' | 'update', WriteResult[]>,
	actions: Map<number, FindOrCreateAction>,
): WriteResult {
	if (!outcome)
		return {
			itemIndex,
			success: false,
			errorCode: 'UNKNOWN_ERROR',
			message: 'The item was not handled',
			fields: [],
		};
	if (outcome.kind === 'failed') return { ...outcome.failure, itemIndex };
	actions.set(itemIndex, outcome.action);
	if (outcome.kind === 'done') return { itemIndex, success: true, id: outcome.id };
	const row = rows[outcome.row.batch][outcome.row.position];
	return { ...row, itemIndex };
}

/**
 * The owner given by email goes into each item's values, so that it follows the update policy like
 * any other field: set on a created record, and on a found one only when its values are overwritten.
 */
async function withOwners(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	entries: Entry[],
): Promise<Entry[]> {
	const withBody = entries.filter((e) => !e.failure && e.body);
	const owned = await fillOwnerIds(
		ctx,
		sf,
		withBody.map((e) => ({ itemIndex: e.itemIndex, fields: e.body as IDataObject })),
	);
	const bodies = new Map(owned.records.map((r) => [r.itemIndex, r.fields]));
	const refused = new Map(owned.refused.map((r) => [r.itemIndex, r]));
	return entries.map((e) =>
		refused.has(e.itemIndex)
			? { ...e, failure: refused.get(e.itemIndex) }
			: bodies.has(e.itemIndex)
				? { ...e, body: bodies.get(e.itemIndex) }
				: e,
	);
}
