import type { Clock } from './clock';
import { makeId } from './ids';
import type { Schema, SObjectType } from './schema';

/**
 * A stored record: field values keyed by their API names, as the sandbox holds them internally:
 * date-times as epoch milliseconds (whole seconds), dates as `YYYY-MM-DD`, everything else as JSON would carry it.
 */
export type Row = Record<string, unknown>;

/**
 * Salesforce stores date-times to the second (every date-time it answers ends in `.000+0000`), so
 * two changes of one record within one second carry the same SystemModstamp. The sandbox rounds
 * down the same way: the times it sets and the date-times it is given.
 */
export function toSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

export interface WriteOptions {
	/** The user the write runs as (CreatedById / LastModifiedById / default OwnerId). */
	userId?: string;
	/** Backdates audit fields and ClosedDate, as a data load with "Set Audit Fields" may. */
	audit?: { CreatedDate?: number; ClosedDate?: number | null };
	/** The new record's Id, when it is the face of another record (a ContentNote's Id is its ContentDocument's). */
	id?: string;
}

interface Pending {
	visibleAt: number;
	apply: () => void;
}

/** The org's data. Writes become visible to reads at once, or after the commit lag. */
export class Store {
	private readonly tables = new Map<string, Map<string, Row>>();
	/** Deleted rows (the recycle bin), which `queryAll` still sees. */
	private readonly deleted = new Map<string, Map<string, Row>>();
	private readonly sequences = new Map<string, number>();
	private readonly autoNumbers = new Map<string, number>();
	private pending: Pending[] = [];
	/** A change becomes visible this long after its SystemModstamp (a late-committing transaction). */
	commitLagMs = 0;
	/** Field history of other objects (see fieldHistory.ts): called as each write commits, with the write's second. */
	readonly historyHooks: Array<
		(type: SObjectType, before: Row | undefined, after: Row, user: string, now: number) => void
	> = [];
	/** Case statuses that close a case (IsClosed = true). */
	closedStatuses = new Set(['Closed']);
	/** The user writes run as when no session names one. */
	defaultUserId = '';
	/** When each object's rows last changed (a counter), so that indexes over them know when to rebuild. */
	private readonly revisions = new Map<string, number>();
	private revisionCounter = 0;

	constructor(
		readonly schema: Schema,
		readonly clock: Clock,
	) {}

	/** Every visible row of an object; with `includeDeleted`, the deleted ones too (as queryAll sees them). */
	rows(objectName: string, opts: { includeDeleted?: boolean } = {}): Row[] {
		this.flush();
		const name = this.canonical(objectName);
		const live = [...this.table(name).values()];
		if (!opts.includeDeleted) return live;
		return [...live, ...(this.deleted.get(name)?.values() ?? [])];
	}

	/** A number that changes whenever an object's visible rows or its recycle bin change (for indexes over them). */
	revision(objectName: string): number {
		this.flush();
		return this.revisions.get(this.canonical(objectName)) ?? 0;
	}

	/** How many visible rows an object has. */
	count(objectName: string): number {
		this.flush();
		return this.table(this.canonical(objectName)).size;
	}

	/** A visible row by Id (15 or 18 characters), of the given object or whichever its prefix names. */
	get(id: string, objectName?: string): Row | undefined {
		this.flush();
		const type = objectName ? this.schema.get(objectName) : this.schema.forId(id);
		if (!type) return undefined;
		const table = this.table(type.name);
		if (id.length === 18) return table.get(id);
		for (const [key, row] of table) if (key.startsWith(id)) return row;
		return undefined;
	}

	/** Inserts a record and returns its Id; system fields, defaults and autonumbers are filled in. */
	insert(objectName: string, values: Row, opts: WriteOptions = {}): string {
		const type = this.type(objectName);
		const now = toSecond(this.clock.now());
		const id = opts.id ?? this.nextId(type);
		const user = opts.userId ?? this.defaultUserId;
		const row: Row = {};
		for (const f of type.fields) {
			if (f.defaultValue !== null && f.defaultValue !== undefined && f.type !== 'reference')
				row[f.name] = f.defaultValue;
			else row[f.name] = f.type === 'boolean' ? false : null;
		}
		for (const [k, v] of Object.entries(values))
			row[type.field(k)?.name ?? k] = storedValue(type, k, v);
		const created = toSecond(opts.audit?.CreatedDate ?? now);
		Object.assign(row, { Id: id, IsDeleted: false });
		if (type.field('CreatedDate')) row.CreatedDate = created;
		if (type.field('CreatedById')) row.CreatedById = row.CreatedById ?? user;
		if (type.field('LastModifiedDate')) row.LastModifiedDate = created;
		if (type.field('LastModifiedById')) row.LastModifiedById = row.LastModifiedById ?? user;
		if (type.field('SystemModstamp')) row.SystemModstamp = now;
		if (type.field('OwnerId') && !row.OwnerId) row.OwnerId = user;
		for (const f of type.fields)
			if (f.autoNumber) row[f.name] = this.nextAutoNumber(type.name, f.name);
		this.derive(type, row, undefined, now, opts);
		// A row built field by field keeps a large dictionary-mode shape; a spread copy is compact
		// (about a quarter of the memory, which matters at 100,000 cases with their emails).
		const compact: Row = { ...row };
		this.commit(this.clock.now(), () => {
			this.table(type.name).set(id, compact);
			this.touch(type.name);
			this.recordHistory(type, undefined, compact, user, now);
		});
		return id;
	}

	/** Updates a visible record; returns false when there is none. */
	update(objectName: string, id: string, values: Row, opts: WriteOptions = {}): boolean {
		const type = this.type(objectName);
		const current = this.get(id, type.name);
		if (!current) return false;
		const now = toSecond(this.clock.now());
		const user = opts.userId ?? this.defaultUserId;
		const next: Row = { ...current };
		for (const [k, v] of Object.entries(values))
			next[type.field(k)?.name ?? k] = storedValue(type, k, v);
		if (type.field('LastModifiedDate')) next.LastModifiedDate = now;
		if (type.field('LastModifiedById')) next.LastModifiedById = user;
		if (type.field('SystemModstamp')) next.SystemModstamp = now;
		this.derive(type, next, current, now, opts);
		const key = current.Id as string;
		this.commit(this.clock.now(), () => {
			const before = this.table(type.name).get(key);
			this.table(type.name).set(key, next);
			this.touch(type.name);
			this.recordHistory(type, before, next, user, now);
		});
		return true;
	}

	/** Deletes a visible record and the children whose reference cascades; returns false when there is none. */
	delete(objectName: string, id: string): boolean {
		const type = this.type(objectName);
		const row = this.get(id, type.name);
		if (!row) return false;
		this.moveToRecycleBin(type.name, row);
		for (const rel of this.schema.childRelationships(type.name)) {
			if (!['EmailMessage', 'CaseComment', 'CaseHistory'].includes(rel.childSObject)) continue;
			for (const child of [...this.table(rel.childSObject).values()])
				if (child[rel.field] === row.Id) this.moveToRecycleBin(rel.childSObject, child);
		}
		return true;
	}

	private moveToRecycleBin(objectName: string, row: Row): void {
		this.table(objectName).delete(row.Id as string);
		this.touch(objectName);
		let bin = this.deleted.get(objectName);
		if (!bin) this.deleted.set(objectName, (bin = new Map()));
		const type = this.type(objectName);
		const now = toSecond(this.clock.now());
		bin.set(row.Id as string, {
			...row,
			IsDeleted: true,
			...(type.field('SystemModstamp') ? { SystemModstamp: now } : {}),
		});
	}

	/**
	 * Restores a deleted record from the recycle bin, with the children its deletion took along, as
	 * Salesforce's undelete does: it keeps its Id and CreatedDate and gets a new SystemModstamp.
	 * Returns false when the bin holds no such record. The restore commits like a write (commit lag).
	 */
	undelete(objectName: string, id: string): boolean {
		const type = this.type(objectName);
		const row = this.deleted.get(type.name)?.get(id);
		if (!row) return false;
		const now = toSecond(this.clock.now());
		const restore = (name: string, r: Row) => {
			this.deleted.get(name)?.delete(r.Id as string);
			const withStamp = this.type(name).field('SystemModstamp') ? { SystemModstamp: now } : {};
			this.table(name).set(r.Id as string, { ...r, IsDeleted: false, ...withStamp });
			this.touch(name);
		};
		this.commit(this.clock.now(), () => {
			restore(type.name, row);
			for (const rel of this.schema.childRelationships(type.name)) {
				if (!['EmailMessage', 'CaseComment', 'CaseHistory'].includes(rel.childSObject)) continue;
				for (const child of [...(this.deleted.get(rel.childSObject)?.values() ?? [])])
					if (child[rel.field] === row.Id) restore(rel.childSObject, child);
			}
		});
		return true;
	}

	/** Applies the writes whose commit time has come. */
	flush(): void {
		if (this.pending.length === 0) return;
		const now = this.clock.now();
		const due = this.pending.filter((p) => p.visibleAt <= now);
		if (due.length === 0) return;
		this.pending = this.pending.filter((p) => p.visibleAt > now);
		for (const p of due) p.apply();
	}

	/** Writes still waiting for their commit. */
	get pendingCount(): number {
		return this.pending.length;
	}

	/**
	 * A restore point for an all-or-none request: calling the returned function puts every table,
	 * the recycle bin and the pending commits back as they were. Rows are replaced, never mutated,
	 * so copying the maps is enough. Ids and autonumbers stay consumed, as in Salesforce.
	 */
	savepoint(): () => void {
		const copy = (m: Map<string, Map<string, Row>>) =>
			new Map([...m].map(([k, t]) => [k, new Map(t)]));
		const tables = copy(this.tables);
		const deleted = copy(this.deleted);
		const pending = [...this.pending];
		return () => {
			this.tables.clear();
			for (const [k, t] of tables) this.tables.set(k, t);
			this.deleted.clear();
			for (const [k, t] of deleted) this.deleted.set(k, t);
			this.pending = pending;
			this.touchAll();
		};
	}

	/** Removes every record. */
	clear(): void {
		this.touchAll();
		this.tables.clear();
		this.deleted.clear();
		this.pending = [];
	}

	type(objectName: string): SObjectType {
		const type = this.schema.get(objectName);
		if (!type) throw new Error(`no object ${objectName}`);
		return type;
	}

	private canonical(objectName: string): string {
		return this.type(objectName).name;
	}

	private touch(objectName: string): void {
		this.revisions.set(objectName, ++this.revisionCounter);
	}

	private touchAll(): void {
		for (const name of new Set([
			...this.revisions.keys(),
			...this.tables.keys(),
			...this.deleted.keys(),
		]))
			this.touch(name);
	}

	private table(name: string): Map<string, Row> {
		let t = this.tables.get(name);
		if (!t) this.tables.set(name, (t = new Map()));
		return t;
	}

	private commit(now: number, apply: () => void): void {
		if (this.commitLagMs <= 0) apply();
		else this.pending.push({ visibleAt: now + this.commitLagMs, apply });
	}

	private nextId(type: SObjectType): string {
		const n = (this.sequences.get(type.name) ?? 0) + 1;
		this.sequences.set(type.name, n);
		return makeId(type.keyPrefix, n * 7919 + 104729);
	}

	private nextAutoNumber(objectName: string, field: string): string {
		const key = `${objectName}.${field}`;
		const n = (this.autoNumbers.get(key) ?? (objectName === 'Case' ? 1000 : 0)) + 1;
		this.autoNumbers.set(key, n);
		if (objectName === 'MessagingSession') return `MS-${String(n).padStart(7, '0')}`;
		return String(n).padStart(8, '0');
	}

	/** Fields Salesforce computes: compound names, and a Case's IsClosed / ClosedDate from its Status. */
	private derive(
		type: SObjectType,
		row: Row,
		before: Row | undefined,
		now: number,
		opts: WriteOptions,
	): void {
		if (type.field('FirstName') && type.field('Name') && !type.field('Name')?.createable) {
			row.Name = [row.FirstName, row.LastName]
				.filter((v) => v !== null && v !== undefined && v !== '')
				.join(' ');
		}
		if (type.name !== 'Case') return;
		const closed = typeof row.Status === 'string' && this.closedStatuses.has(row.Status);
		row.IsClosed = closed;
		if (opts.audit && 'ClosedDate' in opts.audit)
			row.ClosedDate = closed ? toSecond(opts.audit.ClosedDate ?? now) : null;
		else if (!closed) row.ClosedDate = null;
		else if (!before?.IsClosed) row.ClosedDate = now;
	}

	/** Case field history (Owner and Status are tracked), as an org with history tracking on keeps it. */
	private recordHistory(
		type: SObjectType,
		before: Row | undefined,
		after: Row,
		user: string,
		now: number,
	): void {
		for (const hook of this.historyHooks) hook(type, before, after, user, now);
		if (type.name !== 'Case') return;
		const history = this.type('CaseHistory');
		const add = (field: string, oldValue: unknown, newValue: unknown, dataType: string) => {
			const id = this.nextId(history);
			this.touch('CaseHistory');
			this.table('CaseHistory').set(id, {
				Id: id,
				IsDeleted: false,
				CaseId: after.Id,
				Field: field,
				DataType: dataType,
				OldValue: oldValue ?? null,
				NewValue: newValue ?? null,
				CreatedDate: before ? now : (after.CreatedDate as number),
				CreatedById: user,
			});
		};
		if (!before) {
			add('created', null, null, 'Text');
			return;
		}
		if (before.OwnerId !== after.OwnerId) add('Owner', before.OwnerId, after.OwnerId, 'EntityId');
		if (before.Status !== after.Status) add('Status', before.Status, after.Status, 'DynamicEnum');
	}
}

/** A value as stored: a date-time field's epoch ms rounded down to the second. */
function storedValue(type: SObjectType, name: string, value: unknown): unknown {
	return typeof value === 'number' && type.field(name)?.type === 'datetime'
		? toSecond(value)
		: value;
}
