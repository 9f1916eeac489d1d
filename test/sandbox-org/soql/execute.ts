import type { Row } from '../core/store';
import { childIndex, childrenOf, type ChildIndex } from './child-index';
import { sortRows } from './order';
import type { ChildQuery, CompiledQuery, QueryContext } from './types';

/** A query with OFFSET answers at most this many rows (observed in real orgs: OFFSET 0 caps totalSize at 2000). */
export const OFFSET_RESULT_CAP = 2000;

/** Child indexes as they were when the query ran: later pages read children from these. */
export type PinnedIndexes = Map<ChildQuery, ChildIndex>;

/** Everything a query's later pages need to answer as of the time it ran. */
export interface Snapshot {
	ctx: QueryContext;
	indexes: PinnedIndexes;
}

/**
 * The rows a query selects, in order. For aggregate queries: the rows WHERE keeps (grouping,
 * ordering and LIMIT apply to the groups).
 */
export function runQuery(query: CompiledQuery, ctx: QueryContext): readonly Row[] {
	const rows = ctx.store.rows(query.type.name, { includeDeleted: ctx.includeDeleted });
	if (query.aggregate) return query.where ? rows.filter((r) => query.where!(r, ctx)) : rows;
	return select(rows, query, ctx, true);
}

/** A parent's children for a subquery, filtered, ordered and limited by it. */
export function childRows(child: ChildQuery, parent: Row, snapshot: Snapshot): readonly Row[] {
	const index = snapshot.indexes.get(child);
	const children = index ? childrenOf(index, parent.Id) : [];
	return children.length === 0 ? children : select(children, child.query, snapshot.ctx, false);
}

/** The child indexes every subquery of the query (at any depth) reads, as of now. */
export function pinIndexes(
	query: CompiledQuery,
	ctx: QueryContext,
	into: PinnedIndexes = new Map(),
): PinnedIndexes {
	for (const child of query.children) {
		into.set(
			child,
			childIndex(ctx.store, child.childType.name, child.referenceField, ctx.includeDeleted),
		);
		pinIndexes(child.query, ctx, into);
	}
	return into;
}

function select(
	rows: readonly Row[],
	query: CompiledQuery,
	ctx: QueryContext,
	topLevel: boolean,
): readonly Row[] {
	let out = query.where ? rows.filter((r) => query.where!(r, ctx)) : rows;
	const start = query.offset ?? 0;
	if (query.order.length > 0)
		out = sortRows(
			out,
			query.order,
			ctx,
			query.limit === undefined ? undefined : start + query.limit,
		);
	let end = query.limit === undefined ? out.length : start + query.limit;
	if (topLevel && query.offset !== undefined) end = Math.min(end, start + OFFSET_RESULT_CAP);
	return start === 0 && end >= out.length ? out : out.slice(start, end);
}
