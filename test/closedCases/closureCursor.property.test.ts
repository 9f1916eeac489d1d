import fc from 'fast-check';

import {
	closureKey,
	initialCursorState,
	pollClosedCases,
	type ClosedCaseSource,
	type ClosedCaseStamp,
	type ClosureCursorState,
	type StampedCase,
} from '../../nodes/shared/closedCases/closureCursor';
import {
	afterKeyset,
	clockOps,
	counted,
	DAY,
	inPages,
	isClockOp,
	lagArb,
	MINUTE,
	PollingRun,
	settledBefore,
	T0,
	type ClockOp,
} from '../properties/cursorHistories';
import { toSecond } from '../sandbox-org/core/store';
import { SandboxOrg } from '../sandbox-org/org';

// Exactly-once, by property: fast-check generates histories of creations, closings (many in the
// same second), edits, queue moves, reopenings (also reopen-and-close again within one second, with
// and without polls in that second), data loads of already-closed cases with a backdated
// ClosedDate, late commits (up to the overlap window), restarts (the state through JSON) and polls
// (the machinery shared with the other events' property tests: ../properties/cursorHistories.ts), runs them in the sandbox org's
// store (which derives IsClosed / ClosedDate, keeps date-times to the second and applies commit lag
// as the org does) and checks the cursor's emissions against the ground truth, per closing event:
// - every closing that a poll which caught up found closed and settled (its ClosedDate before the
//   second before the poll's org time: `settledBefore`) is emitted, once;
// - no closing event is emitted twice, nor any case with the same ClosedDate twice;
// - a closing reopened before any poll found it settled may go unreported: two closings of one case
//   within one second share their ClosedDate and SystemModstamp, and Salesforce cannot tell them apart.
// A closing event is a case going from open to closed; saving Status = Closed on a closed case is an edit.

type Op =
	| { kind: 'create'; closedByDataLoad: boolean; backdateDays: number }
	| { kind: 'close' | 'reopen' | 'edit' | 'moveQueue'; caseIndex: number; lagMs: number }
	| {
			kind: 'reclose';
			caseIndex: number;
			pollAfterClose: boolean;
			pollAfterReopen: boolean;
			gapMs: number;
	  }
	| ClockOp;

const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('create' as const),
			closedByDataLoad: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
			backdateDays: fc.integer({ min: 1, max: 400 }),
		}),
	},
	{
		weight: 5,
		arbitrary: fc.record({
			kind: fc.constantFrom(
				'close' as const,
				'reopen' as const,
				'edit' as const,
				'moveQueue' as const,
			),
			caseIndex: fc.nat(40),
			lagMs: lagArb,
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('reclose' as const),
			caseIndex: fc.nat(40),
			pollAfterClose: fc.boolean(),
			pollAfterReopen: fc.boolean(),
			gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1200 })),
		}),
	},
	...clockOps,
);

const historyArb = fc.record({
	pageSize: fc.integer({ min: 1, max: 5 }),
	ops: fc.array(opArb, { minLength: 5, maxLength: 80 }),
	maxPerPoll: fc.integer({ min: 1, max: 6 }),
	backfillMs: fc.constantFrom(0, 60 * MINUTE, 7 * DAY),
	preexisting: fc.integer({ min: 0, max: 6 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

interface Outcome {
	/** What the cursor emitted: `CaseId|ClosedDate#closing`, the closing event current when it was read. */
	emitted: string[];
	/** Closing events a caught-up poll found closed and settled: each must be emitted. */
	required: Set<number>;
	realClosures: Set<string>;
	start: number;
	finalState: ClosureCursorState;
}

/** The test's mark of the closing event a case row carries (not a Salesforce field: the store keeps it as given). */
const CLOSING = 'TestClosingEvent';

function stampOf(row: Record<string, unknown>): ClosedCaseStamp {
	return {
		id: row.Id as string,
		closedDate: row.ClosedDate as number,
		createdDate: row.CreatedDate as number,
		systemModstamp: row.SystemModstamp as number,
	};
}

const byId = (a: ClosedCaseStamp, b: ClosedCaseStamp) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The trigger's two queries, over the store (their SOQL is tested against the sandbox's engine elsewhere). */
function storeSource(org: SandboxOrg, pageSize: number): ClosedCaseSource<string> {
	const closed = () => org.store.rows('Case').filter((r) => r.IsClosed === true);
	const stamped = (r: Record<string, unknown>): StampedCase<string> => ({
		stamp: stampOf(r),
		record: `${closureKey(stampOf(r))}#${String(r[CLOSING])}`,
	});
	return {
		async backfill(from, to, after, limit) {
			return closed()
				.filter((r) => (r.ClosedDate as number) >= from && (r.ClosedDate as number) < to)
				.filter((r) =>
					afterKeyset(
						r.ClosedDate as number,
						r.Id as string,
						after && { time: after.closedDate, id: after.id },
					),
				)
				.sort(
					(a, b) =>
						(a.ClosedDate as number) - (b.ClosedDate as number) || byId(stampOf(a), stampOf(b)),
				)
				.slice(0, limit)
				.map(stamped);
		},
		async *live(since) {
			const rows = closed()
				.filter((r) => (r.SystemModstamp as number) >= since)
				.sort(
					(a, b) =>
						(a.SystemModstamp as number) - (b.SystemModstamp as number) ||
						byId(stampOf(a), stampOf(b)),
				);
			yield* inPages(rows.map(stamped), pageSize);
		},
		// The org's time as its answers' Date header gives it: to the second.
		orgTime: () => toSecond(org.clock.now()),
	};
}

async function runHistory(h: History): Promise<Outcome> {
	const org = new SandboxOrg({ frozenAt: T0 - 2 * DAY });
	const queues = [org.addQueue('Tier 1'), org.addQueue('Billing')];
	const cases: string[] = [];
	const pendingUntil = new Map<string, number>();
	const realClosures = new Set<string>();
	let closings = 0;
	const noteClosure = (id: string) => {
		const row = org.store.get(id);
		if (row?.IsClosed) realClosures.add(`${id}|${row.ClosedDate as number}`);
	};
	// Cases that exist before the trigger is activated, some closed.
	for (let i = 0; i < h.preexisting; i++) {
		const id = org.store.insert('Case', {
			Subject: `Old ${i}`,
			Status: i % 2 ? 'Closed' : 'New',
			OwnerId: queues[0],
			[CLOSING]: i % 2 ? ++closings : null,
		});
		cases.push(id);
		noteClosure(id);
		org.clock.advance(3 * 60 * MINUTE);
	}
	org.clock.freeze(T0);
	const start = T0 - h.backfillMs;
	const source = storeSource(org, h.pageSize);
	const required = new Set<number>();

	const observe = () => {
		const settled = settledBefore(org.clock.now());
		for (const r of org.store.rows('Case')) {
			if (r.IsClosed !== true) continue;
			const s = stampOf(r);
			if (Math.max(s.closedDate, s.createdDate) >= start && s.closedDate < settled)
				required.add(r[CLOSING] as number);
		}
	};
	// What a poll that caught up found settled must all be emitted by the end; a closure reopened
	// before a poll found it settled is reported with its later closure only.
	const run = new PollingRun(
		initialCursorState(start, T0),
		(state: ClosureCursorState) => pollClosedCases(state, source, h.maxPerPoll),
		observe,
	);
	const poll = () => run.poll();
	/** Writes unless an uncommitted change locks the row; true when written. */
	const write = (id: string, lagMs: number, values: Record<string, unknown>): boolean => {
		if ((pendingUntil.get(id) ?? 0) > org.clock.now()) return false;
		org.store.commitLagMs = lagMs;
		org.store.update('Case', id, values);
		org.store.commitLagMs = 0;
		if (lagMs > 0) pendingUntil.set(id, org.clock.now() + lagMs);
		return true;
	};
	// A closing event is a case going from open to closed (Salesforce then sets ClosedDate). Saving
	// Status = Closed on a case still closed (its reopening refused, the row locked) is an edit: the
	// case keeps its ClosedDate and its closing.
	const close = (id: string, lagMs: number) => {
		const closedAlready = org.store.get(id)?.IsClosed === true;
		if (
			write(
				id,
				lagMs,
				closedAlready ? { Status: 'Closed' } : { Status: 'Closed', [CLOSING]: closings + 1 },
			) &&
			!closedAlready
		)
			closings++;
	};
	const reopen = (id: string, lagMs: number) =>
		write(id, lagMs, { Status: 'Working', [CLOSING]: null });

	for (const op of h.ops) {
		if (op.kind === 'create') {
			const id = op.closedByDataLoad
				? org.store.insert(
						'Case',
						{ Subject: 'Loaded', Status: 'Closed', OwnerId: queues[1], [CLOSING]: ++closings },
						{ audit: { ClosedDate: org.clock.now() - op.backdateDays * 24 * 60 * MINUTE } },
					)
				: org.store.insert('Case', {
						Subject: 'New',
						Status: 'New',
						OwnerId: queues[0],
						[CLOSING]: null,
					});
			cases.push(id);
			noteClosure(id);
		} else if (isClockOp(op)) {
			await run.run(op, org);
		} else if (cases.length > 0) {
			const id = cases[op.caseIndex % cases.length];
			const before = org.store.get(id);
			if (!before) continue;
			if (op.kind === 'reclose') {
				// Closed, reopened and closed again, the clock moving at most `gapMs` in all.
				if (!before.IsClosed) close(id, 0);
				noteClosure(id);
				if (op.pollAfterClose) await poll();
				org.clock.advance(Math.floor(op.gapMs / 2));
				reopen(id, 0);
				if (op.pollAfterReopen) await poll();
				org.clock.advance(Math.ceil(op.gapMs / 2));
				close(id, 0);
			}
			if (op.kind === 'close' && !before.IsClosed) close(id, op.lagMs);
			if (op.kind === 'reopen' && before.IsClosed) reopen(id, op.lagMs);
			if (op.kind === 'edit') write(id, op.lagMs, { Subject: `Edited at ${org.clock.now()}` });
			if (op.kind === 'moveQueue')
				write(id, op.lagMs, { OwnerId: before.OwnerId === queues[0] ? queues[1] : queues[0] });
		}
		for (const id of cases) noteClosure(id);
	}
	// Every change commits, then polls run until the trigger has caught up.
	await run.catchUp(org, () => {
		for (const id of cases) noteClosure(id);
	});
	return { emitted: run.emitted, required, realClosures, start, finalState: run.state };
}

/** Histories that broke earlier designs, run every time (found by this property). */
const KNOWN_EDGES: History[] = [
	// A closure edited before any poll saw it, while a poll at its maximum moved past its close time.
	{
		pageSize: 1,
		maxPerPoll: 1,
		backfillMs: 0,
		preexisting: 1,
		ops: [
			{ kind: 'close', caseIndex: 0, lagMs: 1 },
			{ kind: 'advance', ms: 660001 },
			{ kind: 'create', closedByDataLoad: true, backdateDays: 1 },
			{ kind: 'close', caseIndex: 0, lagMs: 0 },
			{ kind: 'advance', ms: 1 },
			{ kind: 'advance', ms: 1 },
			{ kind: 'edit', caseIndex: 0, lagMs: 0 },
		],
	},
	// The same during a backfill: an old closure edited after activation, met after the maximum was reached.
	{
		pageSize: 2,
		maxPerPoll: 1,
		backfillMs: 7 * 24 * 60 * MINUTE,
		preexisting: 4,
		ops: [
			{ kind: 'edit', caseIndex: 21, lagMs: 0 },
			{ kind: 'poll' },
			{ kind: 'poll' },
			{ kind: 'close', caseIndex: 0, lagMs: 1 },
			{ kind: 'close', caseIndex: 0, lagMs: 0 },
			{ kind: 'close', caseIndex: 0, lagMs: 0 },
		],
	},
	// Closed, emitted by a poll in the same second, reopened and closed again in that second: the second
	// closing had the key of the first (`CaseId|ClosedDate`) and was lost.
	{
		pageSize: 1,
		maxPerPoll: 1,
		backfillMs: 0,
		preexisting: 1,
		ops: [
			{ kind: 'advance', ms: 1 },
			{ kind: 'reclose', caseIndex: 0, pollAfterClose: true, pollAfterReopen: false, gapMs: 0 },
		],
	},
	// Not a cursor bug, a ground-truth one: the reopening of a closed case was refused (an edit not yet
	// committed locked the row), so closing it "again" saved Status = Closed on a closed case. That is an
	// edit (same ClosedDate, already emitted), yet the test had counted it as a new closing.
	{
		pageSize: 1,
		maxPerPoll: 1,
		backfillMs: 0,
		preexisting: 1,
		ops: [
			{ kind: 'reclose', caseIndex: 0, pollAfterClose: false, pollAfterReopen: false, gapMs: 0 },
			{ kind: 'advance', ms: 2000 },
			{ kind: 'edit', caseIndex: 0, lagMs: 2 },
			{ kind: 'reclose', caseIndex: 0, pollAfterClose: true, pollAfterReopen: false, gapMs: 2 },
			{ kind: 'close', caseIndex: 0, lagMs: 0 },
			{ kind: 'create', closedByDataLoad: true, backdateDays: 1 },
			{ kind: 'close', caseIndex: 0, lagMs: 1 },
			{ kind: 'advance', ms: 0 },
		],
	},
];

describe('closed-case cursor, by property', () => {
	it('emits every closure exactly once, across thousands of random histories', async () => {
		await fc.assert(
			fc.asyncProperty(historyArb, async (h) => {
				const out = await runHistory(h);
				const events = counted(out.emitted.map((e) => e.split('#')[1]));
				const keys = counted(out.emitted.map((e) => e.split('#')[0]));
				const repeated = [...events, ...keys].filter(([, n]) => n > 1).map(([k]) => k);
				const missed = [...out.required].filter((e) => !events.has(String(e)));
				const invented = out.emitted.filter((e) => !out.realClosures.has(e.split('#')[0]));
				if (repeated.length || missed.length || invented.length) {
					throw new Error(
						`repeated ${JSON.stringify(repeated)} missed closings ${JSON.stringify(missed)} invented ${JSON.stringify(invented)}`,
					);
				}
				// Caught up, the state holds only the closures emitted within the window (and its margin).
				const floorKeys = Object.keys(out.finalState.emitted).length;
				expect(floorKeys).toBeLessThanOrEqual(out.emitted.length);
				expect(out.finalState.backfill).toBe('done');
			}),
			{
				numRuns: Number(process.env.PROPERTY_RUNS ?? 5000),
				seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
				examples: KNOWN_EDGES.map((h) => [h] as [History]),
			},
		);
	});
});
