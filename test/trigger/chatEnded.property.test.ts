import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import {
	initialEventState,
	pollEvents,
	type EventCursorState,
} from '../../nodes/shared/eventCursor/eventCursor';
import { recordStamp } from '../../nodes/shared/records/soqlRecordSource';
import {
	clockOps,
	counted,
	DAY,
	isClockOp,
	lagArb,
	MINUTE,
	PollingRun,
	settledBefore,
	storeEventSource,
	T0,
	type ClockOp,
} from '../properties/cursorHistories';
import type { Row } from '../sandbox-org/core/store';
import { SandboxOrg } from '../sandbox-org/org';

// Chat Ended exactly once, by property (the machinery of the record and closure property tests, in
// ../properties/cursorHistories.ts): fast-check generates histories of chats (LiveChatTranscript)
// requested, started and ended (alone, and many ending within one second), transcripts saved only
// once the chat had ended (a chat that ended before its record was created), chats that end missed
// rather than completed, edits after the end (the body, the case), deletes and undeletes, late commits
// up to the overlap window, restarts (the state through JSON), a small maximum per poll and a backfill
// from an import start; it runs them in the sandbox org's store and the shared cursor with Chat Ended's
// stamp (`recordStamp(…, 'EndTime')`) and queries (`Status = 'Completed' AND EndTime != null`, the
// live floor on EndTime or CreatedDate), and checks against the ground truth:
// - no chat is emitted twice (edits after its end, an undelete, a restart do not emit it again);
// - only ended chats are emitted (Completed with an EndTime, as they were when read), none before the start;
// - every chat that a caught-up poll found ended (its EndTime settled: before the second before the
//   org's time) before it was ever deleted is emitted, if it ended since the import start or its
//   transcript was saved after the activation. A chat deleted before the trigger saw it may be
//   emitted once when it is restored while its end is in the overlap window, or not.

type Op =
	| { kind: 'request'; count: number; lagMs: number }
	| { kind: 'end'; index: number; count: number; lagMs: number; missed: boolean }
	| { kind: 'saveEnded'; count: number; endedAgoMs: number; lagMs: number }
	| { kind: 'edit'; index: number; lagMs: number; twiceInSecond: boolean }
	| { kind: 'delete'; index: number }
	| { kind: 'undelete'; index: number; lagMs: number }
	| ClockOp;

const burst = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 8 }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({ kind: fc.constant('request' as const), count: burst, lagMs: lagArb }),
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('end' as const),
			index: fc.nat(60),
			count: burst,
			lagMs: lagArb,
			missed: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('saveEnded' as const),
			count: burst,
			endedAgoMs: fc.oneof(
				fc.integer({ min: 0, max: 5 * MINUTE }),
				fc.integer({ min: 0, max: 10 * DAY }),
			),
			lagMs: lagArb,
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('edit' as const),
			index: fc.nat(60),
			lagMs: lagArb,
			twiceInSecond: fc.boolean(),
		}),
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), index: fc.nat(60) }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('undelete' as const),
			index: fc.nat(60),
			lagMs: lagArb,
		}),
	},
	...clockOps,
);

const historyArb = fc.record({
	pageSize: fc.integer({ min: 1, max: 5 }),
	ops: fc.array(opArb, { minLength: 5, maxLength: 80 }),
	maxPerPoll: fc.integer({ min: 1, max: 6 }),
	backfillMs: fc.constantFrom(0, 60 * MINUTE, 7 * DAY),
	preexisting: fc.integer({ min: 0, max: 8 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const CHAT = 'LiveChatTranscript';
/** Chat Ended's WHERE: `Status = 'Completed' AND EndTime != null`. */
const ended = (r: Row) => r.Status === 'Completed' && r.EndTime !== null && r.EndTime !== undefined;

interface Outcome {
	/** `Id#Status#EndTime` of each emitted chat, as read. */
	emitted: string[];
	/** Chats a caught-up poll found ended (and settled) before they were ever deleted, that must be emitted. */
	required: Set<string>;
	/** Every chat that ever ended completed: its EndTime and CreatedDate. */
	endedChats: Map<string, { end: number; created: number }>;
	start: number;
	deletes: number;
	restoredAfterEmission: number;
	restarts: number;
	finalState: EventCursorState;
}

async function runHistory(h: History): Promise<Outcome> {
	const org = new SandboxOrg({ frozenAt: T0 - 2 * DAY });
	const chats: string[] = [];
	const pendingUntil = new Map<string, number>();
	const everDeleted = new Set<string>();
	const endedChats = new Map<string, { end: number; created: number }>();
	const inBin: string[] = [];
	let deletes = 0;
	let restoredAfterEmission = 0;
	const locked = (id: string) => (pendingUntil.get(id) ?? 0) > org.clock.now();
	/** Runs a write with a commit lag; the row stays locked until it commits. */
	const lagged = <R>(id: string | undefined, lagMs: number, write: () => R): R => {
		org.store.commitLagMs = lagMs;
		const out = write();
		org.store.commitLagMs = 0;
		if (lagMs > 0 && id) pendingUntil.set(id, org.clock.now() + lagMs);
		return out;
	};
	const request = (lagMs: number) => {
		const id = lagged(undefined, lagMs, () =>
			org.store.insert(CHAT, {
				Status: 'InProgress',
				RequestTime: org.clock.now(),
				StartTime: org.clock.now(),
				ChatKey: `key-${chats.length}`,
			}),
		);
		if (lagMs > 0) pendingUntil.set(id, org.clock.now() + lagMs);
		chats.push(id);
	};
	/** Ends an open chat now (an agent or the visitor closes it); false when it cannot. */
	const end = (id: string, lagMs: number, missed: boolean): boolean => {
		const row = org.store.get(id, CHAT);
		if (!row || row.EndTime !== null || locked(id)) return false;
		return lagged(id, lagMs, () =>
			org.store.update(CHAT, id, {
				Status: missed ? 'Missed' : 'Completed',
				EndTime: org.clock.now(),
				EndedBy: 'Visitor',
				Body: `<p>Chat ${id}</p>`,
			}),
		);
	};
	const noteEnds = () => {
		for (const r of org.store.rows(CHAT))
			if (ended(r) && !endedChats.has(r.Id as string))
				endedChats.set(r.Id as string, {
					end: r.EndTime as number,
					created: r.CreatedDate as number,
				});
	};
	// Chats before the activation: most ended within minutes of their request, some still open.
	for (let i = 0; i < h.preexisting; i++) {
		request(0);
		org.clock.advance(4 * MINUTE);
		if (i % 4 !== 3) end(chats[chats.length - 1], 0, i % 5 === 4);
		org.clock.advance(3 * 60 * MINUTE);
	}
	org.clock.freeze(T0);
	noteEnds();
	const start = T0 - h.backfillMs;
	const source = storeEventSource({
		org,
		pageSize: h.pageSize,
		rows: () => org.store.rows(CHAT).filter(ended),
		stamp: (r) => recordStamp(r as IDataObject, 'EndTime'),
		record: (r) => `${r.Id as string}#${String(r.Status)}#${String(r.EndTime)}`,
		// (EndTime >= floor OR CreatedDate >= floor)
		liveWhere: (r, floor) => (r.EndTime as number) >= floor || (r.CreatedDate as number) >= floor,
	});
	const required = new Set<string>();
	const observe = () => {
		const settled = settledBefore(org.clock.now());
		for (const r of org.store.rows(CHAT)) {
			const id = r.Id as string;
			if (!ended(r) || everDeleted.has(id) || (r.EndTime as number) >= settled) continue;
			if ((r.EndTime as number) >= start || (r.CreatedDate as number) >= T0) required.add(id);
		}
	};
	const run = new PollingRun(
		initialEventState(start, T0),
		(state: EventCursorState) => pollEvents(state, source, h.maxPerPoll),
		observe,
	);
	const pick = (index: number) => chats[index % chats.length];

	for (const op of h.ops) {
		if (isClockOp(op)) await run.run(op, org);
		else if (op.kind === 'request') for (let i = 0; i < op.count; i++) request(op.lagMs);
		else if (op.kind === 'saveEnded') {
			// The transcript is saved once the chat is over: it ended before its record was created.
			for (let i = 0; i < op.count; i++) {
				const endTime = org.clock.now() - op.endedAgoMs;
				const id = lagged(undefined, op.lagMs, () =>
					org.store.insert(CHAT, {
						Status: 'Completed',
						StartTime: endTime - 5 * MINUTE,
						EndTime: endTime,
						ChatKey: `key-${chats.length}`,
						Body: '<p>Saved after the chat</p>',
					}),
				);
				if (op.lagMs > 0) pendingUntil.set(id, org.clock.now() + op.lagMs);
				chats.push(id);
			}
		} else if (op.kind === 'undelete') {
			const id = inBin[op.index % inBin.length];
			if (id === undefined || locked(id)) continue;
			if (lagged(id, op.lagMs, () => org.store.undelete(CHAT, id))) {
				inBin.splice(inBin.indexOf(id), 1);
				if (run.emitted.some((e) => e.startsWith(id))) restoredAfterEmission++;
			}
		} else if (chats.length > 0) {
			const id = pick(op.index);
			if (op.kind === 'end') {
				// A burst: this chat and the next open ones end within the same second.
				let done = 0;
				for (let k = 0; k < chats.length && done < op.count; k++)
					if (end(pick(op.index + k), op.lagMs, op.missed)) done++;
			} else if (op.kind === 'edit') {
				// After its end (or before): the body, the linked case; never the end itself.
				const edit = (lagMs: number) =>
					!locked(id) &&
					lagged(id, lagMs, () =>
						org.store.update(CHAT, id, { Body: `<p>Edited at ${org.clock.now()}</p>` }),
					);
				if (edit(op.lagMs) && op.twiceInSecond) edit(0);
			} else if (!locked(id) && org.store.delete(CHAT, id)) {
				everDeleted.add(id);
				inBin.push(id);
				deletes++;
			}
		}
		noteEnds();
	}
	await run.catchUp(org, noteEnds);
	return {
		emitted: run.emitted,
		required,
		endedChats,
		start,
		deletes,
		restoredAfterEmission,
		restarts: run.restarts,
		finalState: run.state,
	};
}

function problemsOf(out: Outcome): string[] {
	const problems: string[] = [];
	const parsed = out.emitted.map((e) => {
		const [id, status, endTime] = e.split('#');
		return { id, status, endTime: Number(endTime) };
	});
	for (const [id, n] of counted(parsed.map((p) => p.id)))
		if (n > 1) problems.push(`repeated ${id}`);
	for (const p of parsed) {
		const truth = out.endedChats.get(p.id);
		if (p.status !== 'Completed' || !truth || truth.end !== p.endTime)
			problems.push(`not ended ${p.id} (${p.status})`);
		else if (Math.max(truth.end, truth.created) < out.start)
			problems.push(`before the start ${p.id}`);
	}
	const emitted = new Set(parsed.map((p) => p.id));
	for (const id of out.required) if (!emitted.has(id)) problems.push(`missed ${id}`);
	return problems;
}

describe('Chat Ended on the shared cursor, by property', () => {
	it('emits each chat that ended once, and none that did not end', async () => {
		const seen = { emitted: 0, deletes: 0, restoredAfterEmission: 0, restarts: 0 };
		await fc.assert(
			fc.asyncProperty(historyArb, async (h) => {
				const out = await runHistory(h);
				const problems = problemsOf(out);
				if (problems.length) throw new Error(problems.join(', '));
				// Bounded: caught up, the state holds no more chats than were emitted.
				expect(Object.keys(out.finalState.emitted).length).toBeLessThanOrEqual(out.emitted.length);
				expect(out.finalState.backfill).toBe('done');
				seen.emitted += out.emitted.length;
				seen.deletes += out.deletes;
				seen.restoredAfterEmission += out.restoredAfterEmission;
				seen.restarts += out.restarts;
			}),
			{
				numRuns: Number(process.env.PROPERTY_RUNS ?? 3000),
				seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
			},
		);
		// The histories did reach what they are for.
		if (!process.env.PROPERTY_RUNS) {
			expect(seen.emitted).toBeGreaterThan(10_000);
			expect(seen.deletes).toBeGreaterThan(100);
			expect(seen.restoredAfterEmission).toBeGreaterThan(20);
			expect(seen.restarts).toBeGreaterThan(100);
		}
	});
});
