import { SalesforceError, sfError } from '../http/errors';
import type { Router } from '../http/router';
import { MAX_API_VERSION, MIN_API_VERSION } from '../http/server';
import type { SfRequest, SfResponse } from '../http/types';
import {
	resolveInBody,
	resolveInUrl,
	UnresolvedReference,
	type ReferenceValues,
} from './composite-references';
import { flag } from './request-input';

/** Most subrequests of one composite request, and most of them that may be Collections or query requests. */
export const MAX_SUBREQUESTS = 25;
export const MAX_COLLECTION_OR_QUERY_SUBREQUESTS = 5;

interface Subrequest {
	method: string;
	url: string;
	referenceId: string;
	body?: unknown;
	httpHeaders?: Record<string, string>;
}

interface SubrequestResult {
	body: unknown;
	httpHeaders: Record<string, string>;
	httpStatusCode: number;
	referenceId: string;
}

const ROLLED_BACK_MESSAGE =
	'The transaction was rolled back since another operation in the same transaction failed.';
const SUBREQUEST_URL = /^\/services\/data\/v(\d+\.\d)(\/[^?]*)?(?:\?(.*))?$/;

/**
 * `POST /composite`: up to 25 subrequests run in order as one API call, later ones using earlier
 * results through `@{ref...}`. With allOrNone, the first failure rolls everything back and every
 * other subrequest answers PROCESSING_HALTED; without it, only subrequests that reference a
 * failed one fail.
 */
export function registerCompositeRoutes(router: Router): void {
	router.add('POST', '/composite', 'composite', handleComposite);
}

async function handleComposite(req: SfRequest): Promise<SfResponse> {
	const parsed = parseComposite(req.body);
	if ('status' in parsed) return parsed;
	const { subrequests, allOrNone } = parsed;
	const restore = allOrNone ? req.org.store.savepoint() : undefined;
	const values: ReferenceValues = new Map();
	const results: SubrequestResult[] = [];
	let failedAt = -1;
	for (const sub of subrequests) {
		if (allOrNone && failedAt >= 0) {
			results.push(halted(sub.referenceId, ROLLED_BACK_MESSAGE));
			continue;
		}
		const result = await runSubrequest(req, sub, values, allOrNone);
		results.push(result);
		if (failed(result, allOrNone)) {
			if (failedAt < 0) failedAt = results.length - 1;
		} else {
			values.set(sub.referenceId, result.body);
		}
	}
	if (restore && failedAt >= 0) {
		restore();
		const rolledBack = results.map((r, i) =>
			i === failedAt ? r : halted(r.referenceId, ROLLED_BACK_MESSAGE),
		);
		return { status: 200, body: { compositeResponse: rolledBack } };
	}
	return { status: 200, body: { compositeResponse: results } };
}

/** A failure: an HTTP error, or (when everything must succeed) a Collections row that failed. */
function failed(result: SubrequestResult, allOrNone: boolean): boolean {
	if (result.httpStatusCode >= 400) return true;
	return (
		allOrNone &&
		Array.isArray(result.body) &&
		result.body.some((row) => (row as { success?: unknown } | null)?.success === false)
	);
}

function halted(referenceId: string, message: string): SubrequestResult {
	return {
		body: [{ errorCode: 'PROCESSING_HALTED', message }],
		httpHeaders: {},
		httpStatusCode: 400,
		referenceId,
	};
}

async function runSubrequest(
	req: SfRequest,
	sub: Subrequest,
	values: ReferenceValues,
	allOrNone: boolean,
): Promise<SubrequestResult> {
	let url: string;
	let body: unknown;
	try {
		url = resolveInUrl(sub.url, values);
		body = resolveInBody(sub.body, values);
	} catch (err) {
		if (err instanceof UnresolvedReference) return halted(sub.referenceId, err.message);
		throw err;
	}
	const m = SUBREQUEST_URL.exec(url);
	const path = m?.[2] && m[2] !== '/' ? m[2] : '/';
	const major = m ? Number(m[1]) : 0;
	const nested =
		path === '/composite' ||
		path.startsWith('/composite/batch') ||
		path.startsWith('/composite/tree') ||
		path.startsWith('/composite/graph');
	if (!m || nested || major < MIN_API_VERSION || major > MAX_API_VERSION) {
		return {
			body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
			httpHeaders: {},
			httpStatusCode: 404,
			referenceId: sub.referenceId,
		};
	}
	const query = new URLSearchParams(m[3] ?? '');
	if (allOrNone && path.startsWith('/composite/sobjects')) {
		// The composite request's allOrNone overrides the one of a Collections subrequest.
		if (sub.method === 'DELETE') query.set('allOrNone', 'true');
		else if (body && typeof body === 'object' && !Array.isArray(body))
			body = { ...body, allOrNone: true };
	}
	const headers = { ...req.headers };
	for (const [k, v] of Object.entries(sub.httpHeaders ?? {})) headers[k.toLowerCase()] = v;
	const subRequest: SfRequest = {
		...req,
		method: sub.method,
		path,
		query,
		headers,
		body,
		rawBody: body === undefined ? '' : JSON.stringify(body),
		version: m[1],
	};
	let response: SfResponse;
	try {
		response = await req.org.dataRouter.dispatch(subRequest);
	} catch (err) {
		if (!(err instanceof SalesforceError)) throw err;
		response = err.toResponse();
	}
	return {
		body: response.status === 204 ? null : (response.body ?? null),
		httpHeaders: response.headers ?? {},
		httpStatusCode: response.status,
		referenceId: sub.referenceId,
	};
}

/** The composite body, checked as Salesforce checks it before running anything (400 otherwise). */
function parseComposite(
	body: unknown,
): { subrequests: Subrequest[]; allOrNone: boolean } | SfResponse {
	const input = body as { compositeRequest?: unknown; allOrNone?: unknown } | undefined;
	if (!input || typeof input !== 'object' || !Array.isArray(input.compositeRequest))
		return sfError(400, 'JSON_PARSER_ERROR', "'compositeRequest' is a required field.");
	const subrequests = input.compositeRequest as Array<Record<string, unknown>>;
	if (subrequests.length > MAX_SUBREQUESTS) {
		return sfError(
			400,
			'LIMIT_EXCEEDED',
			`Limit Exceeded: a composite request can have at most ${MAX_SUBREQUESTS} subrequests`,
		);
	}
	const seen = new Set<string>();
	let heavy = 0;
	for (const sub of subrequests) {
		for (const key of ['method', 'url', 'referenceId']) {
			if (typeof sub?.[key] !== 'string' || sub[key] === '')
				return sfError(400, 'JSON_PARSER_ERROR', `'${key}' is a required field.`);
		}
		const ref = sub.referenceId as string;
		if (!/^[A-Za-z0-9][A-Za-z0-9_]*$/.test(ref)) {
			return sfError(
				400,
				'JSON_PARSER_ERROR',
				`Invalid referenceId '${ref}': the referenceId must start with a letter or a number and contain only letters, numbers, or underscores`,
			);
		}
		if (seen.has(ref))
			return sfError(400, 'JSON_PARSER_ERROR', `Duplicate referenceId '${ref}' provided`);
		seen.add(ref);
		const headers = Object.keys((sub.httpHeaders as Record<string, string> | undefined) ?? {}).map(
			(h) => h.toLowerCase(),
		);
		const forbidden = headers.find((h) => ['accept', 'authorization', 'content-type'].includes(h));
		if (forbidden)
			return sfError(
				400,
				'INVALID_HEADER_TYPE',
				`Subrequests inherit the ${forbidden} header of the composite request and cannot set it`,
			);
		if (/\/(composite\/sobjects|query|queryAll)(\/|\?|$)/.test(sub.url as string)) heavy++;
	}
	if (heavy > MAX_COLLECTION_OR_QUERY_SUBREQUESTS) {
		return sfError(
			400,
			'LIMIT_EXCEEDED',
			`Limit Exceeded: a composite request can have at most ${MAX_COLLECTION_OR_QUERY_SUBREQUESTS} sObject Collections or query subrequests`,
		);
	}
	return { subrequests: subrequests as unknown as Subrequest[], allOrNone: flag(input.allOrNone) };
}
