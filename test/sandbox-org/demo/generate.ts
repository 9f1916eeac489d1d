// The demo data of the sandbox org: a service team, its customers and `cases` cases with their
// email threads, chats, messaging sessions, notes and history, the same for the same seed.
//
// History is written in time order relative to one anchor, the org clock's "now" when generation
// starts: every record's CreatedDate / SystemModstamp / ClosedDate / CaseHistory comes from the
// org clock, frozen at the moment each event happens. Nothing is dated after the anchor.

import { makeId } from '../core/ids';
import type { SandboxOrg } from '../org';
import { planCase } from './case-plan';
import { CaseRunner, type LegacyCase } from './case-runner';
import { addCustomers, addLeads, customerCounts, type Customer } from './customers';
import { DAY, HOUR } from './dates';
import { Random } from './random';
import { addMessagingChannels, addSupportTeam } from './team';
import { THEMES } from './themes';
import { TimeQueue } from './time-queue';
import type { DemoWorld } from './world';

export interface DemoDataSummary {
	seed: number;
	/** The "now" the history was generated against (ISO 8601). */
	anchor: string;
	counts: Record<string, number>;
	/** Case queues (Group Ids) by DeveloperName: Tier_1_Support, Billing, Technical_Escalations, Returns_Warranty. */
	queueIds: Record<string, string>;
	/** The support agents' User Ids. */
	agentIds: string[];
	/** The user Email-to-Case and Web-to-Case create cases as. */
	automationUserId: string;
}

/** Objects the summary counts. */
export const DEMO_OBJECTS = [
	'User',
	'Group',
	'GroupMember',
	'QueueSobject',
	'Account',
	'Contact',
	'Lead',
	'Case',
	'CaseHistory',
	'CaseComment',
	'EmailMessage',
	'LiveChatVisitor',
	'LiveChatTranscript',
	'MessagingChannel',
	'MessagingEndUser',
	'Conversation',
	'MessagingSession',
] as const;

/** Share of cases a data load brought in from a former helpdesk (closed, with backdated ClosedDate). */
const LEGACY_SHARE = 0.01;

export function generateDemoData(
	org: SandboxOrg,
	opts: { seed: number; cases: number },
): DemoDataSummary {
	const wasFrozen = org.clock.frozen;
	const anchor = org.clock.now();
	const offsetFromRealTime = anchor - Date.now();
	const root = new Random(opts.seed);
	try {
		const setUpAt = anchor - 730 * DAY;
		org.clock.freeze(setUpAt);
		datePreexistingUsers(org, setUpAt);
		const team = addSupportTeam(org);
		const world: DemoWorld = {
			org,
			seed: opts.seed,
			team,
			channels: undefined,
			lightningSince: anchor - 60 * DAY,
			endUsers: new Map(),
			botId: makeId('0Xx', 1),
		};
		if (opts.cases > 0) {
			world.channels = addMessagingChannels(org);
			const counts = customerCounts(opts.cases);
			const customers = addCustomers(org, root.fork(1), anchor, counts, {
				createdById: team.automationUserId,
				ownerId: team.agents[0].id,
			});
			addLeads(org, root.fork(2), anchor, counts.leads, team.automationUserId);
			runCases(world, root, customers, opts.cases, anchor);
		}
		return {
			seed: opts.seed,
			anchor: new Date(anchor).toISOString(),
			counts: countRecords(org),
			queueIds: Object.fromEntries(Object.values(team.queues).map((q) => [q.developerName, q.id])),
			agentIds: team.agents.map((a) => a.id),
			automationUserId: team.automationUserId,
		};
	} finally {
		// Leave the clock as the caller had it: frozen at the anchor, or running (with its offset).
		org.clock.reset();
		if (wasFrozen) org.clock.freeze(anchor);
		else if (Math.abs(offsetFromRealTime) > 1000) org.clock.advance(offsetFromRealTime);
	}
}

/**
 * The org existed before its history: users added before generation (the demo integration user)
 * are dated at the org's set-up, so that no record is older than the user who created it.
 */
function datePreexistingUsers(org: SandboxOrg, setUpAt: number): void {
	for (const user of org.store.rows('User')) {
		if (typeof user.CreatedDate === 'number' && user.CreatedDate > setUpAt)
			org.store.update(
				'User',
				String(user.Id),
				{ CreatedDate: setUpAt },
				{ userId: String(user.CreatedById || user.Id) },
			);
	}
}

export function countRecords(org: SandboxOrg): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const name of DEMO_OBJECTS) counts[name] = org.store.count(name);
	let entries = 0;
	for (const list of org.conversations.values()) entries += list.length;
	counts.ConversationEntry = entries;
	return counts;
}

/** The customer a case is about: a few customers get in touch far more often than most. */
function customerFor(r: Random, customers: readonly Customer[]): Customer {
	return customers[Math.floor(customers.length * Math.pow(r.next(), 1.6))];
}

interface PendingCase {
	start: number;
	index: number;
}

/**
 * Plays every case's events in global time order. A case's plan is drawn from its own random
 * stream, once to learn when it starts and again (identically) when its turn comes, so only the
 * cases in progress are held in memory.
 */
function runCases(
	world: DemoWorld,
	root: Random,
	customers: readonly Customer[],
	cases: number,
	anchor: number,
): void {
	const legacyCount = Math.floor(cases * LEGACY_SHARE);
	const importAt = anchor - 41 * DAY + 3 * HOUR;
	const stream = (index: number) => root.fork(1000 + index);

	const makeRunner = (index: number): CaseRunner => {
		const r = stream(index);
		const customer = customerFor(r, customers);
		if (index < legacyCount) {
			const theme = r.pick(THEMES);
			const closedAt = anchor - r.int(120, 420) * DAY;
			const legacy: LegacyCase = {
				openedAt: closedAt - r.int(1, 20) * DAY,
				closedAt,
				thanks: r.chance(0.4),
			};
			const plan = {
				channel: 'email' as const,
				theme,
				outcome: 'closed' as const,
				priority: r.weighted(theme.priority),
				queue: theme.queue,
				events: [{ at: importAt + index * 2000, kind: 'create' as const }],
				mails: legacy.thanks ? 3 : 2,
			};
			return new CaseRunner(world, r, plan, customer, legacy);
		}
		return new CaseRunner(world, r, planCase(r, anchor), customer);
	};

	const pending: PendingCase[] = [];
	for (let index = 0; index < cases; index++) {
		if (index < legacyCount) {
			pending.push({ start: importAt + index * 2000, index });
			continue;
		}
		const r = stream(index);
		customerFor(r, customers);
		pending.push({ start: planCase(r, anchor).events[0].at, index });
	}
	pending.sort((a, b) => a.start - b.start || a.index - b.index);

	const active = new TimeQueue<CaseRunner>();
	let next = 0;
	for (;;) {
		const due = active.peekTime();
		if (next < pending.length && (due === undefined || pending[next].start <= due)) {
			const { index } = pending[next++];
			const runner = makeRunner(index);
			active.push(runner.nextAt ?? anchor, index, runner);
			continue;
		}
		const item = active.pop();
		if (!item) break;
		item.value.step();
		const at = item.value.nextAt;
		if (at !== undefined) active.push(at, item.order, item.value);
	}
}
