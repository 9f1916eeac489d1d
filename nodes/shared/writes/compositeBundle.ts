import type { IDataObject } from 'n8n-workflow';

import { sendComposite } from '../transport/salesforceApi';
import { collectionsRequest, rowsResults } from './collectionsCall';
import { unknownOutcome } from './outcomes';
import type { CollectionsClient, WriteRecord, WriteRequest, WriteResult } from './types';

/** A Composite request takes at most 5 sObject Collections (or query) subrequests. */
export const MAX_CALLS_PER_BUNDLE = 5;

interface CompositeAnswer {
	compositeResponse?: Array<{ body: unknown; httpStatusCode: number }>;
}

/**
 * Several Collections calls (up to 5 × 200 records) sent as one Composite request, which Salesforce
 * counts as one API call. Each batch is answered as it would be on its own. A subrequest answered
 * 5xx, or an answer that is cut off or unreadable, leaves its records' outcome unknown (applied or
 * not); a subrequest answered 4xx applied nothing.
 */
export async function sendBundle(
	sf: CollectionsClient,
	request: WriteRequest,
	batches: WriteRecord[][],
): Promise<WriteResult[][]> {
	const compositeRequest = batches.map((records, n) => {
		const call = collectionsRequest(sf, request, records);
		return {
			method: call.method,
			url: call.url,
			referenceId: `batch${n}`,
			...(call.body ? { body: JSON.parse(String(call.body)) as IDataObject } : {}),
		};
	});
	const answer: CompositeAnswer | string = await sendComposite(sf, compositeRequest);
	const subs =
		typeof answer === 'object' && answer !== null && Array.isArray(answer.compositeResponse)
			? answer.compositeResponse
			: undefined;
	return batches.map((records, n) => {
		const sub = subs?.length === batches.length ? subs[n] : undefined;
		if (!sub || typeof sub.httpStatusCode !== 'number')
			return records.map((r) =>
				unknownOutcome(r, "Salesforce's answer was cut off or could not be read"),
			);
		if (sub.httpStatusCode < 300) return rowsResults(records, sub.body);
		const error = (Array.isArray(sub.body) ? sub.body[0] : undefined) as
			| { errorCode?: string; message?: string; fields?: string[] }
			| undefined;
		if (sub.httpStatusCode >= 500)
			return records.map((r) =>
				unknownOutcome(
					r,
					`Salesforce answered this batch with ${error?.errorCode ?? `HTTP ${sub.httpStatusCode}`}`,
				),
			);
		return records.map((r) => ({
			itemIndex: r.itemIndex,
			success: false as const,
			errorCode: error?.errorCode ?? 'UNKNOWN_ERROR',
			message: error?.message ?? 'Salesforce did not answer this batch',
			fields: error?.fields ?? [],
		}));
	});
}
