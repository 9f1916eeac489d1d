import fc from 'fast-check';
import type { HttpRequest } from '@jsforce/jsforce-node';
import type { IDataObject } from 'n8n-workflow';

import { pollEventsCompleting } from '../../nodes/shared/eventCursor/completingPoll';
import {
	initialEventState,
	OVERLAP_MS,
	type EventCursorState,
	type EventSource,
	type StampedRecord,
} from '../../nodes/shared/eventCursor/eventCursor';
import { ConnectBudget } from '../../nodes/shared/messaging/connectBudget';
import {
	ConversationReader,
	type ReaderClient,
} from '../../nodes/shared/messaging/conversationReader';
import { readSessionsInTurn } from '../../nodes/shared/messaging/sessionMessages';
import { SalesforceApiError } from '../../nodes/shared/transport/salesforceErrors';
import { toSecond } from '../sandbox-org/core/store';
import { SandboxOrg } from '../sandbox-org/org';

// Exactly-once for Messaging Session Ended, by property: fast-check generates histories of sessions
// starting (alone, and in bursts within one second, several per customer's conversation), messages,
// sessions ending (some committing late within the overlap window), polls with a small maximum and
// a small budget of Connect calls per hour, n8n restarting (back to the static data it last saved)
// and Salesforce refusing Connect calls (its hourly limit, shared with other apps). The shared cursor
// with its completing poll, the budget, the reader and the sandbox org's Connect endpoint (in process)
// run it; the ground truth: every session that ended since the start is emitted exactly once, with
// all its messages and no other session's, and Connect calls never pass the budget in any hour.

const T0 = Date.UTC(2026, 4, 1, 8, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Op =
	| { kind: 'start'; count: number; customer: number }
	| { kind: 'message'; index: number; fromAgent: boolean }
	| { kind: 'end'; index: number; lagMs: number }
	| { kind: 'advance'; ms: number }
	| { kind: 'poll' }
	| { kind: 'restart' }
	| { kind: 'refuse' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('start' as const),
			count: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 5 })),
			customer: fc.nat(2),
		}),
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('message' as const),
			index: fc.nat(40),
			fromAgent: fc.boolean(),
		}),
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('end' as const),
			index: fc.nat(40),
			lagMs: fc.oneof(
				{ weight: 4, arbitrary: fc.constant(0) },
				fc.integer({ min: 1, max: OVERLAP_MS }),
			),
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
	{ weight: 3, arbitrary: fc.constant({ kind: 'poll' as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'refuse' as const }) },
);

const historyArb = fc.record({
	ops: fc.array(opArb, { minLength: 5, maxLength: 60 }),
	maxPerPoll: fc.integer({ min: 1, max: 6 }),
	perHour: fc.integer({ min: 1, max: 6 }),
	pageSize: fc.integer({ min: 1, max: 5 }),
	backfillMs: fc.constantFrom(0, 2 * HOUR),
	preexisting: fc.integer({ min: 0, max: 4 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const SESSION = { accessToken: 'x', userId: '005u', clientId: 'app', scopes: ['api'], issuedAt: 0 };
const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The reader's client, answered by the sandbox org's Connect route in process (limit and all). */
function inProcessClient(org: SandboxOrg): ReaderClient {
	const transport: { lastServerTime: number | undefined } = { lastServerTime: undefined };
	return {
		apiVersion: '62.0',
		transport,
		conn: {
			async request<T>(req: HttpRequest): Promise<T> {
				const url = new URL(req.url, 'http://sandbox.invalid');
				const res = await org.dataRouter.dispatch({
					method: req.method,
					path: url.pathname.replace(/^\/services\/data\/v[\d.]+/, ''),
					query: url.searchParams,
					headers: {},
					body: undefined,
					rawBody: '',
					version: '62.0',
					session: SESSION,
					baseUrl: 'http://sandbox.invalid',
					org,
				});
				transport.lastServerTime = toSecond(org.clock.now());
				if (res.status >= 400) {
					const [first] = res.body as Array<{ errorCode: string; message: string }>;
					throw new SalesforceApiError({ ...first, fields: [], statusCode: res.status });
				}
				return res.body as T;
			},
		},
	};
}

/** The trigger's queries over the store's MessagingSession rows (Status Ended, by EndTime). */
function sessionSource(
	org: SandboxOrg,
	client: ReaderClient,
	pageSize: number,
): EventSource<IDataObject> {
	// Each query's answer tells the org's time, as the trigger's SOQL queries do (its Date header).
	const ended = () => {
		client.transport.lastServerTime = toSecond(org.clock.now());
		return org.store
			.rows('MessagingSession')
			.filter((r) => r.Status === 'Ended' && typeof r.EndTime === 'number');
	};
	const identifiers = new Map(
		org.store.rows('Conversation').map((c) => [c.Id as string, c.ConversationIdentifier]),
	);
	const stamped = (r: Record<string, unknown>): StampedRecord<IDataObject> => ({
		stamp: {
			id: r.Id as string,
			eventTime: r.EndTime as number,
			floorTime: Math.max(r.EndTime as number, r.CreatedDate as number),
			systemModstamp: r.SystemModstamp as number,
		},
		record: {
			Id: r.Id as string,
			CreatedDate: iso(r.CreatedDate),
			StartTime: iso(r.StartTime),
			EndTime: iso(r.EndTime),
			Conversation: {
				ConversationIdentifier: (identifiers.get(r.ConversationId as string) ??
					org.store.get(r.ConversationId as string)?.ConversationIdentifier) as string,
			},
		},
	});
	return {
		async backfill(from, to, after, limit) {
			const t = (r: Record<string, unknown>) => r.EndTime as number;
			return ended()
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
			const found = ended()
				.filter((r) => (r.SystemModstamp as number) >= since)
				.filter((r) => (r.EndTime as number) >= floor || (r.CreatedDate as number) >= floor)
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

interface Outcome {
	/** Each emission: the session and its messages' texts. */
	emitted: Array<{ id: string; texts: string[] }>;
	/** Sessions ended at or after the start, with their messages' texts in order. */
	expected: Map<string, string[]>;
	/** Sessions ended before the start. */
	before: Set<string>;
	peakPerHour: number;
	caughtUp: boolean;
}

async function runHistory(h: History): Promise<Outcome> {
	const org = new SandboxOrg({ frozenAt: T0 - 2 * 24 * HOUR });
	const customers = [0, 1, 2].map((n) => {
		const identifier = `conv-${n}`;
		const conversationId = org.store.insert('Conversation', {
			Name: `Customer ${n}`,
			ConversationIdentifier: identifier,
		});
		org.conversations.set(identifier, []);
		return { identifier, conversationId, endUserId: `0PA00000000000${n}AAA` };
	});
	const texts = new Map<string, string[]>();
	const active: Array<{ id: string; customer: number }> = [];
	const pendingUntil = new Map<string, number>();
	let counter = 0;
	let lastStamp = 0;
	const start = (customer: number) => {
		const c = customers[customer];
		const id = org.store.insert('MessagingSession', {
			Status: 'Active',
			StartTime: toSecond(org.clock.now()),
			ConversationId: c.conversationId,
			MessagingEndUserId: c.endUserId,
			ChannelType: 'EmbeddedMessaging',
		});
		active.push({ id, customer });
		texts.set(id, []);
	};
	const message = (s: { id: string; customer: number }, fromAgent: boolean) => {
		const text = `m${++counter}`;
		org.conversations.get(customers[s.customer].identifier)?.push({
			identifier: `e-${counter}`,
			senderRole: fromAgent ? 'Agent' : 'EndUser',
			senderName: '',
			senderSubject: fromAgent ? '005u' : customers[s.customer].endUserId,
			messageText: text,
			// Entries carry milliseconds, in order; several may share one.
			timestamp: (lastStamp = Math.max(lastStamp, org.clock.now()) + (counter % 2)),
			relatedRecords: [s.id],
		});
		texts.get(s.id)?.push(text);
	};
	const end = (index: number, lagMs: number) => {
		if (active.length === 0) return;
		const [s] = active.splice(index % active.length, 1);
		org.store.commitLagMs = lagMs;
		org.store.update('MessagingSession', s.id, { Status: 'Ended', EndTime: org.clock.now() });
		org.store.commitLagMs = 0;
		if (lagMs > 0) pendingUntil.set(s.id, org.clock.now() + lagMs);
	};
	for (let i = 0; i < h.preexisting; i++) {
		start(i % 3);
		message(active[active.length - 1], false);
		org.clock.advance(MINUTE);
		end(active.length - 1, 0);
		org.clock.advance(40 * MINUTE);
	}
	org.clock.freeze(T0);
	const startAt = T0 - h.backfillMs;
	const client = inProcessClient(org);
	const source = sessionSource(org, client, h.pageSize);
	// What n8n keeps: in memory between polls, saved when a poll emits (restart goes back to that).
	let memory = { cursor: initialEventState(startAt, T0), calls: {} as IDataObject };
	let saved = structuredClone(memory);
	const emitted: Outcome['emitted'] = [];
	let refuse = false;
	let lastDeferred = 0;
	const poll = async () => {
		const budget = new ConnectBudget(h.perHour, memory.calls);
		const reader = new ConversationReader(client, budget);
		if (refuse) org.connectRateLimit.hourlyLimit = 0;
		let outcome: { items: IDataObject[]; state: EventCursorState; deferred: number };
		try {
			outcome = await pollEventsCompleting(memory.cursor, source, h.maxPerPoll, async (records) =>
				(await readSessionsInTurn(reader, records)).read.map(({ session, turns }) => ({
					id: session.Id,
					texts: turns.map((t) => t.text),
				})),
			);
		} finally {
			org.connectRateLimit.hourlyLimit = 1000;
			refuse = false;
		}
		for (const item of outcome.items) emitted.push(item as { id: string; texts: string[] });
		memory = {
			cursor: outcome.state,
			calls: budget.toStaticData(client.transport.lastServerTime ?? org.clock.now()),
		};
		if (outcome.items.length > 0) saved = structuredClone(memory);
		lastDeferred = outcome.deferred;
		return outcome;
	};
	for (const op of h.ops) {
		if (op.kind === 'start') for (let i = 0; i < op.count; i++) start(op.customer);
		else if (op.kind === 'message') {
			if (active.length > 0) message(active[op.index % active.length], op.fromAgent);
		} else if (op.kind === 'end') end(op.index, op.lagMs);
		else if (op.kind === 'advance') org.clock.advance(op.ms);
		else if (op.kind === 'poll') await poll();
		else if (op.kind === 'restart') memory = structuredClone(saved);
		else refuse = true;
	}
	while (active.length > 0) end(0, 0);
	org.clock.advance(OVERLAP_MS + MINUTE);
	org.store.flush();
	// n8n polls every 20 minutes until the budget has let everything through.
	let caughtUp = false;
	for (let i = 0; i < 2000 && !caughtUp; i++) {
		const before = emitted.length;
		const outcome = await poll();
		caughtUp = emitted.length === before && lastDeferred === 0 && outcome.deferred === 0;
		org.clock.advance(20 * MINUTE);
	}
	const expected = new Map<string, string[]>();
	const before = new Set<string>();
	for (const r of org.store.rows('MessagingSession')) {
		const id = r.Id as string;
		if ((r.EndTime as number) >= startAt) expected.set(id, texts.get(id) ?? []);
		else before.add(id);
	}
	return {
		emitted,
		expected,
		before,
		peakPerHour: org.connectRateLimit.highestPerHour,
		caughtUp,
	};
}

describe('Messaging Session Ended on the shared cursor, by property', () => {
	it('emits every ended session exactly once with all its messages, and keeps the Connect calls within the budget in every hour', async () => {
		await fc.assert(
			fc.asyncProperty(historyArb, async (h) => {
				const out = await runHistory(h);
				const problems: string[] = [];
				const seen = new Map<string, string[]>();
				for (const e of out.emitted) {
					if (seen.has(e.id)) problems.push(`repeated ${e.id}`);
					if (out.before.has(e.id)) problems.push(`before the start ${e.id}`);
					else if (!out.expected.has(e.id)) problems.push(`invented ${e.id}`);
					seen.set(e.id, e.texts);
				}
				for (const [id, texts] of out.expected) {
					if (!seen.has(id)) problems.push(`missed ${id}`);
					else if (JSON.stringify(seen.get(id)) !== JSON.stringify(texts))
						problems.push(
							`messages of ${id}: ${JSON.stringify(seen.get(id))} instead of ${JSON.stringify(texts)}`,
						);
				}
				if (out.peakPerHour > h.perHour)
					problems.push(`${out.peakPerHour} Connect calls in an hour, budget ${h.perHour}`);
				if (!out.caughtUp) problems.push('never caught up');
				if (problems.length) throw new Error(problems.join(', '));
			}),
			{
				numRuns: Number(process.env.PROPERTY_RUNS ?? 400),
				seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
			},
		);
	});
});
