import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import {
	caseUpToEmail,
	createdBefore,
	initialNewEmailState,
	pollNewEmails,
	type NewEmailOptions,
	type NewEmailState,
} from '../../nodes/shared/caseEmails/newEmails';
import {
	eventFloor,
	initialEventState,
	OVERLAP_MS,
	type EventSource,
	type StampedRecord,
} from '../../nodes/shared/eventCursor/eventCursor';
import { recordStamp } from '../../nodes/shared/records/soqlRecordSource';
import { toSecond } from '../sandbox-org/core/store';
import { SandboxOrg } from '../sandbox-org/org';

// New Email on a Case, by property (the structure of the record events' property test): fast-check
// generates histories of cases and emails (incoming and outgoing, from the customer or not, bursts
// within one second, commits up to the overlap window late), edits, deletes and undeletes of emails,
// polls with a small maximum, polls whose result is lost (n8n never stored their state) and restarts
// (the state through JSON), runs them in the sandbox org's store and checks the emails the trigger's
// poll (`pollNewEmails`: the shared cursor, then the options on the fetched cases) emits against the
// ground truth of the final data:
// - every email emitted is an incoming email of its case, created since the start, emitted once, and
//   from the customer when that option is on;
// - every email: each incoming email created since the start (from the customer, with that option)
//   that was never deleted is emitted;
// - first email only: a case none of whose incoming emails was ever deleted has exactly one emitted
//   (none when its first email is older than the start; with the customer option, none or one) and,
//   when none of its emails committed late, it is the case's earliest incoming email (with the
//   customer option: that email if it is the customer's, else none). An older email committing late,
//   after a newer one was taken as the first, is not taken as a second first.

const T0 = Date.UTC(2026, 4, 1, 8, 0, 0);
const MINUTE = 60_000;

type Op =
	| { kind: 'case'; withContact: boolean }
	| {
			kind: 'email';
			/** Back from the newest case (0: the newest), so that a case's emails meet in a poll's window. */
			caseIndex: number;
			onNewCase: boolean;
			count: number;
			incoming: boolean;
			fromCustomer: boolean;
			lagMs: number;
	  }
	| { kind: 'edit'; index: number; lagMs: number }
	| { kind: 'delete'; index: number }
	| { kind: 'undelete'; index: number }
	| { kind: 'advance'; ms: number }
	| { kind: 'poll' }
	| { kind: 'lostPoll' }
	| { kind: 'restart' };

const lagArb = fc.oneof(
	{ weight: 4, arbitrary: fc.constant(0) },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: OVERLAP_MS }) },
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('case' as const), withContact: fc.boolean() }),
	},
	{
		weight: 5,
		arbitrary: fc.record({
			kind: fc.constant('email' as const),
			caseIndex: fc.oneof({ weight: 3, arbitrary: fc.nat(2) }, fc.nat(20)),
			onNewCase: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true)),
			count: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 5 })),
			incoming: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
			fromCustomer: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
			lagMs: lagArb,
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({ kind: fc.constant('edit' as const), index: fc.nat(80), lagMs: lagArb }),
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), index: fc.nat(80) }) },
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('undelete' as const), index: fc.nat(80) }),
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
	{ weight: 1, arbitrary: fc.constant({ kind: 'lostPoll' as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

const historyArb = fc.record({
	firstOnly: fc.boolean(),
	fromCustomerOnly: fc.boolean(),
	pageSize: fc.integer({ min: 1, max: 5 }),
	ops: fc.array(opArb, { minLength: 5, maxLength: 80 }),
	maxPerPoll: fc.integer({ min: 1, max: 6 }),
	backfillMs: fc.constantFrom(0, 60 * MINUTE, 7 * 24 * 60 * MINUTE),
	preexisting: fc.integer({ min: 0, max: 4 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const OTHER_SENDER = 'colleague@elsewhere.example';

/** The trigger's email queries (INCOMING_EMAILS through SoqlRecordSource) over the store's rows. */
function emailSource(org: SandboxOrg, pageSize: number): EventSource<IDataObject> {
	const rows = () =>
		org.store.rows('EmailMessage').filter((r) => r.Incoming === true && r.ParentId !== null);
	const stamped = (r: Record<string, unknown>): StampedRecord<IDataObject> => {
		const record: IDataObject = {
			Id: r.Id as string,
			ParentId: r.ParentId as string,
			CreatedDate: r.CreatedDate as number,
			SystemModstamp: r.SystemModstamp as number,
		};
		return { stamp: recordStamp(record, 'CreatedDate'), record };
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
						(t(r) === after.eventTime && (r.Id as string) > after.id),
				)
				.sort((a, b) => t(a) - t(b) || byId(a.Id as string, b.Id as string))
				.slice(0, limit)
				.map(stamped);
		},
		async *live(since, floor) {
			const found = rows()
				.filter((r) => (r.SystemModstamp as number) >= since && (r.CreatedDate as number) >= floor)
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

/** The cases query (emailCasesQuery): each visible case with its contact's email and its visible emails. */
function caseFetcher(org: SandboxOrg) {
	return async (ids: string[]): Promise<IDataObject[]> => {
		const emails = org.store.rows('EmailMessage');
		return ids.flatMap((id) => {
			const row = org.store.get(id, 'Case');
			if (!row) return [];
			const contact = row.ContactId ? org.store.get(row.ContactId as string, 'Contact') : undefined;
			const records = emails
				.filter((e) => e.ParentId === id)
				.map((e) => ({
					Id: e.Id,
					Incoming: e.Incoming,
					FromAddress: e.FromAddress,
					CreatedDate: e.CreatedDate,
				})) as IDataObject[];
			return [
				{
					Id: id,
					OwnerId: row.OwnerId as string,
					SuppliedEmail: row.SuppliedEmail as string | null,
					Contact: contact ? { Email: contact.Email as string } : null,
					EmailMessages: records.length ? { totalSize: records.length, done: true, records } : null,
				},
			];
		});
	};
}

interface EmailFacts {
	caseId: string;
	incoming: boolean;
	fromCustomer: boolean;
	createdDate: number;
}

async function runHistory(h: History) {
	const org = new SandboxOrg({ frozenAt: T0 - 2 * 24 * 60 * MINUTE });
	const cases: string[] = [];
	const emails: string[] = [];
	const pendingUntil = new Map<string, number>();
	const late = new Set<string>();
	const deletedEver = new Set<string>();
	const customerOf = new Map<string, string>();
	const newCase = (withContact: boolean) => {
		const address = `customer${cases.length}@example.com`;
		const contactId = withContact
			? org.store.insert('Contact', { LastName: 'Customer', Email: address.toUpperCase() })
			: null;
		const id = org.store.insert('Case', {
			Subject: 'Case',
			Status: 'New',
			ContactId: contactId,
			SuppliedEmail: withContact ? null : address,
		});
		cases.push(id);
		customerOf.set(id, address);
	};
	const newEmail = (caseId: string, incoming: boolean, fromCustomer: boolean, lagMs: number) => {
		org.store.commitLagMs = lagMs;
		const id = org.store.insert('EmailMessage', {
			ParentId: caseId,
			Incoming: incoming,
			FromAddress: fromCustomer ? customerOf.get(caseId) : OTHER_SENDER,
			Subject: 'Mail',
			TextBody: 'Text',
			MessageDate: org.clock.now() - 3 * 24 * 60 * MINUTE,
		});
		org.store.commitLagMs = 0;
		if (lagMs > 0) {
			pendingUntil.set(id, org.clock.now() + lagMs);
			late.add(id);
		}
		emails.push(id);
	};
	for (let i = 0; i < h.preexisting; i++) {
		newCase(i % 2 === 0);
		newEmail(cases[i], true, i % 3 !== 2, 0);
		org.clock.advance(3 * 60 * MINUTE);
	}
	org.clock.freeze(T0);
	const start = T0 - h.backfillMs;
	let state: NewEmailState = initialNewEmailState(initialEventState(start, T0));
	const source = emailSource(org, h.pageSize);
	const fetchCases = caseFetcher(org);
	const options: NewEmailOptions = {
		firstOnly: h.firstOnly,
		fromCustomerOnly: h.fromCustomerOnly,
		queueIds: [],
	};
	const emitted: string[] = [];
	const problems: string[] = [];
	const poll = async (lost = false) => {
		const outcome = await pollNewEmails(state, source, fetchCases, options, h.maxPerPoll);
		if (lost) return outcome;
		for (const { email, caseRecord } of outcome.emitted) {
			emitted.push(email.Id as string);
			if (
				caseRecord.Id !==
				org.store.rows('EmailMessage', { includeDeleted: true }).find((r) => r.Id === email.Id)
					?.ParentId
			)
				problems.push(`email ${String(email.Id)} with another case`);
			const thread = caseUpToEmail(caseRecord, email).EmailMessages as IDataObject;
			const kept = thread.records as IDataObject[];
			if (!kept.some((e) => e.Id === email.Id)) problems.push(`thread without ${String(email.Id)}`);
			for (const e of kept)
				if (e.Id !== email.Id && !createdBefore(e, email))
					problems.push(`thread of ${String(email.Id)} has the later ${String(e.Id)}`);
		}
		state = outcome.state;
		return outcome;
	};
	const visible = (id: string) => org.store.get(id, 'EmailMessage') !== undefined;
	for (const op of h.ops) {
		if (op.kind === 'case') newCase(op.withContact);
		else if (op.kind === 'email') {
			if (cases.length === 0 || op.onNewCase) newCase(op.caseIndex % 2 === 0);
			const caseId = cases[cases.length - 1 - (op.caseIndex % cases.length)];
			for (let i = 0; i < op.count; i++)
				newEmail(caseId, op.incoming, op.fromCustomer, i === 0 ? op.lagMs : 0);
		} else if (op.kind === 'edit' || op.kind === 'delete' || op.kind === 'undelete') {
			if (emails.length === 0) continue;
			const id = emails[op.index % emails.length];
			if ((pendingUntil.get(id) ?? 0) > org.clock.now()) continue;
			if (op.kind === 'edit' && visible(id)) {
				org.store.commitLagMs = op.lagMs;
				org.store.update('EmailMessage', id, { Status: '1' });
				org.store.commitLagMs = 0;
				if (op.lagMs > 0) pendingUntil.set(id, org.clock.now() + op.lagMs);
			} else if (op.kind === 'delete' && visible(id)) {
				org.store.delete('EmailMessage', id);
				deletedEver.add(id);
			} else if (op.kind === 'undelete') org.store.undelete('EmailMessage', id);
		} else if (op.kind === 'advance') org.clock.advance(op.ms);
		else if (op.kind === 'poll') await poll();
		else if (op.kind === 'lostPoll') await poll(true);
		else state = JSON.parse(JSON.stringify(state)) as NewEmailState;
	}
	org.clock.advance(OVERLAP_MS + MINUTE);
	org.store.flush();
	for (let i = 0; i < 1000 && !(await poll()).caughtUp; i++);
	const facts = new Map<string, EmailFacts>(
		org.store.rows('EmailMessage', { includeDeleted: true }).map((r) => [
			r.Id as string,
			{
				caseId: r.ParentId as string,
				incoming: r.Incoming === true,
				fromCustomer: r.FromAddress !== OTHER_SENDER,
				createdDate: r.CreatedDate as number,
			},
		]),
	);
	return { emitted, problems, facts, start, late, deletedEver, finalState: state };
}

describe('New Email on a Case on the shared cursor, by property', () => {
	it('emits each incoming email once (the first of each case once, with that option), from the customer only with that option', async () => {
		await fc.assert(
			fc.asyncProperty(historyArb, async (h) => {
				const out = await runHistory(h);
				const problems = [...out.problems];
				const seen = new Set<string>();
				for (const id of out.emitted) {
					const f = out.facts.get(id);
					if (seen.has(id)) problems.push(`repeated ${id}`);
					seen.add(id);
					if (!f) problems.push(`invented ${id}`);
					else {
						if (!f.incoming) problems.push(`outgoing ${id}`);
						if (f.createdDate < out.start) problems.push(`before the start ${id}`);
						if (h.fromCustomerOnly && !f.fromCustomer) problems.push(`not the customer's ${id}`);
					}
				}
				const incoming = [...out.facts].filter(([, f]) => f.incoming);
				if (!h.firstOnly) {
					for (const [id, f] of incoming)
						if (
							f.createdDate >= out.start &&
							!out.deletedEver.has(id) &&
							(f.fromCustomer || !h.fromCustomerOnly) &&
							!seen.has(id)
						)
							problems.push(`missed ${id}`);
				} else {
					const byCase = new Map<string, string[]>();
					for (const [id, f] of incoming)
						byCase.set(f.caseId, [...(byCase.get(f.caseId) ?? []), id]);
					for (const [caseId, ids] of byCase) {
						if (ids.some((id) => out.deletedEver.has(id))) continue;
						const ordered = ids
							.map((id) => ({ Id: id, CreatedDate: out.facts.get(id)!.createdDate }))
							.sort((a, b) => (createdBefore(a, b) ? -1 : createdBefore(b, a) ? 1 : 0));
						const first = ordered[0].Id;
						const firstFacts = out.facts.get(first)!;
						const taken = out.emitted.filter((id) => out.facts.get(id)?.caseId === caseId);
						const anyLate = ids.some((id) => out.late.has(id));
						if (taken.length > 1) problems.push(`case ${caseId}: ${taken.length} first emails`);
						if (firstFacts.createdDate < out.start) {
							if (taken.length > 0) problems.push(`case ${caseId}: first email before the start`);
							continue;
						}
						const expectOne = !h.fromCustomerOnly || (!anyLate && firstFacts.fromCustomer);
						if (expectOne && taken.length === 0) problems.push(`case ${caseId}: no first email`);
						if (!anyLate) {
							const wanted = !h.fromCustomerOnly || firstFacts.fromCustomer ? [first] : [];
							if (taken.join() !== wanted.join())
								problems.push(`case ${caseId}: took ${taken.join()} for ${wanted.join()}`);
						}
					}
				}
				if (problems.length) throw new Error(problems.join(', '));
				expect(out.finalState.cursor.backfill).toBe('done');
				// Bounded: a case's first is remembered only while its emails can be met again.
				const floor = eventFloor(out.finalState.cursor);
				for (const until of Object.values(out.finalState.firstCases))
					expect(until).toBeGreaterThanOrEqual(floor);
			}),
			{
				numRuns: Number(process.env.PROPERTY_RUNS ?? 3000),
				seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
			},
		);
	});
});
