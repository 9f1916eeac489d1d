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
export function sortRows(rows: readonly Row[], keys: SortKey[], ctx: QueryContext): Row[] {
	if (keys.length === 0) return [...rows];
	const decorated = rows.map((row) => ({
		row,
		values: keys.map((k) => sortValue(k, readPath(ctx.schema, ctx.store, k.path, row))),
	}));
	decorated.sort((a, b) => {
		for (let i = 0; i < keys.length; i++) {
			const c = compareValues(a.values[i], b.values[i], keys[i]);
			if (c !== 0) return c;
		}
		return 0;
	});
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
