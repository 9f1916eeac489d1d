import type { ApiKind } from '../http/types';

/** Faults a test can inject. */
export interface Faults {
	/** Added to every request. */
	latencyMs: number;
	/**
	 * The next `count` API requests fail with this error before reaching the org (CONCURRENT_LONG_TXN:
	 * 403 REQUEST_LIMIT_EXCEEDED for too many concurrent long requests).
	 */
	failNext: { count: number; kind: 'SERVER_UNAVAILABLE' | 'UNABLE_TO_LOCK_ROW' | 'CONCURRENT_LONG_TXN' };
	/** The next `count` token requests fail: 400 `unknown_error`, or 500/503 with Salesforce's HTML error page. */
	failNextLogin?: { count: number; status: 400 | 500 | 503 };
}

export interface RequestLogEntry {
	at: number;
	method: string;
	path: string;
	status: number;
	kind: ApiKind | 'oauth' | 'control';
	/** True when Salesforce would count it against the daily API allowance. */
	counted: boolean;
}

/** What the org counted: API calls as Salesforce counts them against the daily allowance, and token requests. */
export class Counters {
	apiCalls = 0;
	apiCallsByKind: Record<ApiKind, number> = emptyKinds();
	tokenRequests = 0;
	tokenRequestsByGrant: Record<string, number> = {};
	failedInjected = 0;
	log: RequestLogEntry[] = [];
	/** The request log keeps this many entries (the oldest are dropped). */
	logLimit = 10000;

	countApiCall(kind: ApiKind): void {
		this.apiCalls++;
		this.apiCallsByKind[kind]++;
	}

	countTokenRequest(grantType: string): void {
		this.tokenRequests++;
		this.tokenRequestsByGrant[grantType] = (this.tokenRequestsByGrant[grantType] ?? 0) + 1;
	}

	record(entry: RequestLogEntry): void {
		this.log.push(entry);
		if (this.log.length > this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
	}

	reset(): void {
		this.apiCalls = 0;
		this.apiCallsByKind = emptyKinds();
		this.tokenRequests = 0;
		this.tokenRequestsByGrant = {};
		this.failedInjected = 0;
		this.log = [];
	}

	snapshot() {
		return {
			apiCalls: this.apiCalls,
			apiCallsByKind: { ...this.apiCallsByKind },
			tokenRequests: this.tokenRequests,
			tokenRequestsByGrant: { ...this.tokenRequestsByGrant },
			failedInjected: this.failedInjected,
		};
	}
}

function emptyKinds(): Record<ApiKind, number> {
	return { query: 0, sobject: 0, describe: 0, collections: 0, composite: 0, limits: 0, connect: 0, other: 0 };
}
