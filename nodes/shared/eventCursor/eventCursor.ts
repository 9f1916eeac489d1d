import type { IDataObject } from 'n8n-workflow';

/**
 * Which records a poll emits, so that every event is emitted exactly once. One cursor for every
 * event of the trigger; what an event is comes from the record's stamp:
 * - its event time: ClosedDate for a closing, CreatedDate for a creation, SystemModstamp for a change;
 * - its floor time: when the event counts for the floor (a closing inserted closed by a data load
 *   counts from its creation, so `max(ClosedDate, CreatedDate)`; otherwise the event time).
 * An event is `Id|event time`: a case closed again is a new event, a created record edited later is not.
 *
 * Backfill (events from the chosen start until activation) walks the records in (event time, Id)
 * order with a keyset: an edit that does not change the event time does not move a record in that
 * order, so each is met once (for changes, an edit moves the record past the activation, where the
 * live phase meets its new change).
 *
 * Live (events from activation on) reads the records whose SystemModstamp (indexed, set at commit) is
 * at or after the cursor less an overlap window, oldest first. The window re-reads changes that
 * committed late with an older SystemModstamp. A record is emitted unless its event is already
 * emitted or its floor time is before the floor. The floor trails the last poll that read everything
 * its query returned ("settled"): every event older than that poll, less the window, has been decided
 * on by then. Emitted events are kept down to the floor, so an event re-read after an edit is known.
 *
 * The state is bounded: the keyset or the cursor, and the events emitted since the floor (those of
 * the last overlap window, plus those of a burst larger than a poll takes, until it is caught up).
 *
 * Salesforce keeps date-times to the second, so two events of one record within one second have the
 * same event time. An event is therefore decided on only once it is settled: its event time is before
 * the second before the org's time of the answer (`settledBefore`). Any later event of that record
 * then has a later event time, so remembering `Id|event time` cannot swallow it. An event not yet
 * settled is neither emitted nor remembered; the next poll meets it again (the live window reaches back
 * OVERLAP_MS; the floor stays below it). Events of one record within one second are one event: the
 * org's data cannot tell them apart.
 */

export const OVERLAP_MS = 10 * 60 * 1000;
/** The floor's margin below the window: an event time may precede SystemModstamp within one commit. */
export const FLOOR_MARGIN_MS = 60 * 1000;
/**
 * An event is settled once the org's time is past the second after its event time. The extra second
 * covers a query read in one second and answered (the `Date` header) in the next.
 */
export const SETTLE_MS = 1000;

/** Events with an event time before this are settled, for an answer the org gave at `orgTime`. */
export function settledBefore(orgTime: number): number {
	return Math.floor(orgTime / 1000) * 1000 - SETTLE_MS;
}

export interface EventKeyset extends IDataObject {
	eventTime: number;
	id: string;
}

/** What a poll keeps in the workflow's static data. Times are epoch ms. */
export interface EventCursorState extends IDataObject {
	/** Events before this are never emitted: the backfill's start, or the activation. */
	start: number;
	/** The activation: backfill covers [start, liveFrom), live covers events from liveFrom on. */
	liveFrom: number;
	/** The backfill's position; null before its first record; `done` once it has caught up (or is not wanted). */
	backfill: EventKeyset | null | 'done';
	/** Live: the SystemModstamp of the last record decided on. */
	cursor: number | null;
	/** Live: the cursor after the last poll that read all its query returned. */
	settled: number | null;
	/** Emitted events (`Id|event time`) with the time each may be forgotten after. */
	emitted: Record<string, number>;
}

/** The fields of a record the decisions need. */
export interface EventStamp {
	id: string;
	eventTime: number;
	/** When the event counts for the floor (at or after `eventTime`). */
	floorTime: number;
	systemModstamp: number;
}

export interface StampedRecord<T> {
	stamp: EventStamp;
	record: T;
	/** False for a record the trigger reads but must not emit; the cursor still moves past it. */
	accepted?: boolean;
}

/** Where a poll reads records from: the trigger's SOQL queries, or a test's store. */
export interface EventSource<T> {
	/** Records with the event in [from, to), after `after` in (event time, Id) order, at most `limit`. */
	backfill(
		from: number,
		to: number,
		after: EventKeyset | null,
		limit: number,
	): Promise<Array<StampedRecord<T>>>;
	/**
	 * Records with SystemModstamp at or after `since`, in (SystemModstamp, Id) order, page by page. A
	 * source may leave out records whose floor time is before `floor`: the cursor skips them anyway.
	 */
	live(since: number, floor: number): AsyncIterable<Array<StampedRecord<T>>>;
	/** The org's time (epoch ms, to the second) when it answered the latest query's first page (its `Date` header). */
	orgTime(): number;
	/**
	 * Whether the last backfill answer was the end of the backfill. Without it, an answer shorter
	 * than the limit is the end; a source that may answer short before the end (a Bulk API job read a
	 * set of results per poll) says so here.
	 */
	backfillExhausted?(): boolean;
}

export interface EventPollOutcome<T> {
	emitted: T[];
	state: EventCursorState;
	/** True when the poll read everything its queries returned (no maximum reached). */
	caughtUp: boolean;
}

export function initialEventState(start: number, activation: number): EventCursorState {
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

export const eventKey = (s: EventStamp): string => `${s.id}|${s.eventTime}`;

/** Live events whose floor time is before this have been decided on (or are before the start). */
export function eventFloor(state: EventCursorState): number {
	const base =
		state.start < state.liveFrom
			? Math.max(state.start, state.liveFrom - OVERLAP_MS - FLOOR_MARGIN_MS)
			: state.liveFrom;
	return state.settled === null
		? base
		: Math.max(base, state.settled - OVERLAP_MS - FLOOR_MARGIN_MS);
}

/** The SystemModstamp the live query starts at (inclusive). */
export function eventWindowStart(state: EventCursorState): number {
	return (state.cursor ?? state.liveFrom) - OVERLAP_MS;
}

/**
 * One poll: the backfill first while it lasts, then live events; at most `maxEmits` records. The
 * returned state is to be stored only once the emitted records are handed over: a poll that fails
 * leaves the stored cursor where it was.
 */
export async function pollEvents<T>(
	state: EventCursorState,
	source: EventSource<T>,
	maxEmits: number,
): Promise<EventPollOutcome<T>> {
	const emitted: T[] = [];
	const keys = { ...state.emitted };
	const next: EventCursorState = { ...state, emitted: keys };
	const emit = (r: StampedRecord<T>, remember: boolean) => {
		if (remember) keys[eventKey(r.stamp)] = Math.max(r.stamp.systemModstamp, r.stamp.floorTime);
		emitted.push(r.record);
	};

	if (next.backfill !== 'done') {
		const liveBase = eventFloor({ ...next, settled: null });
		const page = await source.backfill(next.start, next.liveFrom, next.backfill, maxEmits);
		const settled = settledBefore(source.orgTime());
		for (const r of page) {
			next.backfill = { eventTime: r.stamp.eventTime, id: r.stamp.id };
			// An event of the last seconds before the activation is left to the live phase, which reads it again once settled.
			if (r.accepted === false || eventKey(r.stamp) in keys || r.stamp.eventTime >= settled)
				continue;
			// Only events the live phase may also meet (near the activation, or loaded late) are remembered.
			emit(r, r.stamp.floorTime >= liveBase);
		}
		if (source.backfillExhausted ? source.backfillExhausted() : page.length < maxEmits)
			next.backfill = 'done';
		else return { emitted, state: prune(next), caughtUp: false };
	}

	const floor = eventFloor(next);
	let full = emitted.length >= maxEmits;
	if (!full) {
		let settled: number | undefined;
		outer: for await (const page of source.live(eventWindowStart(next), floor)) {
			// The first page's answer time bounds when the query read the org; later pages were read later.
			settled ??= settledBefore(source.orgTime());
			for (const r of page) {
				if (emitted.length >= maxEmits) {
					full = true;
					break outer;
				}
				next.cursor =
					next.cursor === null
						? r.stamp.systemModstamp
						: Math.max(next.cursor, r.stamp.systemModstamp);
				if (r.accepted === false || eventKey(r.stamp) in keys || r.stamp.floorTime < floor)
					continue;
				// Not settled: decided on by a later poll (the window re-reads it; the floor stays below it).
				if (r.stamp.eventTime >= settled) continue;
				emit(r, true);
			}
		}
	}
	if (!full) next.settled = next.cursor;
	return { emitted, state: prune(next), caughtUp: !full };
}

/** Forgets emitted events below the floor: no later poll can take them for new. */
function prune(state: EventCursorState): EventCursorState {
	const floor = eventFloor(state);
	const emitted: Record<string, number> = {};
	for (const [key, until] of Object.entries(state.emitted))
		if (until >= floor) emitted[key] = until;
	return { ...state, emitted };
}
