import type { Clock } from '../core/clock';
import { makeId } from '../core/ids';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import type { SandboxOrg } from '../org';
import type { ChildIndex } from './child-index';
import type { Snapshot } from './execute';
import type { CompiledQuery } from './types';

const DAY = 86_400_000;

/** The rest of a query's result, behind a locator (`01gSb0000000001AAA-2000`). */
export interface Cursor {
	id: string;
	/** The ordered rows of the result (references: rows are replaced on update, never mutated). */
	rows: readonly Row[];
	query: CompiledQuery;
	type: SObjectType;
	snapshot: Snapshot;
	/** Opened by queryAll: its next pages are under /queryAll. */
	all: boolean;
	createdAt: number;
}

/**
 * The org's open query cursors. Salesforce keeps a cursor and its results for 2 days and, since
 * API 56.0, does not limit how many are open; the sandbox also bounds what they hold in memory,
 * dropping the least recently used cursor first (its locator then answers INVALID_QUERY_LOCATOR).
 */
export class CursorRegistry {
	/** How long a cursor stays usable after the query ran. */
	lifetimeMs = 2 * DAY;
	maxCursors = 2000;
	/** Row references held by open cursors and the child indexes they pin. */
	maxHeldRows = 5_000_000;

	private readonly cursors = new Map<string, Cursor>();
	private readonly pinned = new Map<ChildIndex, number>();
	private held = 0;
	private sequence = 0;

	constructor(private readonly clock: Clock) {}

	open(fields: Omit<Cursor, 'id' | 'createdAt'>): Cursor {
		const cursor: Cursor = {
			...fields,
			id: makeId('01g', ++this.sequence * 7919 + 104729),
			createdAt: this.clock.now(),
		};
		this.cursors.set(cursor.id, cursor);
		this.held += cursor.rows.length;
		for (const index of new Set(cursor.snapshot.indexes.values())) {
			const n = this.pinned.get(index) ?? 0;
			if (n === 0) this.held += index.size;
			this.pinned.set(index, n + 1);
		}
		for (const [id, oldest] of this.cursors) {
			if (this.cursors.size <= this.maxCursors && this.held <= this.maxHeldRows) break;
			if (id !== cursor.id) this.close(oldest);
		}
		return cursor;
	}

	/** The cursor of a locator; undefined when unknown, expired or dropped. */
	find(id: string): Cursor | undefined {
		const cursor = this.cursors.get(id);
		if (!cursor) return undefined;
		if (this.clock.now() - cursor.createdAt >= this.lifetimeMs) {
			this.close(cursor);
			return undefined;
		}
		this.cursors.delete(id);
		this.cursors.set(id, cursor);
		return cursor;
	}

	get size(): number {
		return this.cursors.size;
	}

	/** Closes every cursor (their locators become invalid). */
	clear(): void {
		for (const cursor of [...this.cursors.values()]) this.close(cursor);
	}

	private close(cursor: Cursor): void {
		if (!this.cursors.delete(cursor.id)) return;
		this.held -= cursor.rows.length;
		for (const index of new Set(cursor.snapshot.indexes.values())) {
			const n = (this.pinned.get(index) ?? 1) - 1;
			if (n > 0) this.pinned.set(index, n);
			else {
				this.pinned.delete(index);
				this.held -= index.size;
			}
		}
	}
}

const registries = new WeakMap<SandboxOrg, CursorRegistry>();

/** The org's query cursors (tests may shorten `lifetimeMs` or lower the bounds). */
export function queryCursors(org: SandboxOrg): CursorRegistry {
	let registry = registries.get(org);
	if (!registry) registries.set(org, (registry = new CursorRegistry(org.clock)));
	return registry;
}
