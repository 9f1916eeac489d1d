import type { IDataObject } from 'n8n-workflow';

import { pollEventsCompleting, type CompletingPollOutcome } from '../eventCursor/completingPoll';
import {
	eventFloor,
	eventWindowStart,
	initialEventState,
	pollEvents,
	type EventCursorState,
	type EventKeyset,
	type EventSource,
	type EventStamp,
	type StampedRecord,
} from '../eventCursor/eventCursor';

/**
 * Which closed Cases a poll emits, so that every closure is emitted exactly once: the shared event
 * cursor (`../eventCursor/eventCursor.ts`, where the reasoning is) with a closure as the event.
 *
 * A closure is a Case with IsClosed = true and a given ClosedDate: a case reopened and closed again
 * is a new closure; a closed case edited afterwards (another queue, a comment) is the same one. Its
 * event time is its ClosedDate; a case a data load inserted already closed (with a backdated
 * ClosedDate) counts for the floor from its creation.
 *
 * The state keeps the layout of the trigger's first version (workflows active then go on where they
 * were): the backfill keyset is `{ closedDate, id }`, emitted closures `CaseId|ClosedDate`.
 */

export { OVERLAP_MS, FLOOR_MARGIN_MS, SETTLE_MS, settledBefore } from '../eventCursor/eventCursor';

export interface Keyset extends IDataObject {
	closedDate: number;
	id: string;
}

/** What a poll keeps in the workflow's static data (`closedCases`). Times are epoch ms. */
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
	/** Emitted closures (`CaseId|ClosedDate`) with the time each may be forgotten after. */
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
	/** Whether the last backfill answer was its end (see `EventSource.backfillExhausted`). */
	backfillExhausted?(): boolean;
}

export interface PollOutcome<T> {
	emitted: T[];
	state: ClosureCursorState;
	/** True when the poll read everything its queries returned (no maximum reached). */
	caughtUp: boolean;
}

/** A closure as the shared cursor's event: its ClosedDate; for the floor, also its creation (a data load). */
export function closureEvent(c: ClosedCaseStamp): EventStamp {
	return {
		id: c.id,
		eventTime: c.closedDate,
		floorTime: Math.max(c.closedDate, c.createdDate),
		systemModstamp: c.systemModstamp,
	};
}

const toEventKeyset = (k: Keyset | null): EventKeyset | null =>
	k === null ? null : { eventTime: k.closedDate, id: k.id };
const toKeyset = (k: EventKeyset | null): Keyset | null =>
	k === null ? null : { closedDate: k.eventTime, id: k.id };

/** The stored closure state as the shared cursor's state (and back): only the keyset's field differs. */
export function toEventState(s: ClosureCursorState): EventCursorState {
	return { ...s, backfill: s.backfill === 'done' ? 'done' : toEventKeyset(s.backfill) };
}
export function toClosureState(s: EventCursorState): ClosureCursorState {
	return { ...s, backfill: s.backfill === 'done' ? 'done' : toKeyset(s.backfill) };
}

export function initialCursorState(start: number, activation: number): ClosureCursorState {
	return toClosureState(initialEventState(start, activation));
}

export const closureKey = (c: ClosedCaseStamp): string => `${c.id}|${c.closedDate}`;

/** Live closures before this have been decided on (or are before the start). */
export const liveFloor = (state: ClosureCursorState): number => eventFloor(toEventState(state));

/** The SystemModstamp the live query starts at (inclusive). */
export const liveWindowStart = (state: ClosureCursorState): number =>
	eventWindowStart(toEventState(state));

const asEvent = <T>(c: StampedCase<T>): StampedRecord<T> => ({
	stamp: closureEvent(c.stamp),
	record: c.record,
	accepted: c.accepted,
});

/** The closed-case source as the shared cursor's source. */
function eventSource<T>(source: ClosedCaseSource<T>): EventSource<T> {
	return {
		backfill: async (from, to, after, limit) =>
			(await source.backfill(from, to, toKeyset(after), limit)).map(asEvent),
		async *live(since) {
			for await (const page of source.live(since)) yield page.map(asEvent);
		},
		orgTime: () => source.orgTime(),
		...(source.backfillExhausted ? { backfillExhausted: () => source.backfillExhausted!() } : {}),
	};
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
	const outcome = await pollEvents(toEventState(state), eventSource(source), maxEmits);
	return { ...outcome, state: toClosureState(outcome.state) };
}

/**
 * `pollClosedCases` for cases that need more work before they are handed over, work that may stop
 * partway (a budget of Connect calls): the cursor moves past only the cases `complete` completed
 * (see `pollEventsCompleting`).
 */
export async function pollClosedCasesCompleting<T, U>(
	state: ClosureCursorState,
	source: ClosedCaseSource<T>,
	maxEmits: number,
	complete: (cases: T[]) => Promise<U[]>,
): Promise<Omit<CompletingPollOutcome<U>, 'state'> & { state: ClosureCursorState }> {
	const outcome = await pollEventsCompleting(
		toEventState(state),
		eventSource(source),
		maxEmits,
		complete,
	);
	return { ...outcome, state: toClosureState(outcome.state) };
}
