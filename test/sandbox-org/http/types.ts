import type { IncomingHttpHeaders } from 'node:http';

import type { Session } from '../auth/sessions';
import type { SandboxOrg } from '../org';

/** How Salesforce counts a request against the daily API allowance (and how the sandbox reports it). */
export type ApiKind =
	| 'query'
	| 'sobject'
	| 'describe'
	| 'collections'
	| 'composite'
	| 'limits'
	| 'connect'
	| 'other';

/** A request as handlers see it; composite subrequests are dispatched in the same form. */
export interface SfRequest {
	method: string;
	/** The path below `/services/data/vNN.0` for data routes, or the full path otherwise. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** The JSON body, parsed; for form posts, the form fields as an object. */
	body: unknown;
	rawBody: string;
	/** `62.0` for data routes. */
	version: string;
	/** The authenticated session (data routes). */
	session?: Session;
	/** The base URL the org is reached at (`http://127.0.0.1:PORT`). */
	baseUrl: string;
	org: SandboxOrg;
}

export interface SfResponse {
	status: number;
	/** Serialized as JSON unless `text` is given. */
	body?: unknown;
	/** A non-JSON body (HTML pages), with its content type in headers. */
	text?: string;
	/** A binary body (blob fields), sent as it is. */
	bytes?: Buffer;
	headers?: Record<string, string>;
}

export type Handler = (
	req: SfRequest,
	params: Record<string, string>,
) => SfResponse | Promise<SfResponse>;

/** A REST error entry, as Salesforce returns them in a JSON array. */
export interface SfErrorEntry {
	message: string;
	errorCode: string;
	fields?: string[];
}
