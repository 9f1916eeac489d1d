import type { HttpMethods, HttpResponse } from '@jsforce/jsforce-node';

/** Error codes Salesforce answers for a passing condition, worth another try after a pause. */
const TRANSIENT_ERROR_CODES = new Set(['UNABLE_TO_LOCK_ROW', 'SERVER_UNAVAILABLE']);

/** Network failures of a request that may not have reached Salesforce, or whose answer was lost. */
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ECONNREFUSED',
	'UND_ERR_SOCKET',
]);

/** Network failures of a request that never left this server: nothing reached Salesforce. */
const NOT_SENT_NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);

/** How a request failed: an HTTP answer, or a network error code. */
export type RequestFailure = { statusCode: number } | { networkCode: string };

export interface RetrySettings {
	/** Tries in all, the first one included. */
	attempts: number;
	/** The pause before the second try; it doubles each time (with full jitter), up to maxDelayMs. */
	startingDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { attempts: 5, startingDelayMs: 500, maxDelayMs: 8000 };

/**
 * Reads and idempotent writes (update, upsert by external ID, delete: GET, PATCH, PUT, DELETE)
 * may be repeated; a POST (a create, a composite request) never is, since it may have been applied.
 */
export function isRepeatable(method: HttpMethods): boolean {
	return method !== 'POST';
}

/**
 * The retry rule. A 503 answer (Salesforce applied nothing) and a connection refused before the
 * request was sent may be repeated for every method, a create (POST) too. Any other transient
 * failure (a lost connection, a timeout, a locked row) is repeated only for repeatable methods: a
 * POST that reached Salesforce may have been applied, and sending it again could create a record twice.
 */
export function mayRepeat(method: HttpMethods, failure: RequestFailure): boolean {
	if ('statusCode' in failure) return failure.statusCode === 503;
	if (!reachedSalesforce(failure.networkCode))
		return TRANSIENT_NETWORK_CODES.has(failure.networkCode);
	return isRepeatable(method) && isTransientNetworkError(failure.networkCode);
}

/** False for a network error that stopped the request before it left (so Salesforce applied nothing). */
export function reachedSalesforce(networkCode: string): boolean {
	return !NOT_SENT_NETWORK_CODES.has(networkCode);
}

/**
 * A response that says "try again later": 503, or UNABLE_TO_LOCK_ROW / SERVER_UNAVAILABLE. A 503
 * REQUEST_LIMIT_EXCEEDED (the Connect API's hourly limit) is not: it lasts up to an hour, and each try
 * is another call refused.
 */
export function isTransientResponse(response: HttpResponse): boolean {
	if (response.statusCode === 503)
		return !errorCodesOf(response.body).includes('REQUEST_LIMIT_EXCEEDED');
	if (response.statusCode < 400) return false;
	return errorCodesOf(response.body).some((code) => TRANSIENT_ERROR_CODES.has(code));
}

export function isTransientNetworkError(code: string | undefined): boolean {
	return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

/** The `errorCode`s of a REST error body (`[{message, errorCode}]`); empty when it is not one. */
export function errorCodesOf(body: string): string[] {
	if (!body || body.charAt(0) !== '[') return [];
	try {
		const parsed = JSON.parse(body) as unknown;
		return Array.isArray(parsed)
			? parsed
					.map((e) => (e as { errorCode?: unknown }).errorCode)
					.filter((c): c is string => typeof c === 'string')
			: [];
	} catch {
		return [];
	}
}
