import type { ApiKind } from '../http/types';

/** Faults a test can inject. */
export interface Faults {
	/** Added to every request. */
	latencyMs: number;
	/**
	 * The next `count` API requests fail with this error before reaching the org (CONCURRENT_LONG_TXN:
	 * 403 REQUEST_LIMIT_EXCEEDED for too many concurrent long requests).
	 */
	failNext: {
		count: number;
		kind: 'SERVER_UNAVAILABLE' | 'UNABLE_TO_LOCK_ROW' | 'CONCURRENT_LONG_TXN';
	};
	/** The next `count` token requests fail: 400 `unknown_error`, or 500/503 with Salesforce's HTML error page. */
	failNextLogin?: { count: number; status: 400 | 500 | 503 };
	/** Faults aimed at particular requests, each used once (see http/plannedFaults.ts). */
	plan?: PlannedFault[];
	/** The token endpoint answers 503 to this many token requests (a session that ended cannot be renewed). */
	tokenUnavailable?: number;
}

/**
 * What a planned fault does to the request it meets:
 * - SERVER_UNAVAILABLE: 503 before anything is applied; UNABLE_TO_LOCK_ROW: 400, nothing applied.
 * - SUBREQUEST_500: the request is applied, then one Composite subrequest's answer is replaced by 500 UNKNOWN_EXCEPTION.
 * - CUT_OFF: the request is applied, then its answer is cut off halfway (not valid JSON).
 * - RESET: the request is applied, then the connection is closed without an answer.
 * - SESSION_END: every session ends and the token endpoint answers 503 to the next `tokenFailures` token requests (all of them when absent); nothing applied: 401.
 * - ALLOWANCE_SPENT: the daily API allowance is spent from now on, or for this one request with `lasting: false` (nothing applied: 403 REQUEST_LIMIT_EXCEEDED).
 */
export type PlannedFaultKind =
	| 'SERVER_UNAVAILABLE'
	| 'UNABLE_TO_LOCK_ROW'
	| 'SUBREQUEST_500'
	| 'CUT_OFF'
	| 'RESET'
	| 'SESSION_END'
	| 'ALLOWANCE_SPENT';

export interface PlannedFault {
	kind: PlannedFaultKind;
	/** Only requests of this method (any when absent). */
	method?: string;
	/** Only requests whose path (after /services/data/vNN.0) ends with this (any when absent). */
	path?: string;
	/** Matching requests to let through first (0 when absent). */
	skip?: number;
	/** SUBREQUEST_500: which subrequest (0 when absent). */
	subrequest?: number;
	/** SESSION_END: how many token requests answer 503 (all when absent). */
	tokenFailures?: number;
	/** ALLOWANCE_SPENT: false for this one request only (true when absent). */
	lasting?: boolean;
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
	return {
		query: 0,
		sobject: 0,
		describe: 0,
		collections: 0,
		composite: 0,
		limits: 0,
		connect: 0,
		other: 0,
	};
}
