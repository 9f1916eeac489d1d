import type { HttpRequest, HttpResponse } from '@jsforce/jsforce-node';

import type { N8nHttpTransport, Readable, TransportRequest } from './httpTransport';
import { SalesforceApiError } from './salesforceErrors';

/**
 * Sends a REST request through the transport (n8n's `httpRequestWithAuthentication`) and reads the
 * answer as jsforce's `Connection.request` does: JSON parsed, 204 as `undefined`, 300 and every
 * status from 400 on as a `SalesforceApiError` with Salesforce's `errorCode`, `message` and `fields`.
 * Only `salesforceApi.ts` builds the requests it sends.
 */
export class SalesforceRestClient {
	constructor(
		private readonly transport: N8nHttpTransport,
		/** The org's address, or the `.invalid` placeholder while a JWT or client credentials session is pending. */
		readonly instanceUrl: string,
	) {}

	async request<T>(request: HttpRequest): Promise<T> {
		const response = await this.send(request);
		if (response.statusCode === 204) return undefined as T;
		const body = parseBody(response);
		if (response.statusCode >= 400) throw errorOf(response, body);
		if (response.statusCode === 300)
			throw new SalesforceApiError({
				errorCode: 'MULTIPLE_CHOICES',
				message: 'Multiple records found',
				fields: [],
				statusCode: 300,
				data: body,
			});
		return body as T;
	}

	/**
	 * A text answer (Bulk API's CSV results) with its headers, lower-cased; an error answer is a
	 * `SalesforceApiError` as for `request`.
	 */
	async requestText(
		request: HttpRequest,
	): Promise<{ text: string; headers: Record<string, string> }> {
		const response = await this.send(request);
		if (response.statusCode >= 300) throw errorOf(response, parseBody(response));
		return { text: response.body, headers: response.headers };
	}

	/**
	 * A blob as a stream (read once, never whole in memory here) with its content type and length;
	 * an error answer is a `SalesforceApiError` as for `request`.
	 */
	async requestStream(
		request: HttpRequest,
	): Promise<{ stream: Readable; contentType: string; contentLength?: number }> {
		const response = await this.send({ ...request, streamResponse: true });
		if (response.statusCode >= 300 || !response.stream)
			throw errorOf(response, parseBody(response));
		const length = Number(response.headers['content-length']);
		return {
			stream: response.stream,
			contentType: response.headers['content-type'] ?? '',
			...(Number.isSafeInteger(length) ? { contentLength: length } : {}),
		};
	}

	private send(request: TransportRequest) {
		const url = request.url.startsWith('/') ? `${this.instanceUrl}${request.url}` : request.url;
		return this.transport.httpRequest({ ...request, url });
	}
}

function parseBody(response: HttpResponse): unknown {
	const contentType = response.headers['content-type'] ?? '';
	if (!/^application\/json(;|$)/.test(contentType) && !/^\s*[[{]/.test(response.body))
		return response.body;
	try {
		return JSON.parse(response.body) as unknown;
	} catch {
		return response.body;
	}
}

/** Salesforce's error body `[{message, errorCode, fields}]` as an error; any other body as `ERROR_HTTP_<status>`. */
function errorOf(response: HttpResponse, body: unknown): SalesforceApiError {
	const errors = (Array.isArray(body) ? body : [body]) as Array<{
		errorCode?: unknown;
		message?: unknown;
		fields?: unknown;
	} | null>;
	const first = errors[0];
	if (first && typeof first === 'object' && typeof first.message === 'string') {
		return new SalesforceApiError({
			errorCode:
				typeof first.errorCode === 'string' ? first.errorCode : `ERROR_HTTP_${response.statusCode}`,
			message: errors
				.map((e) => String(e?.message ?? ''))
				.filter(Boolean)
				.join(' '),
			fields: Array.isArray(first.fields) ? first.fields.map(String) : [],
			statusCode: response.statusCode,
			data: first,
		});
	}
	return new SalesforceApiError({
		errorCode: `ERROR_HTTP_${response.statusCode}`,
		message: response.body.slice(0, 500),
		fields: [],
		statusCode: response.statusCode,
		data: body,
	});
}
