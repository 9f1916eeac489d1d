import type { HttpRequest, HttpResponse } from '@jsforce/jsforce-node';
import { backOff } from 'exponential-backoff';
import type {
	BinaryHelperFunctions,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { parseLimitInfo, type ApiUsage } from './limitInfo';
import { isRefusedRefresh, RefreshRace } from './refreshRace';
import {
	DEFAULT_RETRY,
	errorCodesOf,
	isRepeatable,
	isTransientResponse,
	mayRepeat,
	type RetrySettings,
} from './retryPolicy';
import {
	ApiLimitError,
	SalesforceCredentialError,
	SalesforceNetworkError,
} from './salesforceErrors';

/**
 * A readable byte stream (node:stream's Readable), named through n8n-workflow's binary helpers: n8n's
 * community-package scanner refuses imports of Node's own modules, even of types.
 */
export type Readable = Exclude<Parameters<BinaryHelperFunctions['prepareBinaryData']>[0], Buffer>;

/** The n8n contexts a Salesforce call can be made from. */
export type SalesforceContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface TransportOptions {
	credentialType: string;
	/** Send path-only URLs: the credential's `authenticate` adds its session's instance URL as base. */
	pathOnly: boolean;
	retry?: RetrySettings;
	/** OAuth2: the refresh token the connection read, to tell a refresh race lost from a revoked token (see refreshRace.ts). */
	refreshToken?: string;
}

/** A request; `streamResponse` hands a successful answer's body over as a stream (a blob), not as text. */
export type TransportRequest = HttpRequest & { streamResponse?: boolean };

/** An answer; `stream` is the body of a successful `streamResponse` request, still to be read. */
export type TransportResponse = HttpResponse & { stream?: Readable };

/** A response that asked to be tried again; thrown inside the retry loop only. */
class TransientResponse extends Error {
	constructor(
		readonly response: HttpResponse,
		/** Salesforce refused the request before doing anything, so even a POST may go again. */
		readonly notApplied = false,
	) {
		super(`HTTP ${response.statusCode}`);
	}
}

/**
 * The HTTP layer of every Salesforce call: every request goes through n8n's
 * `httpRequestWithAuthentication`, so n8n's proxy settings apply and n8n refreshes and stores the
 * credential's session (a 401 renews it once and repeats the request). On top: retries with
 * backoff and jitter for the transient failures the retry rule allows (`mayRepeat`: a 503 or a
 * refused connection for every method, a create too; other passing failures only for methods that
 * may be repeated), and an immediate stop when the org's daily API allowance is spent.
 *
 * jsforce's `Connection` is not used to send: its public API has no way to hand it a transport
 * (only its private `_transport` field), and every request the package makes is built in
 * `salesforceApi.ts` anyway. jsforce stays for its public types (describe results, requests).
 */
export class N8nHttpTransport {
	/** The latest `Sforce-Limit-Info` usage seen. */
	lastUsage: ApiUsage | undefined;
	/** The org's time (epoch ms, to the second) from the latest response's `Date` header. */
	lastServerTime: number | undefined;
	/** Requests sent, retries included (for benchmarks and tests). */
	requestCount = 0;
	/** The end of the queue of requests waiting to be sent one at a time (see `sendOnce`). */
	private queue: Promise<unknown> = Promise.resolve();
	/** OAuth2: tells an `invalid_grant` that lost a refresh-token rotation race from a revoked credential. */
	private readonly refreshRace: RefreshRace | undefined;

	constructor(
		private readonly context: SalesforceContext,
		private readonly options: TransportOptions,
	) {
		this.refreshRace = options.pathOnly
			? undefined
			: new RefreshRace(context, options.credentialType, options.refreshToken);
	}

	/** Sends one request (with its retries) and gives Salesforce's answer, whatever its status. */
	async httpRequest(request: TransportRequest): Promise<TransportResponse> {
		const retry = this.options.retry ?? DEFAULT_RETRY;
		const repeatable = isRepeatable(request.method);
		let attempts = 0;
		let failure: unknown;
		try {
			return await backOff(
				async () => {
					attempts++;
					const response = await this.sendOnce(request);
					if (isConcurrencyLimit(response)) throw new TransientResponse(response, true);
					if (isTransientResponse(response))
						throw new TransientResponse(
							response,
							mayRepeat(request.method, { statusCode: response.statusCode }),
						);
					return response;
				},
				{
					numOfAttempts: retry.attempts,
					startingDelay: retry.startingDelayMs,
					maxDelay: retry.maxDelayMs,
					timeMultiple: 2,
					jitter: 'full',
					retry: (e: unknown) =>
						(e instanceof TransientResponse && (repeatable || e.notApplied)) ||
						(e instanceof SalesforceNetworkError &&
							mayRepeat(request.method, { networkCode: e.code })),
				},
			);
		} catch (e) {
			// Out of tries: hand the last transient answer to the caller, which turns it into its error.
			if (e instanceof TransientResponse) return e.response;
			failure =
				e instanceof SalesforceNetworkError
					? new SalesforceNetworkError(e.code, e.host, attempts)
					: e;
		}
		throw failure;
	}

	/**
	 * With a session kept by the credential (JWT, client credentials), requests are sent one at a
	 * time: n8n renews such a session for every request that finds it missing or ended, so
	 * concurrent requests would each log in. One at a time, a session costs one token request.
	 * (n8n already shares one OAuth2 refresh between concurrent requests.)
	 */
	private sendOnce(request: TransportRequest): Promise<TransportResponse> {
		if (!this.options.pathOnly) return this.exchange(request);
		const run = this.queue.then(() => this.exchange(request));
		this.queue = run.catch(() => undefined);
		return run;
	}

	private async exchange(request: TransportRequest): Promise<TransportResponse> {
		const url = this.options.pathOnly ? pathOf(request.url) : request.url;
		const streamed = request.streamResponse === true;
		const options: IHttpRequestOptions = {
			method: request.method as IHttpRequestMethods,
			url,
			headers: withoutAuthorization(request.headers),
			body: request.body as IHttpRequestOptions['body'],
			returnFullResponse: true,
			json: false,
			encoding: streamed ? 'stream' : 'text',
		};
		this.requestCount++;
		let outcome: TransportResponse | SalesforceCredentialError | SalesforceNetworkError;
		try {
			const full = await this.signedRequest(options);
			outcome =
				streamed && full.statusCode >= 200 && full.statusCode < 300 && isStream(full.body)
					? { ...normalize(full.statusCode, full.headers, ''), stream: full.body }
					: normalize(full.statusCode, full.headers, await textOf(full.body));
		} catch (error) {
			// An error answer to a streamed request arrives as a stream too: read it as text.
			if (streamed) await readErrorBodies(error);
			outcome = answerOrFailure(error, request.url);
		}
		if (outcome instanceof Error) throw outcome;
		const response = outcome;
		this.lastUsage = parseLimitInfo(response.headers['sforce-limit-info']) ?? this.lastUsage;
		const serverTime = Date.parse(response.headers.date ?? '');
		if (!Number.isNaN(serverTime)) this.lastServerTime = serverTime;
		if (
			response.statusCode === 403 &&
			errorCodesOf(response.body).includes('REQUEST_LIMIT_EXCEEDED') &&
			!isConcurrencyLimit(response)
		) {
			throw new ApiLimitError(messageOf(response.body), this.lastUsage);
		}
		return response;
	}

	/**
	 * The request through n8n, signed with the credential. An OAuth2 refresh refused because another
	 * process had just rotated the refresh token is not the end: the request goes again (at most
	 * twice) once that process has stored its token (see refreshRace.ts).
	 */
	private async signedRequest(options: IHttpRequestOptions): Promise<RawResponse> {
		let refused: unknown;
		for (let retries = 0; retries <= 2; retries++) {
			try {
				return (await this.context.helpers.httpRequestWithAuthentication.call(
					this.context,
					this.options.credentialType,
					options,
				)) as RawResponse;
			} catch (error) {
				refused = error;
			}
			if (
				!this.refreshRace ||
				!isRefusedRefresh(refused) ||
				!(await this.refreshRace.anotherProcessRefreshed())
			)
				break;
		}
		throw refused;
	}
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/**
 * A 403 REQUEST_LIMIT_EXCEEDED for too many concurrent long requests (`ConcurrentPerOrgLongTxn`,
 * `ConcurrentRequests`): Salesforce refused the request before running it and frees the slot within
 * seconds, unlike the daily allowance. Salesforce gives both the same errorCode; only the message
 * tells them apart.
 */
function isConcurrencyLimit(response: HttpResponse): boolean {
	return (
		response.statusCode === 403 &&
		errorCodesOf(response.body).includes('REQUEST_LIMIT_EXCEEDED') &&
		/Concurrent/i.test(messageOf(response.body))
	);
}

/** The request's headers without jsforce's own Authorization header: n8n signs the request with the credential's session. */
function withoutAuthorization(headers: Record<string, string> | undefined): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers ?? {}).filter(
			([name]) => name !== 'Authorization' && name !== 'authorization',
		),
	);
}

/**
 * What an error n8n threw for a request amounts to: the REST API's answer when it gave one (any
 * status), else why no answer came, as a typed error: the login service refused to renew the
 * session, or the network failed, or n8n could not sign the request.
 */
function answerOrFailure(
	error: unknown,
	url: string,
): HttpResponse | SalesforceCredentialError | SalesforceNetworkError {
	const answered = responseOf(error);
	if (answered && !answered.fromLogin) return answered.response;
	if (answered)
		return new SalesforceCredentialError(
			`Salesforce's login service answered HTTP ${answered.response.statusCode} when n8n renewed the session`,
			answered.response.statusCode,
		);
	const code = networkCodeOf(error);
	if (code) return new SalesforceNetworkError(code, hostOf(url), 1);
	return new SalesforceCredentialError(firstLineOf(error));
}

/**
 * The HTTP answer inside an error n8n threw for a non-2xx status (it keeps the original as `cause`),
 * and whether it came from the token endpoint (an OAuth2 refresh n8n made on the way) rather than
 * from the REST API.
 */
function responseOf(error: unknown): { response: HttpResponse; fromLogin: boolean } | undefined {
	for (
		let e = error as
				| { cause?: unknown; response?: unknown; config?: { url?: unknown } }
				| undefined,
			depth = 0;
		e && depth < 4;
		e = e.cause as typeof e, depth++
	) {
		const r = e.response as
			| {
					status?: number;
					statusCode?: number;
					headers?: Record<string, unknown>;
					data?: unknown;
					body?: unknown;
					config?: { url?: unknown };
			  }
			| undefined;
		const status = r?.status ?? r?.statusCode;
		if (r && typeof status === 'number') {
			const url = String(e.config?.url ?? r.config?.url ?? '');
			return {
				response: normalize(status, r.headers ?? {}, r.data ?? r.body),
				fromLogin: url.includes('/services/oauth2/'),
			};
		}
	}
	return undefined;
}

/**
 * The system error code of a request that got no answer (`ECONNREFUSED`, ...), or '' when it is none.
 * `EAUTH` and `ESTATUS` are the OAuth2 client's codes for a token endpoint that answered with an
 * error: Salesforce was reached, the credential is the problem.
 */
function networkCodeOf(error: unknown): string {
	for (
		let e = error as { cause?: unknown; code?: unknown } | undefined, depth = 0;
		e && depth < 4;
		e = e.cause as typeof e, depth++
	) {
		if (e.code === 'EAUTH' || e.code === 'ESTATUS') return '';
		if (typeof e.code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(e.code)) return e.code;
	}
	return '';
}

/** The message of an error n8n threw while signing a request: one line, nothing of the request. */
function firstLineOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0].slice(0, 500);
}

function isStream(body: unknown): body is Readable {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as Readable).pipe === 'function' &&
		typeof (body as Readable)[Symbol.asyncIterator] === 'function'
	);
}

/** A body as it came (text, JSON) or, when it is a stream, read whole (error answers are small). */
async function textOf(body: unknown): Promise<unknown> {
	if (!isStream(body)) return body;
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** Reads the streamed bodies of the HTTP answers inside an error n8n threw, in place, so that they can be parsed. */
async function readErrorBodies(error: unknown): Promise<void> {
	for (
		let e = error as { cause?: unknown; response?: { data?: unknown; body?: unknown } } | undefined,
			depth = 0;
		e && depth < 4;
		e = e.cause as typeof e, depth++
	) {
		if (e.response && isStream(e.response.data)) e.response.data = await textOf(e.response.data);
		if (e.response && isStream(e.response.body)) e.response.body = await textOf(e.response.body);
	}
}

function normalize(
	statusCode: number,
	headers: Record<string, unknown>,
	body: unknown,
): TransportResponse {
	const lower: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {}))
		lower[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
	let text: string;
	if (body === undefined || body === null) text = '';
	else if (typeof body === 'string') text = body;
	else if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else text = JSON.stringify(body);
	return { statusCode, headers: lower, body: text };
}

function messageOf(body: string): string {
	try {
		const parsed = JSON.parse(body) as Array<{ message?: string }>;
		return parsed[0]?.message ?? 'TotalRequests Limit exceeded.';
	} catch {
		return 'TotalRequests Limit exceeded.';
	}
}

function pathOf(url: string): string {
	const u = new URL(url);
	return `${u.pathname}${u.search}`;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'Salesforce';
	}
}
