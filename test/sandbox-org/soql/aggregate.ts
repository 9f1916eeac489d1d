import type { GroupByClause, Query, Subquery } from '@jetstreamapp/soql-parser-js';

import { jsonValue } from '../core/records';
import type { Row } from '../core/store';
import { malformed, notInSandbox, queryError } from './errors';
import { readPath, type ResolvedPath } from './paths';
import { offsetOf, resolveWritten, type Scope } from './scope';
import type { QueryContext } from './types';

// Aggregate queries: COUNT(field), COUNT_DISTINCT, SUM, AVG, MIN, MAX, with or without GROUP BY.
// Results are AggregateResult records keyed by alias, `exprN`, or the grouped field's name.
// HAVING, ROLLUP and CUBE are not implemented (they answer a 400 that says so).

type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

type Column =
	| { key: string; kind: 'group'; group: number }
	| { key: string; kind: 'function'; fn: AggregateFunction; path?: ResolvedPath };

export interface AggregatePlan {
	groups: ResolvedPath[];
	columns: Column[];
	order: Array<{ group: number; descending: boolean; nullsFirst: boolean }>;
}

const FUNCTIONS = new Set<string>(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

/** Whether a query is an aggregate query (aggregate functions other than a bare COUNT(), or GROUP BY). */
export function isAggregateQuery(query: Query | Subquery): boolean {
	if (query.groupBy) return true;
	return (query.fields ?? []).some(
		(f) =>
			f.type === 'FieldFunctionExpression' &&
			f.isAggregateFn &&
			!(f.functionName.toUpperCase() === 'COUNT' && f.parameters.length === 0),
	);
}

export function compileAggregate(query: Query | Subquery, scope: Scope): AggregatePlan {
	const source = scope.env.source;
	if (query.having) throw notInSandbox('HAVING', source, source.word(scope.id, 'HAVING')?.start);
	const groupBy: GroupByClause[] =
		query.groupBy === undefined
			? []
			: Array.isArray(query.groupBy)
				? query.groupBy
				: [query.groupBy];
	const groups = groupBy.map((g) => {
		if (!('field' in g))
			throw notInSandbox(
				`${g.fn.functionName ?? 'A function'}() in GROUP BY`,
				source,
				source.word(scope.id, 'GROUP')?.start,
			);
		const path = resolveWritten(scope, g.field, 'GROUP');
		if (!path.field.groupable)
			throw queryError(
				'MALFORMED_QUERY',
				`field '${path.field.name}' can not be grouped in a query call`,
				source,
				offsetOf(scope, g.field, 'GROUP'),
			);
		return path;
	});
	const groupIndex = (path: ResolvedPath) =>
		groups.findIndex((g) => g.canonical.toLowerCase() === path.canonical.toLowerCase());

	let expr = 0;
	const columns: Column[] = (query.fields ?? []).map((f): Column => {
		if (f.type === 'Field' || f.type === 'FieldRelationship') {
			const written =
				f.type === 'Field' ? f.field : (f.rawValue ?? [...f.relationships, f.field].join('.'));
			const path = resolveWritten(scope, written, 'SELECT');
			const group = groupIndex(path);
			if (group < 0)
				throw malformed(
					`Field must be grouped or aggregated: ${path.field.name}`,
					source,
					offsetOf(scope, written, 'SELECT'),
				);
			return { key: ('alias' in f && f.alias) || path.field.name, kind: 'group', group };
		}
		if (
			f.type === 'FieldFunctionExpression' &&
			f.isAggregateFn &&
			FUNCTIONS.has(f.functionName.toUpperCase())
		) {
			const fn = f.functionName.toUpperCase() as AggregateFunction;
			const param = f.parameters[0];
			if (param !== undefined && typeof param !== 'string')
				throw notInSandbox(
					'A function inside an aggregate function',
					source,
					source.word(scope.id, f.functionName)?.start,
				);
			const path = param === undefined ? undefined : resolveWritten(scope, param, 'SELECT');
			return { key: f.alias ?? `expr${expr++}`, kind: 'function', fn, path };
		}
		const name =
			f.type === 'FieldFunctionExpression'
				? `${f.functionName}()`
				: f.type === 'FieldSubquery'
					? 'A subquery in an aggregate query'
					: 'TYPEOF';
		throw notInSandbox(name, source);
	});

	const orderBy =
		query.orderBy === undefined
			? []
			: Array.isArray(query.orderBy)
				? query.orderBy
				: [query.orderBy];
	const order = orderBy.map((o) => {
		const group = 'field' in o ? groupIndex(resolveWritten(scope, o.field, 'ORDER')) : -1;
		if (group < 0)
			throw notInSandbox(
				'ORDER BY an aggregate function',
				source,
				source.word(scope.id, 'ORDER')?.start,
			);
		return { group, descending: o.order === 'DESC', nullsFirst: o.nulls !== 'LAST' };
	});
	return { groups, columns, order };
}

/** The AggregateResult records of the rows (already filtered by WHERE). */
export function runAggregate(
	plan: AggregatePlan,
	rows: readonly Row[],
	ctx: QueryContext,
	limit?: number,
	offset?: number,
): Array<Record<string, unknown>> {
	const buckets = new Map<string, { values: unknown[]; rows: Row[] }>();
	for (const row of rows) {
		const values = plan.groups.map((g) => readPath(ctx.schema, ctx.store, g, row));
		const key = JSON.stringify(values.map((v) => (typeof v === 'string' ? v.toUpperCase() : v)));
		let bucket = buckets.get(key);
		if (!bucket) buckets.set(key, (bucket = { values, rows: [] }));
		bucket.rows.push(row);
	}
	if (plan.groups.length === 0 && buckets.size === 0) buckets.set('[]', { values: [], rows: [] });
	let list = [...buckets.values()];
	if (plan.order.length > 0) {
		list = list.sort((a, b) => {
			for (const o of plan.order) {
				const x = a.values[o.group];
				const y = b.values[o.group];
				if (x === y) continue;
				if (x === null || x === undefined) return o.nullsFirst ? -1 : 1;
				if (y === null || y === undefined) return o.nullsFirst ? 1 : -1;
				const c = upper(x) < upper(y) ? -1 : 1;
				return o.descending ? -c : c;
			}
			return 0;
		});
	}
	const start = offset ?? 0;
	list = list.slice(start, limit === undefined ? undefined : start + limit);
	return list.map((bucket) => {
		const out: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
		for (const column of plan.columns) {
			if (column.kind === 'group')
				out[column.key] = jsonValue(plan.groups[column.group].field, bucket.values[column.group]);
			else out[column.key] = aggregate(column.fn, column.path, bucket.rows, ctx);
		}
		return out;
	});
}

function aggregate(
	fn: AggregateFunction,
	path: ResolvedPath | undefined,
	rows: Row[],
	ctx: QueryContext,
): unknown {
	if (!path) return rows.length;
	const values = rows
		.map((r) => readPath(ctx.schema, ctx.store, path, r))
		.filter((v) => v !== null && v !== undefined && v !== '');
	switch (fn) {
		case 'COUNT':
			return values.length;
		case 'COUNT_DISTINCT':
			return new Set(values.map(upper)).size;
		case 'SUM':
			return values.length === 0 ? null : values.reduce((s: number, v) => s + Number(v), 0);
		case 'AVG':
			return values.length === 0
				? null
				: values.reduce((s: number, v) => s + Number(v), 0) / values.length;
		case 'MIN':
		case 'MAX': {
			if (values.length === 0) return null;
			const pick = values.reduce((best, v) =>
				(fn === 'MIN' ? upper(v) < upper(best) : upper(v) > upper(best)) ? v : best,
			);
			return jsonValue(path.field, pick);
		}
	}
}

function upper(v: unknown): string | number {
	return typeof v === 'number' ? v : String(v).toUpperCase();
}
