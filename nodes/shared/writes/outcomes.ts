import { reachedSalesforce } from '../transport/retryPolicy';
import {
	ApiLimitError,
	SalesforceCredentialError,
	SalesforceNetworkError,
} from '../transport/salesforceErrors';
import type { WriteFailure, WriteRecord, WriteResult } from './types';

export const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';
export const NOT_SENT = 'NOT_SENT';

/** A record Salesforce may or may not have written. */
export function unknownOutcome(record: WriteRecord, reason: string): WriteFailure {
	return {
		itemIndex: record.itemIndex,
		success: false,
		outcome: 'unknown',
		errorCode: OUTCOME_UNKNOWN,
		message: `Salesforce may or may not have written this record (${reason}). Check in Salesforce before running the workflow again.`,
		fields: [],
	};
}

/** A record not sent because the run stopped first. */
export function notSent(record: WriteRecord, stoppedBy: unknown): WriteFailure {
	return {
		itemIndex: record.itemIndex,
		success: false,
		outcome: 'notSent',
		errorCode: NOT_SENT,
		message: `Not sent: the run stopped before this record (${reasonOf(stoppedBy)})`,
		fields: [],
		stoppedBy,
	};
}

/** One line saying why a request failed, nothing of the request itself. */
export function reasonOf(error: unknown): string {
	if (error instanceof ApiLimitError) return "the org's daily API allowance is spent";
	if (error instanceof SalesforceCredentialError)
		return 'the Salesforce session ended and could not be renewed';
	if (error instanceof SalesforceNetworkError) return `no answer from Salesforce: ${error.code}`;
	const e = (error ?? {}) as { errorCode?: string; message?: string };
	if (e.errorCode === 'INVALID_SESSION_ID')
		return 'the Salesforce session ended and could not be renewed';
	return e.errorCode
		? `${e.errorCode}: ${String(e.message ?? '')
				.split('\n')[0]
				.slice(0, 200)}`
		: 'no readable answer from Salesforce';
}

/** What a failed request tells about its records. */
export interface WholeRequestOutcome {
	rows: WriteResult[];
	/** Set when no further request should be sent. */
	stop?: unknown;
}

/**
 * The records of a whole request that failed: not sent and the run stops (allowance spent, session
 * lost, network down before sending); unknown (a connection lost after sending, a 5xx other than
 * 503, an answer that cannot be read); or refused (a 4xx or a 503 after its tries: nothing applied).
 */
export function wholeRequestOutcome(error: unknown, records: WriteRecord[]): WholeRequestOutcome {
	const e = (error ?? {}) as { errorCode?: string; message?: string; data?: { fields?: unknown } };
	if (
		error instanceof ApiLimitError ||
		error instanceof SalesforceCredentialError ||
		e.errorCode === 'INVALID_SESSION_ID'
	) {
		return { rows: records.map((r) => notSent(r, error)), stop: error };
	}
	if (error instanceof SalesforceNetworkError) {
		if (!reachedSalesforce(error.code))
			return { rows: records.map((r) => notSent(r, error)), stop: error };
		return {
			rows: records.map((r) =>
				unknownOutcome(r, `the connection was lost after the request was sent: ${error.code}`),
			),
			stop: error,
		};
	}
	if (
		!e.errorCode ||
		e.errorCode === 'UNKNOWN_EXCEPTION' ||
		(/^ERROR_HTTP_5\d\d$/.test(e.errorCode) && e.errorCode !== 'ERROR_HTTP_503')
	) {
		const reason = e.errorCode
			? `Salesforce answered ${reasonOf(error)}`
			: 'the answer could not be read';
		return {
			rows: records.map((r) => unknownOutcome(r, reason)),
			...(e.errorCode ? {} : { stop: error }),
		};
	}
	const fields = Array.isArray(e.data?.fields) ? e.data.fields.map(String) : [];
	return {
		rows: records.map((r) => ({
			itemIndex: r.itemIndex,
			success: false,
			errorCode: e.errorCode ?? 'UNKNOWN_ERROR',
			message: e.message ?? String(error),
			fields,
		})),
	};
}
