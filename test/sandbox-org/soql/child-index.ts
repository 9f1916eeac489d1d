import type { Row, Store } from '../core/store';

/**
 * Child rows by parent Id for one reference field (EmailMessage.ParentId), so that a subquery
 * finds a parent's children without scanning every child. Built lazily, rebuilt when the child
 * object changes, and never mutated once built: a cursor that holds one holds a snapshot.
 */
export interface ChildIndex {
	byParent: ReadonlyMap<string, readonly Row[]>;
	/** Rows the index refers to (what holding it costs). */
	size: number;
}

const EMPTY: readonly Row[] = [];
const cache = new WeakMap<Store, Map<string, { revision: number; index: ChildIndex }>>();

export function childIndex(
	store: Store,
	childObject: string,
	referenceField: string,
	includeDeleted: boolean,
): ChildIndex {
	let byKey = cache.get(store);
	if (!byKey) cache.set(store, (byKey = new Map()));
	const key = `${childObject}.${referenceField}.${includeDeleted}`;
	const revision = store.revision(childObject);
	const hit = byKey.get(key);
	if (hit && hit.revision === revision) return hit.index;
	const byParent = new Map<string, Row[]>();
	const rows = store.rows(childObject, { includeDeleted });
	for (const row of rows) {
		const parentId = row[referenceField];
		if (typeof parentId !== 'string' || parentId === '') continue;
		const list = byParent.get(parentId);
		if (list) list.push(row);
		else byParent.set(parentId, [row]);
	}
	const index: ChildIndex = { byParent, size: rows.length };
	byKey.set(key, { revision, index });
	return index;
}

export function childrenOf(index: ChildIndex, parentId: unknown): readonly Row[] {
	return typeof parentId === 'string' ? (index.byParent.get(parentId) ?? EMPTY) : EMPTY;
}
