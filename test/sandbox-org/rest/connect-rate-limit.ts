// The Connect REST API's own hourly limit: per user, per connected app, per hour (Salesforce's
// "Connect REST API Limits"). Past it, every Connect resource answers 503 Service Unavailable.
// Orgs created or migrated from Summer '24 on keep that limit for Chatter resources only; set
// `hourlyLimit` to null to model such an org (conversation entries then count only against the
// daily allowance).

import { sfError } from '../http/errors';
import type { SfResponse } from '../http/types';

/** The allowance Salesforce documents for the conversation entries resource. */
export const CONNECT_HOURLY_LIMIT = 1000;

const HOUR_MS = 60 * 60 * 1000;

/**
 * HAND-written shape: the status (503) is documented; the error code and wording are the ones
 * integrators report (see contract/recorded/SOURCES.txt, connect-hourly-limit).
 */
export const CONNECT_LIMIT_MESSAGE =
	"You have reached the Connect API's hourly request limit for this user and application. Please try again later.";

export function connectLimitExceeded(): SfResponse {
	return sfError(503, 'REQUEST_LIMIT_EXCEEDED', CONNECT_LIMIT_MESSAGE);
}

/**
 * Counts Connect calls per user and app over a rolling hour (the strictest reading of "per hour":
 * a client that keeps within it in any 60 minutes keeps within it in every clock hour too).
 * Refused calls do not use up the allowance.
 */
export class ConnectRateLimit {
	/** Calls allowed per user and app in any 60 minutes; null for no hourly limit. */
	hourlyLimit: number | null = CONNECT_HOURLY_LIMIT;
	/** The most calls one user and app made within any 60 minutes since the last reset. */
	highestPerHour = 0;
	private readonly calls = new Map<string, number[]>();

	constructor(private readonly now: () => number) {}

	/** Records a call at the current time; false when the user and app are over the limit. */
	take(userId: string, clientId: string): boolean {
		const times = this.recent(userId, clientId);
		if (this.hourlyLimit !== null && times.length >= this.hourlyLimit) return false;
		times.push(this.now());
		this.highestPerHour = Math.max(this.highestPerHour, times.length);
		return true;
	}

	/** Calls of this user and app in the last hour. */
	used(userId: string, clientId: string): number {
		return this.recent(userId, clientId).length;
	}

	/** The most calls any user and app made in the last hour. */
	peak(): number {
		let most = 0;
		for (const key of this.calls.keys()) {
			const [userId, clientId] = key.split('\u0000');
			most = Math.max(most, this.used(userId, clientId));
		}
		return most;
	}

	reset(): void {
		this.calls.clear();
		this.highestPerHour = 0;
	}

	private recent(userId: string, clientId: string): number[] {
		const key = `${userId}\u0000${clientId}`;
		const since = this.now() - HOUR_MS;
		const times = (this.calls.get(key) ?? []).filter((t) => t > since);
		this.calls.set(key, times);
		return times;
	}
}
