import { SalesforceError } from '../http/errors';
import type { SfErrorEntry, SfResponse } from '../http/types';

/**
 * A failed save: one or more errors about one record. The single-record REST API answers them as
 * `[{message, errorCode, fields}]`; sObject Collections put them in the row as
 * `{statusCode, message, fields}`.
 */
export class RecordErrors extends Error {
	constructor(
		readonly entries: SfErrorEntry[],
		readonly status = 400,
	) {
		super(entries.map((e) => `${e.errorCode}: ${e.message}`).join('; '));
	}

	toResponse(): SfResponse {
		return { status: this.status, body: this.entries };
	}
}

/** One error about a record; `fields` is omitted from the REST body when undefined. */
export function recordError(
	errorCode: string,
	message: string,
	fields?: string[],
	status = 400,
): RecordErrors {
	const entry: SfErrorEntry = { message, errorCode };
	if (fields) entry.fields = fields;
	return new RecordErrors([entry], status);
}

/** An error of a row of sObject Collections (and of SOAP-style save results). */
export interface SaveError {
	statusCode: string;
	message: string;
	fields: string[];
}

/** The errors of a failed save, as a Collections row carries them. Unexpected failures are rethrown. */
export function saveErrorsOf(err: unknown): SaveError[] {
	if (err instanceof RecordErrors)
		return err.entries.map((e) => ({
			statusCode: e.errorCode,
			message: e.message,
			fields: e.fields ?? [],
		}));
	if (err instanceof SalesforceError)
		return [{ statusCode: err.errorCode, message: err.message, fields: err.fields ?? [] }];
	throw err;
}

/** The response of a handler that failed with a Salesforce error; unexpected failures are rethrown. */
export function errorResponse(err: unknown): SfResponse {
	if (err instanceof RecordErrors || err instanceof SalesforceError) return err.toResponse();
	throw err;
}
