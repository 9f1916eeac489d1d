import type { IDataObject } from 'n8n-workflow';

// Salesforce allows 1,000 Connect REST API calls per user, connected app and hour (the messaging
// entries resource among them) and answers 503 REQUEST_LIMIT_EXCEEDED past it. A workflow keeps to
// a smaller budget of its own, counted over a rolling hour in its static data.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/**
 * Calls are kept per minute (bounded state: at most 61 entries), each minute counted until an hour
 * after its end, plus a margin: the org's time is known to the second from its `Date` header, so a
 * call may have reached Salesforce up to a second after the time it is recorded at.
 */
const MARGIN_MS = 2000;

/** The most calls a user may set: Salesforce's own limit is 1,000 an hour. */
export const MAX_CONNECT_CALLS_PER_HOUR = 1000;
export const DEFAULT_CONNECT_CALLS_PER_HOUR = 500;

/** Where a workflow keeps its Connect calls of the last hour (its trigger node's static data). */
export const CONNECT_CALL_LOG = 'connectCalls';

/** Calls made, by the start of their minute (epoch ms, as text: static data is JSON). */
export type ConnectCallLog = Record<string, number>;

/** A budget of Connect calls per rolling hour, over a call log kept in static data. */
export class ConnectBudget {
	private readonly log: ConnectCallLog;

	constructor(
		readonly perHour: number,
		log: IDataObject | undefined,
	) {
		this.log = {};
		for (const [minute, count] of Object.entries(log ?? {}))
			if (typeof count === 'number' && Number.isFinite(Number(minute))) this.log[minute] = count;
	}

	/** Calls still counted at `now`. */
	used(now: number): number {
		let used = 0;
		for (const [minute, count] of Object.entries(this.log))
			if (countedUntil(Number(minute)) > now) used += count;
		return used;
	}

	/** Calls the budget allows at `now`. */
	left(now: number): number {
		return Math.max(0, this.perHour - this.used(now));
	}

	/** Notes a call made at `at` (the org's time). */
	record(at: number): void {
		const minute = String(Math.floor(at / MINUTE_MS) * MINUTE_MS);
		this.log[minute] = (this.log[minute] ?? 0) + 1;
	}

	/** When the next call is allowed again, once the budget is spent at `now`. */
	nextFreeAt(now: number): number {
		let used = this.used(now);
		const minutes = Object.keys(this.log)
			.map(Number)
			.filter((m) => countedUntil(m) > now)
			.sort((a, b) => a - b);
		for (const minute of minutes) {
			used -= this.log[String(minute)];
			if (used < this.perHour) return countedUntil(minute);
		}
		return now;
	}

	/** The call log to keep: the minutes still counted at `now`. */
	toStaticData(now: number): ConnectCallLog {
		const out: ConnectCallLog = {};
		for (const [minute, count] of Object.entries(this.log))
			if (countedUntil(Number(minute)) > now) out[minute] = count;
		return out;
	}
}

function countedUntil(minute: number): number {
	return minute + MINUTE_MS + HOUR_MS + MARGIN_MS;
}
