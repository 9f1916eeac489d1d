import type { SfErrorEntry, SfResponse } from './types';

/** An error response in Salesforce's REST shape: a JSON array of `{message, errorCode, fields?}`. */
export function sfError(
	status: number,
	errorCode: string,
	message: string,
	fields?: string[],
): SfResponse {
	const entry: SfErrorEntry = { message, errorCode };
	if (fields) entry.fields = fields;
	return { status, body: [entry] };
}

/** Thrown by handlers (and the query engine) to answer with a Salesforce error. */
export class SalesforceError extends Error {
	constructor(
		readonly status: number,
		readonly errorCode: string,
		message: string,
		readonly fields?: string[],
	) {
		super(message);
	}

	toResponse(): SfResponse {
		return sfError(this.status, this.errorCode, this.message, this.fields);
	}
}

/** An OAuth error response: `{error, error_description}` with HTTP 400 (or as given). */
export function oauthError(error: string, description: string, status = 400): SfResponse {
	return { status, body: { error, error_description: description } };
}

export const INVALID_SESSION = (): SfResponse =>
	sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
export const NOT_FOUND_RESOURCE = (): SfResponse =>
	sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
