import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildQuery } from '../../../shared/soql/buildQuery';
import {
	conditionsToSoql,
	inListOf,
	listOf,
	type Condition,
} from '../../../shared/soql/conditions';
import { queryPages } from '../../../shared/soql/queryPages';
import { splitInList } from '../../../shared/soql/urlBudget';
import type { SalesforceConnection } from '../../../shared/transport/connection';

/**
 * Runs a SOQL query and returns its records as items paired to `itemIndex`, page by page through
 * `nextRecordsUrl`: up to `limit` records, or all of them. Records keep Salesforce's field names;
 * the `attributes` entry Salesforce adds to each record is left out.
 */
export async function queryToItems(
	sf: SalesforceConnection,
	soql: string,
	itemIndex: number,
	limit: number | undefined,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for await (const page of queryPages(sf, soql)) {
		for (const record of page.records) {
			if (limit !== undefined && out.length >= limit) return out;
			out.push({ json: withoutAttributes(record), pairedItem: { item: itemIndex } });
		}
		if (limit !== undefined && out.length >= limit) return out;
	}
	return out;
}

export function withoutAttributes(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (key === 'attributes') continue;
		out[key] =
			value && typeof value === 'object' && !Array.isArray(value) && 'attributes' in value
				? withoutAttributes(value as IDataObject)
				: value;
	}
	return out;
}

/** `returnAll` / `limit` as the node's parameters give them; a limit that is not a positive whole number is refused. */
export function limitOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const given: unknown = ctx.getNodeParameter('limit', itemIndex, 50);
	const limit =
		typeof given === 'number'
			? given
			: typeof given === 'string' && /^\s*\d+\s*$/.test(given)
				? Number(given)
				: NaN;
	if (!Number.isSafeInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Limit "${String(given)}" is not a whole number of 1 or more`,
			{
				itemIndex,
				description:
					'Give how many records to return as digits, such as 50, or switch on Return All.',
			},
		);
	}
	return limit;
}

/**
 * A Get Many whose query is too long for one URL: its longest "is one of" list is split over
 * several queries (each ordered by Id and limited), their records merged in Id order without
 * repeats, up to the limit. When no split fits (no such list, or one value too long alone), the
 * item fails with a clear error and the other items go on.
 */
export async function splitQueryToItems(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	q: {
		describe: DescribeSObjectResult;
		fields: string[];
		conditions: Condition[];
		limit: number | undefined;
		itemIndex: number;
	},
): Promise<INodeExecutionData[]> {
	const tooLong = (why: string) =>
		new NodeOperationError(
			ctx.getNode(),
			`Conditions: the query is too long for Salesforce (${why})`,
			{
				itemIndex: q.itemIndex,
				description: `Item ${q.itemIndex}: Salesforce takes at most about 16,000 characters of query. Shorten the values, or split the list over several items.`,
			},
		);
	const lists = q.conditions
		.map((c, i) => ({ i, c, n: c.operator === 'in' ? listOf(c.value).length : 0 }))
		.filter((x) => x.n > 1);
	if (lists.length === 0) throw tooLong('no "is one of" list to split');
	const longest = lists.reduce((a, b) => (b.n > a.n ? b : a));
	const others = conditionsToSoql(
		q.describe,
		q.conditions.filter((_, i) => i !== longest.i),
	);
	const { field, literals } = inListOf(q.describe, longest.c);
	// Id is read to merge without repeats, and left out again when it was not asked for.
	const withId = q.fields.some((f) => f.toLowerCase() === 'id');
	const queryOf = (list: string[]) =>
		buildQuery({
			fields: withId ? q.fields : ['Id', ...q.fields],
			from: q.describe.name,
			where: [others, `${field} IN (${list.join(', ')})`],
			orderBy: ['Id'],
			limit: q.limit,
		});
	const split = splitInList([...new Set(literals)], queryOf);
	if (split.tooLong.length > 0)
		throw tooLong(`one value of ${field} has ${split.tooLong[0].length} characters`);
	const byId = new Map<string, INodeExecutionData>();
	for (const { soql } of split.queries) {
		for (const item of await queryToItems(sf, soql, q.itemIndex, q.limit))
			byId.set(String(item.json.Id), item);
	}
	const merged = [...byId.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([, item]) => item);
	if (!withId) for (const item of merged) delete item.json.Id;
	return q.limit === undefined ? merged : merged.slice(0, q.limit);
}
