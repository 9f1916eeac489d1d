import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleControl } from '../control';
import type { SandboxOrg } from '../org';
import type { PlannedFault } from '../core/observe';
import { MAX_JSON_REQUEST_BYTES } from '../core/content-objects';
import { isMultipart, parseMultipart } from './multipart';
import { INVALID_SESSION, NOT_FOUND_RESOURCE, sfError } from './errors';
import { takePlannedFault, withSubrequest500 } from './plannedFaults';
import type { ApiKind, SfRequest, SfResponse } from './types';

/** API versions the sandbox answers; Salesforce keeps roughly the last 30 (31.0 is retired in real orgs). */
export const MIN_API_VERSION = 31;
export const MAX_API_VERSION = 66;

const DATA_PREFIX = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/;

/** Puts an org on HTTP. */
export function createOrgServer(org: SandboxOrg): Server {
	// Node's own header limit (16 KB) would answer 431 before the sandbox sees the request; the
	// sandbox applies Salesforce's limits itself (see oversized).
	const server = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => {
		handle(org, req, res).catch((err) => {
			// An unexpected failure inside the sandbox itself: answer as Salesforce does for its own faults.
			send(res, {
				status: 500,
				body: [
					{
						errorCode: 'UNKNOWN_EXCEPTION',
						message: `An unexpected error occurred. Please include this ErrorId if you contact support: sandbox-${String(err?.message ?? err).slice(0, 200)}`,
					},
				],
			});
		});
	});
	server.keepAliveTimeout = 5000;
	return server;
}

export function baseUrlOf(server: Server): string {
	const addr = server.address() as AddressInfo;
	return `http://127.0.0.1:${addr.port}`;
}

async function handle(org: SandboxOrg, req: IncomingMessage, res: ServerResponse): Promise<void> {
	// The org's own clock, as a real org's servers send it (tests may freeze or advance it).
	res.setHeader('Date', new Date(org.clock.now()).toUTCString());
	const url = new URL(req.url ?? '/', 'http://sandbox');
	const bytes = await readBody(req);
	const tooLarge = oversized(req);
	if (tooLarge) return send(res, tooLarge);
	const baseUrl = `http://${req.headers.host ?? '127.0.0.1'}`;
	const multipart = isMultipart(req.headers['content-type']);
	// A multipart body's text is its JSON part; its file parts reach the handlers as bytes.
	const parsed = multipart
		? parseMultipart(req.headers['content-type'] ?? '', bytes)
		: bytes.length > MAX_JSON_REQUEST_BYTES
			? {
					body: undefined,
					rawBody: '',
					error: `Maximum size of request reached. Maximum size of request is ${MAX_JSON_REQUEST_BYTES} bytes.`,
				}
			: {
					...parseBody(req.headers['content-type'], bytes.toString('utf8')),
					rawBody: bytes.toString('utf8'),
				};
	const rawBody = parsed.rawBody;
	const base: Omit<SfRequest, 'path' | 'version'> = {
		method: req.method ?? 'GET',
		query: url.searchParams,
		headers: req.headers,
		body: parsed.body,
		rawBody,
		baseUrl,
		org,
	};
	const path = url.pathname;

	if (path.startsWith('/__sandbox/')) {
		const response = await handleControl({ ...base, path, version: '' });
		org.counters.record({
			at: org.clock.now(),
			method: base.method,
			path,
			status: response.status,
			kind: 'control',
			counted: false,
		});
		return send(res, response);
	}

	if (org.faults.latencyMs > 0) await sleep(org.faults.latencyMs);

	if (path.startsWith('/services/oauth2/') || path.startsWith('/id/')) {
		if ((org.faults.tokenUnavailable ?? 0) > 0 && path === '/services/oauth2/token') {
			org.faults.tokenUnavailable = (org.faults.tokenUnavailable ?? 0) - 1;
			// Salesforce's maintenance answer: an HTML page, not an OAuth error.
			org.counters.record({
				at: org.clock.now(),
				method: base.method,
				path,
				status: 503,
				kind: 'oauth',
				counted: false,
			});
			return send(res, {
				status: 503,
				text: '<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>',
			});
		}
		const response = await org.authRouter.dispatch({ ...base, path, version: '' });
		org.counters.record({
			at: org.clock.now(),
			method: base.method,
			path,
			status: response.status,
			kind: 'oauth',
			counted: false,
		});
		return send(res, response);
	}

	if (path === '/services/data' || path === '/services/data/') return send(res, versionsResponse());

	const m = DATA_PREFIX.exec(path);
	if (!m) return send(res, NOT_FOUND_RESOURCE());
	const version = m[1];
	const subPath = m[2] && m[2] !== '/' ? m[2] : '/';
	const major = Number(version.split('.')[0]);
	const request: SfRequest = { ...base, path: subPath, version };
	// A planned fault meets a request Salesforce would process: one without a valid session is
	// refused before anything else, and does not count.
	const token = bearerToken(request.headers.authorization);
	const fault =
		token && org.sessions.validate(token) ? takePlannedFault(org, base.method, subPath) : undefined;
	if (fault?.kind === 'SESSION_END') {
		org.sessions.expireAll();
		org.faults.tokenUnavailable = fault.tokenFailures ?? Number.MAX_SAFE_INTEGER;
	}
	if (fault?.kind === 'ALLOWANCE_SPENT' && fault.lasting !== false)
		org.apiUsageOffset = org.dailyApiLimit - org.counters.apiCalls;
	const response = await handleData(org, request, major, parsed.error, fault);
	const kind: ApiKind = org.dataRouter.kindOf(request.method, subPath);
	org.counters.record({
		at: org.clock.now(),
		method: base.method,
		path: `${path}${url.search}`,
		status: response.status,
		kind,
		counted: response.counted,
	});
	if (fault?.kind === 'RESET') {
		// Applied, but the answer never arrives: the client sees the connection reset.
		res.socket?.destroy();
		return;
	}
	if (fault?.kind === 'CUT_OFF') {
		const text = JSON.stringify(response.body ?? '');
		return send(res, {
			status: response.status,
			headers: { ...response.headers, 'Content-Type': 'application/json;charset=UTF-8' },
			text: text.slice(0, Math.floor(text.length / 2)),
		});
	}
	return send(res, response);
}

async function handleData(
	org: SandboxOrg,
	req: SfRequest,
	major: number,
	bodyError: string | undefined,
	fault?: PlannedFault,
): Promise<SfResponse & { counted: boolean }> {
	const notCounted = (r: SfResponse) => ({ ...r, counted: false });
	if (!(major >= MIN_API_VERSION && major <= MAX_API_VERSION))
		return notCounted(NOT_FOUND_RESOURCE());

	const token = bearerToken(req.headers.authorization);
	const session = token ? org.sessions.validate(token) : undefined;
	if (!session) return notCounted(INVALID_SESSION());
	const login = org.login(session.userId);
	if (login && !login.apiEnabled)
		return notCounted(
			sfError(403, 'API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner'),
		);

	if (org.apiUsage >= org.dailyApiLimit) {
		return notCounted(
			withLimitInfo(org, sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')),
		);
	}
	if (org.faults.failNext.count > 0) {
		org.faults.failNext.count--;
		org.counters.failedInjected++;
		const r =
			org.faults.failNext.kind === 'UNABLE_TO_LOCK_ROW'
				? sfError(
						400,
						'UNABLE_TO_LOCK_ROW',
						'unable to obtain exclusive access to this record or 1 records: 500Sb0000000000AAA',
						[],
					)
				: org.faults.failNext.kind === 'CONCURRENT_LONG_TXN'
					? sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.')
					: sfError(
							503,
							'SERVER_UNAVAILABLE',
							'Server temporarily unavailable, please try again later.',
						);
		return notCounted(r);
	}
	if (fault?.kind === 'ALLOWANCE_SPENT')
		return notCounted(
			withLimitInfo(org, sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')),
		);
	if (fault?.kind === 'SERVER_UNAVAILABLE')
		return notCounted(
			sfError(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later.'),
		);
	if (fault?.kind === 'UNABLE_TO_LOCK_ROW')
		return notCounted(
			sfError(
				400,
				'UNABLE_TO_LOCK_ROW',
				'unable to obtain exclusive access to this record or 1 records: 500Sb0000000000AAA',
				[],
			),
		);
	if (bodyError)
		return { ...withLimitInfo(org, sfError(400, 'JSON_PARSER_ERROR', bodyError)), counted: false };

	const kind = org.dataRouter.kindOf(req.method, req.path);
	org.counters.countApiCall(kind);
	const response = await org.dataRouter.dispatch({ ...req, session });
	if (fault?.kind === 'SUBREQUEST_500')
		return {
			...withLimitInfo(org, {
				...response,
				body: withSubrequest500(response.body, fault.subrequest ?? 0),
			}),
			counted: true,
		};
	return { ...withLimitInfo(org, response), counted: true };
}

function withLimitInfo(org: SandboxOrg, response: SfResponse): SfResponse {
	return {
		...response,
		headers: {
			...response.headers,
			'Sforce-Limit-Info': `api-usage=${org.apiUsage}/${org.dailyApiLimit}`,
		},
	};
}

function versionsResponse(): SfResponse {
	const versions = [];
	const labels: Record<number, string> = {
		60: "Spring '24",
		61: "Summer '24",
		62: "Winter '25",
		63: "Spring '25",
		64: "Summer '25",
		65: "Winter '26",
		66: "Spring '26",
	};
	for (let v = MIN_API_VERSION; v <= MAX_API_VERSION; v++)
		versions.push({
			label: labels[v] ?? `v${v}.0`,
			url: `/services/data/v${v}.0`,
			version: `${v}.0`,
		});
	return { status: 200, body: versions };
}

/**
 * Salesforce allows 16,384 bytes of URI and headers together: a longer URI answers 414, longer headers 431.
 * HAND-WRITTEN shape: no recorded 414/431 from a real org is in contract/recorded; the status codes are
 * Salesforce's, the HTML body is what its Jetty front end is documented to send and may differ in wording.
 */
const MAX_URI_AND_HEADERS = 16_384;

function oversized(req: IncomingMessage): SfResponse | undefined {
	const uri = Buffer.byteLength(req.url ?? '');
	if (uri > MAX_URI_AND_HEADERS)
		return { status: 414, text: '<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>' };
	const headers = req.rawHeaders.reduce((n, h) => n + Buffer.byteLength(h) + 2, 0);
	if (uri + headers > MAX_URI_AND_HEADERS)
		return {
			status: 431,
			text: '<h1>Bad Message 431</h1><pre>reason: Request Header Fields Too Large</pre>',
		};
	return undefined;
}

function bearerToken(header: string | undefined): string | undefined {
	const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header ?? '');
	return m?.[1]?.trim();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function parseBody(
	contentType: string | undefined,
	raw: string,
): { body: unknown; error?: string } {
	if (!raw) return { body: undefined };
	if ((contentType ?? '').includes('application/x-www-form-urlencoded'))
		return { body: Object.fromEntries(new URLSearchParams(raw)) };
	try {
		return { body: JSON.parse(raw) };
	} catch (e) {
		return {
			body: undefined,
			error: `Unexpected character: ${(e as Error).message} at [line:1, column:1]`,
		};
	}
}

function send(res: ServerResponse, response: SfResponse): void {
	const headers: Record<string, string> = { ...response.headers };
	let payload: string | Buffer = '';
	if (response.bytes !== undefined) {
		payload = response.bytes;
		headers['Content-Type'] ??= 'application/octet-stream';
	} else if (response.text !== undefined) {
		payload = response.text;
		headers['Content-Type'] ??= 'text/html;charset=UTF-8';
	} else if (response.body !== undefined) {
		payload = JSON.stringify(response.body);
		headers['Content-Type'] ??= 'application/json;charset=UTF-8';
	}
	res.writeHead(response.status, headers);
	res.end(response.status === 204 ? undefined : payload);
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}
