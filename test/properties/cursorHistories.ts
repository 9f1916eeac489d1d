import fc from 'fast-check';

import {
	OVERLAP_MS,
	type EventKeyset,
	type EventSource,
	type EventStamp,
	type StampedRecord,
} from '../../nodes/shared/eventCursor/eventCursor';
import type { Row } from '../sandbox-org/core/store';
import { toSecond } from '../sandbox-org/core/store';
import type { SandboxOrg } from '../sandbox-org/org';

// What the trigger's property tests share: the time of the activation, the random pieces of a
// history (commit lags up to the overlap window, clock moves, polls, restarts), the store-backed
// sources that answer the cursor's queries over the sandbox org's rows, and the polling loop with its
// restarts (the state round-tripped through JSON, as n8n saves static data) and its final catch-up.

/** The activation of every history. */
export const T0 = Date.UTC(2026, 4, 1, 8, 0, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** The guarantee's settling: an event counts once the org's time at a poll is past the second after it. */
export const settledBefore = (orgTime: number) => toSecond(orgTime) - 1000;

export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How late a write commits: mostly at once, sometimes up to the overlap window. */
export const lagArb = fc.oneof(
	{ weight: 4, arbitrary: fc.constant(0) },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: OVERLAP_MS }) },
);

export type ClockOp = { kind: 'advance'; ms: number } | { kind: 'poll' } | { kind: 'restart' };

export const isClockOp = (op: { kind: string }): op is ClockOp =>
	op.kind === 'advance' || op.kind === 'poll' || op.kind === 'restart';

/** The clock moving (not at all, within a second or two, or up to half an hour). */
export const advanceArb = fc.record({
	kind: fc.constant('advance' as const),
	ms: fc.oneof(
		fc.constant(0),
		fc.integer({ min: 1, max: 2000 }),
		fc.integer({ min: 1, max: 30 * MINUTE }),
	),
});
export const pollArb = fc.constant({ kind: 'poll' as const });
/** n8n restarts between two polls: the trigger goes on from its saved static data. */
export const restartArb = fc.constant({ kind: 'restart' as const });

/** The weighted clock, poll and restart pieces every history mixes with its own operations. */
export const clockOps: Array<fc.WeightedArbitrary<ClockOp>> = [
	{ weight: 3, arbitrary: advanceArb },
	{ weight: 2, arbitrary: pollArb },
	{ weight: 1, arbitrary: restartArb },
];

/** Rows in pages of `pageSize`, as `nextRecordsUrl` pages them. */
export function* inPages<T>(rows: T[], pageSize: number): Generator<T[]> {
	for (let i = 0; i < rows.length; i += pageSize) yield rows.slice(i, i + pageSize);
}

/** After the keyset in (event time, Id) order. */
export const afterKeyset = (
	time: number,
	id: string,
	after: { time: number; id: string } | null,
): boolean => !after || time > after.time || (time === after.time && id > after.id);

/** How many times each value occurs. */
export function counted(list: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const k of list) counts.set(k, (counts.get(k) ?? 0) + 1);
	return counts;
}

/**
 * The record events' two queries (`recordBackfillQuery`, `recordLiveQuery`) over the store's rows
 * (their SOQL is tested against the sandbox's engine elsewhere): backfill by the stamp's event time
 * and Id; live by SystemModstamp and Id, leaving out what `liveWhere` does (the query's floor
 * condition). `rows` are the records the event's WHERE takes.
 */
export function storeEventSource<T>(opts: {
	org: SandboxOrg;
	rows: () => Row[];
	stamp: (row: Row) => EventStamp;
	record: (row: Row) => T;
	pageSize: number;
	liveWhere?: (row: Row, floor: number) => boolean;
}): EventSource<T> {
	const stamped = (r: Row): StampedRecord<T> => ({ stamp: opts.stamp(r), record: opts.record(r) });
	return {
		async backfill(from, to, after: EventKeyset | null, limit) {
			return opts
				.rows()
				.map(stamped)
				.filter(({ stamp: s }) => s.eventTime >= from && s.eventTime < to)
				.filter(({ stamp: s }) =>
					afterKeyset(s.eventTime, s.id, after && { time: after.eventTime, id: after.id }),
				)
				.sort((a, b) => a.stamp.eventTime - b.stamp.eventTime || byId(a.stamp.id, b.stamp.id))
				.slice(0, limit);
		},
		async *live(since, floor) {
			const found = opts
				.rows()
				.filter((r) => (r.SystemModstamp as number) >= since)
				.filter((r) => !opts.liveWhere || opts.liveWhere(r, floor))
				.sort(
					(a, b) =>
						(a.SystemModstamp as number) - (b.SystemModstamp as number) ||
						byId(a.Id as string, b.Id as string),
				)
				.map(stamped);
			yield* inPages(found, opts.pageSize);
		},
		// The org's time as its answers' Date header gives it: to the second.
		orgTime: () => toSecond(opts.org.clock.now()),
	};
}

interface PollOutcome<S, T> {
	emitted: T[];
	state: S;
	caughtUp: boolean;
}

/**
 * A trigger's polls over a history: each poll's emissions collected, `onCaughtUp` called after a
 * poll that read everything (the ground truth's observations), restarts that reload the state from
 * its JSON, and the final catch-up once every write has committed.
 */
export class PollingRun<S, T> {
	readonly emitted: T[] = [];
	restarts = 0;

	constructor(
		public state: S,
		private readonly pollOnce: (state: S) => Promise<PollOutcome<S, T>>,
		private readonly onCaughtUp: () => void,
	) {}

	async poll(): Promise<PollOutcome<S, T>> {
		const outcome = await this.pollOnce(this.state);
		this.emitted.push(...outcome.emitted);
		if (outcome.caughtUp) this.onCaughtUp();
		this.state = outcome.state;
		return outcome;
	}

	/** n8n restarts: the trigger goes on from the static data it saved (JSON in n8n's database). */
	restart(): void {
		this.state = JSON.parse(JSON.stringify(this.state)) as S;
		this.restarts++;
	}

	/** Runs a clock, poll or restart operation. */
	async run(op: ClockOp, org: SandboxOrg): Promise<void> {
		if (op.kind === 'advance') org.clock.advance(op.ms);
		else if (op.kind === 'poll') await this.poll();
		else this.restart();
	}

	/**
	 * Every write commits (the clock past the overlap window), then polls run until one catches up.
	 * `committed` runs between the commit and the polls.
	 */
	async catchUp(org: SandboxOrg, committed?: () => void): Promise<void> {
		org.clock.advance(OVERLAP_MS + MINUTE);
		org.store.flush();
		committed?.();
		for (let i = 0; i < 500 && !(await this.poll()).caughtUp; i++);
		this.onCaughtUp();
	}
}
