import type { FieldDescribe } from '../core/describe-types';
import type { Schema, SObjectType } from '../core/schema';
import type { Row, Store } from '../core/store';
import type { AggregatePlan } from './aggregate';
import type { Hop, ResolvedPath } from './paths';

/** What evaluating a query needs: the org's data and the instant the query ran (date literals are relative to it). */
export interface QueryContext {
	schema: Schema;
	store: Store;
	now: number;
	/** queryAll: deleted rows count too. */
	includeDeleted: boolean;
	/** Values of semi-join subqueries, computed once per run. */
	semiJoins: Map<object, Set<string>>;
}

export type Predicate = (row: Row, ctx: QueryContext) => boolean;

/** What a SELECT list writes for each record, as a tree: fields, parents (nested objects) and child results. */
export type SelectNode =
	| { kind: 'field'; key: string; field: FieldDescribe }
	| { kind: 'parent'; key: string; hop: Hop; children: SelectNode[] }
	| { kind: 'children'; key: string; child: ChildQuery };

export interface SortKey {
	path: ResolvedPath;
	descending: boolean;
	nullsFirst: boolean;
}

export interface CompiledQuery {
	type: SObjectType;
	select: SelectNode[];
	where?: Predicate;
	order: SortKey[];
	limit?: number;
	offset?: number;
	/** `SELECT COUNT()`: only totalSize is answered. */
	countOnly: boolean;
	/** Aggregate functions or GROUP BY: AggregateResult records. */
	aggregate?: AggregatePlan;
	/** Parent-child subqueries, in SELECT order. */
	children: ChildQuery[];
}

/** `(SELECT ... FROM EmailMessages)`: a child relationship of the outer object and the query over it. */
export interface ChildQuery {
	/** The relationship name as the describe has it: the key of the child result in JSON. */
	relationshipName: string;
	childType: SObjectType;
	/** The reference field on the child that points at the parent (`ParentId`). */
	referenceField: string;
	query: CompiledQuery;
}
