// The life of one demo case as a list of timed events, decided before anything is written: how the
// customer got in touch, how many mails the thread has, who answers when, whether it is escalated,
// closed, reopened. The runner then plays the events in time order against the org.

import { DAY, HOUR, MINUTE } from './dates';
import type { Random } from './random';
import { THEMES, type CasePriority, type QueueKey, type Theme } from './themes';

export type Channel = 'email' | 'web' | 'phone' | 'chat' | 'messaging';
export type Outcome = 'closed' | 'new' | 'working' | 'escalated';
export type CustomerIntent = 'opening' | 'details' | 'stillBroken' | 'nudge' | 'thanks' | 'reopen';
export type AgentIntent =
	| 'first'
	| 'progress'
	| 'escalation'
	| 'followUp'
	| 'resolution'
	| 'reopened';

export type PlanEvent =
	| { at: number; kind: 'sessionStart' }
	| { at: number; kind: 'create' }
	| { at: number; kind: 'sessionEnd' }
	| { at: number; kind: 'customerMail'; intent: CustomerIntent }
	| { at: number; kind: 'agentMail'; intent: AgentIntent }
	| { at: number; kind: 'autoResponse' }
	| { at: number; kind: 'forward' }
	| { at: number; kind: 'draft' }
	| { at: number; kind: 'transfer'; to: QueueKey }
	| { at: number; kind: 'accept' }
	| { at: number; kind: 'escalate' }
	| { at: number; kind: 'comment'; note: 'theme' | 'resolvedByPhone' }
	| { at: number; kind: 'close' }
	| { at: number; kind: 'reopen' };

export type PlanEventKind = PlanEvent['kind'];

export interface CasePlan {
	channel: Channel;
	theme: Theme;
	outcome: Outcome;
	priority: CasePriority;
	/** The queue an email or web case lands in. */
	queue: QueueKey;
	/** Events in time order, `at` in epoch ms. */
	events: PlanEvent[];
	/** How many EmailMessages the case gets (1 to 15). */
	mails: number;
}

/** Thread lengths: most threads are short, a few run long (up to 15). */
const THREAD_LENGTHS: ReadonlyArray<readonly [number, number]> = [
	[1, 22],
	[2, 29],
	[3, 19],
	[4, 11.5],
	[5, 7],
	[6, 4.5],
	[7, 3],
	[8, 1.4],
	[9, 0.9],
	[10, 0.6],
	[11, 0.4],
	[12, 0.3],
	[13, 0.2],
	[14, 0.15],
	[15, 0.15],
];

const THEME_WEIGHTS = THEMES.map((t) => [t, t.weight] as const);

const MAIL_KINDS = new Set<PlanEventKind>([
	'customerMail',
	'agentMail',
	'autoResponse',
	'forward',
	'draft',
]);

export function isMail(e: PlanEvent): boolean {
	return MAIL_KINDS.has(e.kind);
}

/** Where a case's timeline sits: closed ones end at a sampled close time, open ones shortly before now. */
function placement(r: Random, outcome: Outcome, anchor: number): number {
	if (outcome === 'closed') {
		const band = r.weighted([
			['hours', 5],
			['days', 10],
			['weeks', 45],
			['months', 40],
		] as const);
		const ago =
			band === 'hours'
				? r.between(10 * MINUTE, 6 * HOUR)
				: band === 'days'
					? r.between(6 * HOUR, 2 * DAY)
					: band === 'weeks'
						? r.between(2 * DAY, 30 * DAY)
						: r.between(30 * DAY, 90 * DAY);
		return anchor - Math.round(ago);
	}
	const idle =
		outcome === 'new'
			? r.logUniform(2 * MINUTE, 20 * HOUR)
			: outcome === 'working'
				? r.logUniform(10 * MINUTE, 3 * DAY)
				: r.logUniform(30 * MINUTE, 4 * DAY);
	return anchor - idle;
}

function agentDelay(r: Random, priority: CasePriority): number {
	return priority === 'High'
		? r.logUniform(10 * MINUTE, 3 * HOUR)
		: priority === 'Medium'
			? r.logUniform(20 * MINUTE, 8 * HOUR)
			: r.logUniform(HOUR, DAY);
}

function acceptDelay(r: Random, priority: CasePriority): number {
	return priority === 'High'
		? r.logUniform(5 * MINUTE, 2 * HOUR)
		: priority === 'Medium'
			? r.logUniform(15 * MINUTE, 8 * HOUR)
			: r.logUniform(30 * MINUTE, 30 * HOUR);
}

/** Who writes each mail after the first, and why. */
function mailSequence(
	r: Random,
	count: number,
	closed: boolean,
): Array<{ side: 'customer'; intent: CustomerIntent } | { side: 'agent'; intent: AgentIntent }> {
	const sides: Array<'agent' | 'customer'> = [];
	let turn: 'agent' | 'customer' = 'agent';
	for (let i = 0; i < count; i++) {
		sides.push(turn);
		turn = r.chance(0.9) ? (turn === 'agent' ? 'customer' : 'agent') : turn;
	}
	// A closed case's thread ends with the agent's resolution, or with the customer's thanks after it.
	if (closed && sides.length > 0 && sides[sides.length - 1] === 'customer') {
		if (sides.length === 1) sides[0] = 'agent';
		else sides[sides.length - 2] = 'agent';
	}
	const lastAgent = sides.lastIndexOf('agent');
	let agentSeen = false;
	return sides.map((side, i) => {
		const prev = i > 0 ? sides[i - 1] : 'customer';
		if (side === 'agent') {
			const first = !agentSeen;
			agentSeen = true;
			if (closed && i === lastAgent) return { side, intent: 'resolution' };
			if (first) return { side, intent: 'first' };
			return { side, intent: prev === 'agent' ? 'followUp' : 'progress' };
		}
		if (closed && i === sides.length - 1) return { side, intent: 'thanks' };
		if (prev === 'customer') return { side, intent: 'nudge' };
		return { side, intent: r.chance(0.55) ? 'details' : 'stillBroken' };
	});
}

/** Plans one case whose timeline ends before `anchor`. */
export function planCase(r: Random, anchor: number): CasePlan {
	const channel = r.weighted<Channel>([
		['email', 45],
		['web', 20],
		['phone', 14],
		['chat', 11],
		['messaging', 10],
	]);
	const theme = r.weighted(THEME_WEIGHTS);
	const priority = r.weighted(theme.priority);
	let outcome: Outcome = r.chance(0.82)
		? 'closed'
		: r.weighted<Outcome>([
				['new', 25],
				['working', 55],
				['escalated', 20],
			]);
	const agentOwned = channel === 'phone' || channel === 'chat' || channel === 'messaging';
	if (outcome === 'new' && agentOwned) outcome = 'working';
	const closed = outcome === 'closed';
	let mails = r.weighted(THREAD_LENGTHS);
	if (outcome === 'new') mails = channel === 'email' ? r.int(1, 2) : 1;
	const reopen = closed && mails >= 5 && r.chance(0.1);
	const escalate =
		outcome === 'escalated' || (closed && theme.escalateTo !== theme.queue && r.chance(0.12));
	const forward = theme.forwardTo !== undefined && mails >= 4 && r.chance(0.3);

	const events: PlanEvent[] = [];
	let t = 0;
	const push = (e: PlanEvent) => events.push(e);
	let used = 0;

	// First contact.
	if (channel === 'chat' || channel === 'messaging') {
		push({ at: 0, kind: 'sessionStart' });
		t = r.logUniform(MINUTE, 5 * MINUTE);
		push({ at: t, kind: 'create' });
		t += r.logUniform(4 * MINUTE, channel === 'chat' ? 25 * MINUTE : 45 * MINUTE);
		push({ at: t, kind: 'sessionEnd' });
	} else {
		push({ at: 0, kind: 'create' });
	}
	if (channel === 'email') {
		push({ at: 0, kind: 'customerMail', intent: 'opening' });
		used++;
	}
	if ((channel === 'web' || (channel === 'email' && r.chance(0.5))) && used < mails) {
		t += r.logUniform(20_000, 2 * MINUTE);
		push({ at: t, kind: 'autoResponse' });
		used++;
	}
	if (!agentOwned) {
		if (r.chance(0.08)) {
			t += r.logUniform(15 * MINUTE, 4 * HOUR);
			push({ at: t, kind: 'transfer', to: theme.queue === 'tier1' ? 'returns' : 'tier1' });
		}
		if (outcome === 'new') return finish();
		t += acceptDelay(r, priority);
		push({ at: t, kind: 'accept' });
	}

	// The conversation by mail.
	// Mails beyond the back-and-forth: the reopening pair, and the forward to an internal team.
	const reserved = (reopen ? 2 : 0) + (forward ? 1 : 0);
	const sequence = mailSequence(r, mails - used - reserved, closed);
	let escalated = false;
	let forwarded = false;
	const escalateAt = escalate
		? sequence.findIndex(
				(m, i) => m.side === 'agent' && m.intent !== 'resolution' && i < sequence.length - 1,
			)
		: -1;
	sequence.forEach((m, i) => {
		const prevSide = i === 0 ? 'customer' : sequence[i - 1].side;
		if (m.side === 'agent') {
			if (agentOwned && i === 0) t += r.logUniform(5 * MINUTE, 2 * HOUR);
			else t += prevSide === 'agent' ? r.logUniform(DAY, 3 * DAY) : agentDelay(r, priority);
			if (forward && !forwarded && prevSide === 'customer' && i > 0 && i < sequence.length - 1) {
				forwarded = true;
				push({ at: t, kind: 'forward' });
				t += r.logUniform(2 * HOUR, DAY);
				push({ at: t, kind: 'agentMail', intent: m.intent });
				return;
			}
			if (i === escalateAt) {
				push({ at: t, kind: 'agentMail', intent: 'escalation' });
				escalated = true;
				t += r.logUniform(MINUTE, 10 * MINUTE);
				push({ at: t, kind: 'escalate' });
				t += r.logUniform(20 * MINUTE, DAY);
				push({ at: t, kind: 'accept' });
				return;
			}
			push({ at: t, kind: 'agentMail', intent: m.intent });
			if (r.chance(0.2))
				push({ at: t + r.logUniform(MINUTE, 30 * MINUTE), kind: 'comment', note: 'theme' });
		} else {
			t +=
				prevSide === 'customer' ? r.logUniform(DAY, 4 * DAY) : r.logUniform(15 * MINUTE, 2 * DAY);
			push({ at: t, kind: 'customerMail', intent: m.intent });
		}
	});
	if (escalate && !escalated) {
		t += r.logUniform(30 * MINUTE, 6 * HOUR);
		push({ at: t, kind: 'escalate' });
		if (outcome !== 'escalated' || r.chance(0.5)) {
			t += r.logUniform(20 * MINUTE, DAY);
			push({ at: t, kind: 'accept' });
		}
	}
	if (
		outcome === 'working' &&
		sequence.length > 0 &&
		sequence[sequence.length - 1].side === 'customer' &&
		events.filter(isMail).length < 15 &&
		r.chance(0.15)
	) {
		t += r.logUniform(5 * MINUTE, 40 * MINUTE);
		push({ at: t, kind: 'draft' });
	}

	if (closed) {
		const last = sequence[sequence.length - 1];
		if (!last)
			push({
				at: t + r.logUniform(10 * MINUTE, 4 * HOUR),
				kind: 'comment',
				note: 'resolvedByPhone',
			});
		t += !last
			? r.logUniform(30 * MINUTE, DAY)
			: last.side === 'agent'
				? r.logUniform(MINUTE, 3 * HOUR)
				: r.logUniform(5 * MINUTE, 6 * HOUR);
		push({ at: t, kind: 'close' });
		if (reopen) {
			t += r.logUniform(DAY, 6 * DAY);
			push({ at: t, kind: 'customerMail', intent: 'reopen' });
			t += r.logUniform(MINUTE, 10 * MINUTE);
			push({ at: t, kind: 'reopen' });
			t += agentDelay(r, priority);
			push({ at: t, kind: 'agentMail', intent: 'reopened' });
			t += r.logUniform(5 * MINUTE, 2 * HOUR);
			push({ at: t, kind: 'close' });
		}
	}
	return finish();

	function finish(): CasePlan {
		events.sort((a, b) => a.at - b.at);
		const end = events[events.length - 1].at;
		const shift = placement(r, outcome, anchor) - end;
		for (const e of events) e.at += shift;
		return {
			channel,
			theme,
			outcome,
			priority,
			queue: theme.queue,
			events,
			mails: events.filter(isMail).length,
		};
	}
}
