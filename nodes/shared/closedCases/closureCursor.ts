import type { IDataObject } from 'n8n-workflow';

/**
 * Which closed Cases a poll emits, so that every closure is emitted exactly once.
 *
 * A closure is a Case with IsClosed = true and a given ClosedDate: a case reopened and closed again
 * is a new closure; a closed case edited afterwards (another queue, a comment) is the same one.
 *
 * Backfill (closures from the chosen start until activation) walks the closed cases in
 * (ClosedDate, Id) order with a keyset: edits do not move a case in that order, so each is met once.
 *
 * Live (closures from activation on) reads the closed cases whose SystemModstamp (indexed, set at
 * commit) is at or after the cursor less an overlap window, oldest first. The window re-reads
 * changes that committed late with an older SystemModstamp. A case is emitted unless its closure is
 * already emitted or it closed (or, inserted already closed by a data load, was created) before the
 * floor. The floor trails the last poll that read everything its query returned ("settled"): every
 * closure older than that poll, less the window, has been decided on by then. Emitted closures are
 * kept down to the floor, so a closure re-read after an edit is known.
 *
 * The state is bounded: the keyset or the cursor, and the closures emitted since the floor (those of
 * the last overlap window, plus those of a burst larger than a poll takes, until it is caught up).
 *
 * Salesforce keeps date-times to the second, so a case closed, reopened and closed again within one
 * second has the same ClosedDate (and SystemModstamp) both times. A closure is therefore decided on
 * only once it is settled: its ClosedDate is before the second before the org's time of the answer
 * (`settledBefore`). Any later closing of that case then has a later ClosedDate, so remembering
 * `CaseId|ClosedDate` cannot swallow it. A closure not yet settled is neither emitted nor remembered;
 * the next poll meets it again (the live window reaches back OVERLAP_MS; the floor stays below it).
 * Closings of one case within one second are one closure: the org's data cannot tell them apart.
 */

export const OVERLAP_MS = 10 * 60 * 1000;
/** The floor's margin below the window: ClosedDate may precede SystemModstamp within one commit. */
export const FLOOR_MARGIN_MS = 60 * 1000;
/**
 * A closure is settled once the org's time is past the second after its ClosedDate. The extra second
 * covers a query read in one second and answered (the `Date` header) in the next.
 */
export const SETTLE_MS = 1000;

/** Closures with a ClosedDate before this are settled, for an answer the org gave at `orgTime`. */
export function settledBefore(orgTime: number): number {
	return Math.floor(orgTime / 1000) * 1000 - SETTLE_MS;
}

export interface Keyset extends IDataObject {
	closedDate: number;
	id: string;
}

/** What a poll keeps in the workflow's static data. Times are epoch ms. */
export interface ClosureCursorState extends IDataObject {
	/** Closures before this are never emitted: the backfill's start, or the activation. */
	start: number;
	/** The activation: backfill covers [start, liveFrom), live covers closures from liveFrom on. */
	liveFrom: number;
	/** The backfill's position; null before its first case; `done` once it has caught up (or is not wanted). */
	backfill: Keyset | null | 'done';
	/** Live: the SystemModstamp of the last case decided on. */
	cursor: number | null;
	/** Live: the cursor after the last poll that read all its query returned. */
	settled: number | null;
	/** Emitted closures (`CaseId|ClosedDate`) with the time each may be forgotten after (see `stampOf`). */
	emitted: Record<string, number>;
}

/** The fields of a closed case the decisions need. */
export interface ClosedCaseStamp {
	id: string;
	closedDate: number;
	createdDate: number;
	systemModstamp: number;
}

export interface StampedCase<T> {
	stamp: ClosedCaseStamp;
	record: T;
	/** False for a case the trigger reads but must not emit (outside the chosen queues); the cursor still moves past it. */
	accepted?: boolean;
}

/** Where a poll reads closed cases from: the trigger's SOQL queries, or a test's store. */
export interface ClosedCaseSource<T> {
	/** Closed cases with ClosedDate in [from, to), after `after` in (ClosedDate, Id) order, at most `limit`. */
	backfill(
		from: number,
		to: number,
		after: Keyset | null,
		limit: number,
	): Promise<Array<StampedCase<T>>>;
	/** Closed cases with SystemModstamp at or after `since`, in (SystemModstamp, Id) order, page by page. */
	live(since: number): AsyncIterable<Array<StampedCase<T>>>;
	/** The org's time (epoch ms, to the second) when it answered the latest query's first page (its `Date` header). */
	orgTime(): number;
}

export interface PollOutcome<T> {
	emitted: T[];
	state: ClosureCursorState;
	/** True when the poll read everything its queries returned (no maximum reached). */
	caughtUp: boolean;
}

export function initialCursorState(start: number, activation: number): ClosureCursorState {
	const from = Math.min(start, activation);
	return {
		start: from,
		liveFrom: activation,
		backfill: from < activation ? null : 'done',
		cursor: null,
		settled: null,
		emitted: {},
	};
}

export const closureKey = (c: ClosedCaseStamp): string => `${c.id}|${c.closedDate}`;

/** When a case counts as closed for the floor: its ClosedDate, or its creation for a data load that inserted it closed. */
const closedOrLoaded = (c: ClosedCaseStamp): number => Math.max(c.closedDate, c.createdDate);

/** Live closures before this have been decided on (or are before the start). */
export function liveFloor(state: ClosureCursorState): number {
	const base =
		state.start < state.liveFrom
			? Math.max(state.start, state.liveFrom - OVERLAP_MS - FLOOR_MARGIN_MS)
			: state.liveFrom;
	return state.settled === null
		? base
		: Math.max(base, state.settled - OVERLAP_MS - FLOOR_MARGIN_MS);
}

/** The SystemModstamp the live query starts at (inclusive). */
export function liveWindowStart(state: ClosureCursorState): number {
	return (state.cursor ?? state.liveFrom) - OVERLAP_MS;
}

/**
 * One poll: the backfill first while it lasts, then live closures; at most `maxEmits` cases. The
 * returned state is to be stored only once the emitted cases are handed over: a poll that fails
 * leaves the stored cursor where it was.
 */
export async function pollClosedCases<T>(
	state: ClosureCursorState,
	source: ClosedCaseSource<T>,
	maxEmits: number,
): Promise<PollOutcome<T>> {
	const emitted: T[] = [];
	const keys = { ...state.emitted };
	const next: ClosureCursorState = { ...state, emitted: keys };
	const emit = (c: StampedCase<T>, remember: boolean) => {
		if (remember)
			keys[closureKey(c.stamp)] = Math.max(c.stamp.systemModstamp, closedOrLoaded(c.stamp));
		emitted.push(c.record);
	};

	if (next.backfill !== 'done') {
		const liveBase = liveFloor({ ...next, settled: null });
		const page = await source.backfill(next.start, next.liveFrom, next.backfill, maxEmits);
		const settled = settledBefore(source.orgTime());
		for (const c of page) {
			next.backfill = { closedDate: c.stamp.closedDate, id: c.stamp.id };
			// A closure of the last seconds before the activation is left to the live phase, which reads it again once settled.
			if (c.accepted === false || closureKey(c.stamp) in keys || c.stamp.closedDate >= settled)
				continue;
			// Only closures the live phase may also meet (near the activation, or loaded late) are remembered.
			emit(c, closedOrLoaded(c.stamp) >= liveBase);
		}
		if (page.length < maxEmits) next.backfill = 'done';
		else return { emitted, state: prune(next), caughtUp: false };
	}

	const floor = liveFloor(next);
	let full = emitted.length >= maxEmits;
	if (!full) {
		let settled: number | undefined;
		outer: for await (const page of source.live(liveWindowStart(next))) {
			// The first page's answer time bounds when the query read the org; later pages were read later.
			settled ??= settledBefore(source.orgTime());
			for (const c of page) {
				if (emitted.length >= maxEmits) {
					full = true;
					break outer;
				}
				next.cursor =
					next.cursor === null
						? c.stamp.systemModstamp
						: Math.max(next.cursor, c.stamp.systemModstamp);
				if (c.accepted === false || closureKey(c.stamp) in keys || closedOrLoaded(c.stamp) < floor)
					continue;
				// Not settled: decided on by a later poll (the window re-reads it; the floor stays below it).
				if (c.stamp.closedDate >= settled) continue;
				emit(c, true);
			}
		}
	}
	if (!full) next.settled = next.cursor;
	return { emitted, state: prune(next), caughtUp: !full };
}

/** Forgets emitted closures below the floor: no later poll can take them for new. */
function prune(state: ClosureCursorState): ClosureCursorState {
	const floor = liveFloor(state);
	const emitted: Record<string, number> = {};
	for (const [key, until] of Object.entries(state.emitted))
		if (until >= floor) emitted[key] = until;
	return { ...state, emitted };
}
