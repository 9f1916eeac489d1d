import fc from 'fast-check';

import {
	initialEventState,
	OVERLAP_MS,
	pollEvents,
	type EventCursorState,
	type EventSource,
	type EventStamp,
	type StampedRecord,
} from '../../nodes/shared/eventCursor/eventCursor';
import { trackFieldHistory } from '../sandbox-org/core/fieldHistory';
import { toSecond } from '../sandbox-org/core/store';
import { SandboxOrg } from '../sandbox-org/org';

// Exactly-once for the record events, by property (the structure of the closure property test):
// fast-check generates histories of creations (alone, and bursts within one second), edits (also
// many within one second), late commits up to the overlap window and polls with a small maximum, runs
// them in the sandbox org's store (date-times to the second, commit lag as the org has it) and checks
// the shared cursor's emissions against the ground truth:
// - Record Created: every record created since the start is emitted exactly once, edits or not;
// - Record Updated watching fields (from field history): every save that changed a watched field is
//   emitted once per record and second (`Id|CreatedDate` of its history rows), none for other fields;
// - Record Updated: every change a caught-up poll found settled is emitted (as the record's state at
//   that change or a later one), no change twice; changes of one record within one second, or between
//   two polls that read it, are one change (a query can only read a record's current state). A change
//   is its SystemModstamp: an edit in the second of the last emitted one that commits late (its
//   SystemModstamp that same second) is taken as the change already emitted.

const T0 = Date.UTC(2026, 4, 1, 8, 0, 0);
const MINUTE = 60_000;

type Op =
	| { kind: 'create'; count: number; lagMs: number }
	| { kind: 'edit'; index: number; lagMs: number; twiceInSecond: boolean; otherField: boolean }
	| { kind: 'advance'; ms: number }
	| { kind: 'poll' };

const lagArb = fc.oneof(
	{ weight: 4, arbitrary: fc.constant(0) },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: OVERLAP_MS }) },
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('create' as const),
			count: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 8 })),
			lagMs: lagArb,
		}),
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('edit' as const),
			index: fc.nat(60),
			lagMs: lagArb,
			twiceInSecond: fc.boolean(),
			otherField: fc.boolean(),
		}),
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('advance' as const),
			ms: fc.oneof(
				fc.constant(0),
				fc.integer({ min: 1, max: 2000 }),
				fc.integer({ min: 1, max: 30 * MINUTE }),
			),
		}),
	},
	{ weight: 2, arbitrary: fc.constant({ kind: 'poll' as const }) },
);

const historyArb = fc.record({
	event: fc.constantFrom('created' as const, 'updated' as const, 'watched' as const),
	pageSize: fc.integer({ min: 1, max: 5 }),
	ops: fc.array(opArb, { minLength: 5, maxLength: 80 }),
	maxPerPoll: fc.integer({ min: 1, max: 6 }),
	backfillMs: fc.constantFrom(0, 60 * MINUTE, 7 * 24 * 60 * MINUTE),
	preexisting: fc.integer({ min: 0, max: 6 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

/** The test's mark of a record's version (not a Salesforce field: the store keeps it as given). */
const VERSION = 'Description';

const settledBefore = (orgTime: number) => toSecond(orgTime) - 1000;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function storeSource(
	org: SandboxOrg,
	pageSize: number,
	eventField: 'CreatedDate' | 'SystemModstamp',
): EventSource<string> {
	const stamp = (r: Record<string, unknown>): EventStamp => ({
		id: r.Id as string,
		eventTime: r[eventField] as number,
		floorTime: r[eventField] as number,
		systemModstamp: r.SystemModstamp as number,
	});
	const stamped = (r: Record<string, unknown>): StampedRecord<string> => ({
		stamp: stamp(r),
		record: `${r.Id as string}#${String(r[VERSION])}#${r.SystemModstamp as number}`,
	});
	const rows = () => org.store.rows('Lead');
	return {
		async backfill(from, to, after, limit) {
			const t = (r: Record<string, unknown>) => r[eventField] as number;
			return rows()
				.filter((r) => t(r) >= from && t(r) < to)
				.filter(
					(r) =>
						!after ||
						t(r) > after.eventTime ||
						(t(r) === after.eventTime && (r.Id as string) > after.id),
				)
				.sort((a, b) => t(a) - t(b) || byId(a.Id as string, b.Id as string))
				.slice(0, limit)
				.map(stamped);
		},
		async *live(since, floor) {
			const found = rows()
				.filter((r) => (r.SystemModstamp as number) >= since)
				// The trigger's query for creations: CreatedDate >= floor.
				.filter((r) => eventField !== 'CreatedDate' || (r.CreatedDate as number) >= floor)
				.sort(
					(a, b) =>
						(a.SystemModstamp as number) - (b.SystemModstamp as number) ||
						byId(a.Id as string, b.Id as string),
				);
			for (let i = 0; i < found.length; i += pageSize)
				yield found.slice(i, i + pageSize).map(stamped);
		},
		orgTime: () => toSecond(org.clock.now()),
	};
}

/** The history source's queries (HistorySource) over the store's LeadHistory rows of the watched field. */
function historySource(org: SandboxOrg, pageSize: number): EventSource<string> {
	const rows = () =>
		org.store
			.rows('LeadHistory')
			.filter((r) => r.Field === WATCHED)
			.sort(
				(a, b) =>
					(a.CreatedDate as number) - (b.CreatedDate as number) ||
					byId(a.LeadId as string, b.LeadId as string),
			);
	const stamped = (r: Record<string, unknown>): StampedRecord<string> => {
		const at = r.CreatedDate as number;
		return {
			stamp: { id: r.LeadId as string, eventTime: at, floorTime: at, systemModstamp: at },
			record: `${r.LeadId as string}|${at}`,
		};
	};
	return {
		async backfill(from, to, after, limit) {
			const t = (r: Record<string, unknown>) => r.CreatedDate as number;
			return rows()
				.filter((r) => t(r) >= from && t(r) < to)
				.filter(
					(r) =>
						!after ||
						t(r) > after.eventTime ||
						(t(r) === after.eventTime && (r.LeadId as string) > after.id),
				)
				.slice(0, limit)
				.map(stamped);
		},
		async *live(since) {
			const found = rows().filter((r) => (r.CreatedDate as number) >= since);
			for (let i = 0; i < found.length; i += pageSize)
				yield found.slice(i, i + pageSize).map(stamped);
		},
		orgTime: () => toSecond(org.clock.now()),
	};
}

const WATCHED = 'Description';

interface Outcome {
	emitted: string[];
	/** Per record, the latest SystemModstamp a caught-up poll found settled: a version that new or newer must be emitted. */
	required: Map<string, number>;
	ids: string[];
	start: number;
	createdAt: Map<string, number>;
	/** Each record's final version and SystemModstamp. */
	final: Map<string, { v: number; stamp: number }>;
	/** Versions (`Id#n`) whose write committed late. */
	late: Set<string>;
	/** Watched: every (record, second) a save changed the watched field in. */
	watchedChanges: Set<string>;
	finalState: EventCursorState;
}

async function runHistory(h: History): Promise<Outcome> {
	const org = new SandboxOrg({ frozenAt: T0 - 2 * 24 * 60 * MINUTE });
	if (h.event === 'watched') trackFieldHistory(org.schema, org.store, 'Lead', [WATCHED]);
	const eventField = h.event === 'created' ? 'CreatedDate' : 'SystemModstamp';
	const ids: string[] = [];
	const versions = new Map<string, number>();
	const pendingUntil = new Map<string, number>();
	const late = new Set<string>();
	const insert = (lagMs: number) => {
		org.store.commitLagMs = lagMs;
		const id = org.store.insert('Lead', { LastName: 'L', Company: 'C', [VERSION]: '1' });
		org.store.commitLagMs = 0;
		if (lagMs > 0) pendingUntil.set(id, org.clock.now() + lagMs);
		ids.push(id);
		versions.set(id, 1);
	};
	for (let i = 0; i < h.preexisting; i++) {
		insert(0);
		org.clock.advance(3 * 60 * MINUTE);
	}
	org.clock.freeze(T0);
	const start = T0 - h.backfillMs;
	let state = initialEventState(start, T0);
	const source =
		h.event === 'watched'
			? historySource(org, h.pageSize)
			: storeSource(org, h.pageSize, eventField);
	const emitted: string[] = [];
	const required = new Map<string, number>();
	const observe = () => {
		const settled = settledBefore(org.clock.now());
		for (const r of org.store.rows('Lead')) {
			const t = r[eventField] as number;
			if (t >= start && t < settled) {
				const stamp = r.SystemModstamp as number;
				required.set(r.Id as string, Math.max(required.get(r.Id as string) ?? 0, stamp));
			}
		}
	};
	const poll = async () => {
		const outcome = await pollEvents(state, source, h.maxPerPoll);
		emitted.push(...outcome.emitted);
		if (outcome.caughtUp) observe();
		state = outcome.state;
		return outcome;
	};
	const edit = (id: string, lagMs: number, otherField: boolean) => {
		if ((pendingUntil.get(id) ?? 0) > org.clock.now()) return;
		const v = (versions.get(id) ?? 1) + 1;
		org.store.commitLagMs = lagMs;
		org.store.update(
			'Lead',
			id,
			otherField && h.event === 'watched' ? { Company: `C${v}` } : { [VERSION]: String(v) },
		);
		org.store.commitLagMs = 0;
		versions.set(id, v);
		if (lagMs > 0) {
			pendingUntil.set(id, org.clock.now() + lagMs);
			late.add(`${id}#${v}`);
		}
	};
	for (const op of h.ops) {
		if (op.kind === 'create') for (let i = 0; i < op.count; i++) insert(op.lagMs);
		else if (op.kind === 'advance') org.clock.advance(op.ms);
		else if (op.kind === 'poll') await poll();
		else if (ids.length > 0) {
			const id = ids[op.index % ids.length];
			edit(id, op.lagMs, op.otherField);
			if (op.twiceInSecond) edit(id, 0, false);
		}
	}
	org.clock.advance(OVERLAP_MS + MINUTE);
	org.store.flush();
	for (let i = 0; i < 500 && !(await poll()).caughtUp; i++);
	observe();
	const createdAt = new Map(
		org.store.rows('Lead').map((r) => [r.Id as string, r.CreatedDate as number]),
	);
	const final = new Map(
		org.store
			.rows('Lead')
			.map((r) => [r.Id as string, { v: Number(r[VERSION]), stamp: r.SystemModstamp as number }]),
	);
	const watchedChanges = new Set(
		h.event === 'watched'
			? org.store
					.rows('LeadHistory')
					.filter((r) => r.Field === WATCHED && (r.CreatedDate as number) >= start)
					.map((r) => `${r.LeadId as string}|${r.CreatedDate as number}`)
			: [],
	);
	return {
		emitted,
		required,
		ids,
		start,
		createdAt,
		final,
		late,
		watchedChanges,
		finalState: state,
	};
}

describe('record events on the shared cursor, by property', () => {
	it('Record Created emits every record once, Record Updated every settled change once, watching fields every watched change once', async () => {
		await fc.assert(
			fc.asyncProperty(historyArb, async (h) => {
				const out = await runHistory(h);
				const problems: string[] = [];
				if (h.event === 'watched') {
					// Caught up, the emitted changes are exactly the watched ones, each once.
					const seen = new Set<string>();
					for (const e of out.emitted) {
						if (seen.has(e)) problems.push(`repeated ${e}`);
						if (!out.watchedChanges.has(e)) problems.push(`invented ${e}`);
						seen.add(e);
					}
					for (const c of out.watchedChanges) if (!seen.has(c)) problems.push(`missed ${c}`);
					if (problems.length) throw new Error(problems.join(', '));
					expect(out.finalState.backfill).toBe('done');
					return;
				}
				const parsed = out.emitted.map((e) => {
					const [id, v, stamp] = e.split('#');
					return { id, v: Number(v), stamp: Number(stamp) };
				});
				if (h.event === 'created') {
					const counts = new Map<string, number>();
					for (const { id } of parsed) counts.set(id, (counts.get(id) ?? 0) + 1);
					for (const [id, n] of counts) if (n > 1) problems.push(`repeated ${id}`);
					for (const [id, created] of out.createdAt) {
						if (created >= out.start && !counts.has(id)) problems.push(`missed ${id}`);
						if (created < out.start && counts.has(id)) problems.push(`before the start ${id}`);
					}
				} else {
					// Per record, the changes emitted rise strictly (no change twice, none out of order), each a
					// version at least as new as the last, and they reach every change a caught-up poll found settled.
					const last = new Map<string, { v: number; stamp: number }>();
					for (const { id, v, stamp } of parsed) {
						const before = last.get(id);
						if (before && (before.stamp >= stamp || before.v > v))
							problems.push(`repeated or out of order ${id}#${v}`);
						last.set(id, { v, stamp });
					}
					for (const [id, stamp] of out.required)
						if ((last.get(id)?.stamp ?? 0) < stamp) problems.push(`missed ${id} at ${stamp}`);
					// Caught up, each record's last emission is its final state: a change in the second of the
					// one emitted before is not lost (unless it committed late, see above).
					for (const [id, f] of out.final) {
						if (f.stamp < out.start) continue;
						const l = last.get(id);
						if (l?.v !== f.v && !(out.late.has(`${id}#${f.v}`) && l?.stamp === f.stamp))
							problems.push(`final state of ${id} (version ${f.v}) not emitted`);
					}
				}
				const known = new Set(out.ids);
				for (const { id } of parsed) if (!known.has(id)) problems.push(`invented ${id}`);
				if (problems.length) throw new Error(problems.join(', '));
				expect(Object.keys(out.finalState.emitted).length).toBeLessThanOrEqual(out.emitted.length);
				expect(out.finalState.backfill).toBe('done');
			}),
			{
				numRuns: Number(process.env.PROPERTY_RUNS ?? 3000),
				seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
			},
		);
	});
});
