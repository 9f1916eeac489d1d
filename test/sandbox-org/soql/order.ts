import type { OrderByClause } from '@jetstreamapp/soql-parser-js';

import type { Row } from '../core/store';
import { categoryOf } from './compare';
import { notInSandbox, queryError } from './errors';
import { readPath } from './paths';
import { offsetOf, resolveWritten, type Scope } from './scope';
import type { QueryContext, SortKey } from './types';

// ORDER BY: ascending unless DESC, nulls first unless NULLS LAST (Salesforce's documented
// default for both directions), text compared case-insensitively, ties kept in store order.

export function compileOrder(
	orderBy: OrderByClause | OrderByClause[] | undefined,
	scope: Scope,
): SortKey[] {
	const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
	return clauses.map((clause) => {
		const source = scope.env.source;
		if (!('field' in clause)) {
			const name = clause.fn.functionName ?? 'A function';
			throw notInSandbox(
				`${name}() in ORDER BY`,
				source,
				source.word(scope.id, name, 'ORDER')?.start,
			);
		}
		const path = resolveWritten(scope, clause.field, 'ORDER');
		if (!path.field.sortable) {
			throw queryError(
				'MALFORMED_QUERY',
				`field '${path.field.name}' can not be sorted in a query call`,
				source,
				offsetOf(scope, clause.field, 'ORDER'),
			);
		}
		return { path, descending: clause.order === 'DESC', nullsFirst: clause.nulls !== 'LAST' };
	});
}

type SortValue = string | number | null;

function sortValue(key: SortKey, value: unknown): SortValue {
	if (value === null || value === undefined || value === '') return null;
	switch (categoryOf(key.path.field)) {
		case 'text':
		case 'multipicklist':
			return String(value).toUpperCase();
		case 'boolean':
			return value ? 1 : 0;
		case 'number':
		case 'datetime':
			return typeof value === 'number' ? value : Number(value);
		default:
			return String(value);
	}
}

/** The rows sorted by the keys (a new array; the input is left alone). */
export function sortRows(
	rows: readonly Row[],
	keys: SortKey[],
	ctx: QueryContext,
	/** Only the first this many are wanted (a LIMIT): the rest may be left out. */
	first?: number,
): Row[] {
	if (keys.length === 0) return [...rows];
	type Decorated = { row: Row; values: SortValue[] };
	const decorate = (row: Row): Decorated => ({
		row,
		values: keys.map((k) => sortValue(k, readPath(ctx.schema, ctx.store, k.path, row))),
	});
	const compare = (a: Decorated, b: Decorated) => {
		for (let i = 0; i < keys.length; i++) {
			const c = compareValues(a.values[i], b.values[i], keys[i]);
			if (c !== 0) return c;
		}
		return 0;
	};
	if (first === 0) return [];
	if (first !== undefined && first * 8 < rows.length) {
		// A small LIMIT over many rows (a keyset page): the first rows in order, kept by insertion
		// after their equals, which is what the stable sort below would give, without sorting them all.
		const top: Decorated[] = [];
		for (const row of rows) {
			const d = decorate(row);
			if (top.length === first && compare(d, top[first - 1]) >= 0) continue;
			let lo = 0;
			let hi = top.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (compare(d, top[mid]) < 0) hi = mid;
				else lo = mid + 1;
			}
			top.splice(lo, 0, d);
			if (top.length > first) top.pop();
		}
		return top.map((d) => d.row);
	}
	const decorated = rows.map(decorate);
	decorated.sort(compare);
	return decorated.map((d) => d.row);
}

function compareValues(a: SortValue, b: SortValue, key: SortKey): number {
	if (a === null || b === null) {
		if (a === b) return 0;
		return (a === null) === key.nullsFirst ? -1 : 1;
	}
	const c = a < b ? -1 : a > b ? 1 : 0;
	return key.descending ? -c : c;
}
