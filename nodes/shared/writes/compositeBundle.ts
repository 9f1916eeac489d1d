import type { IDataObject } from 'n8n-workflow';

import { sendComposite } from '../transport/salesforceApi';
import { collectionsRequest, rowsResults } from './collectionsCall';
import type { CollectionsClient, WriteRecord, WriteRequest, WriteResult } from './types';

/** A Composite request takes at most 5 sObject Collections (or query) subrequests. */
export const MAX_CALLS_PER_BUNDLE = 5;

interface CompositeAnswer {
	compositeResponse: Array<{ body: unknown; httpStatusCode: number }>;
}

/**
 * Several Collections calls (up to 5 × 200 records) sent as one Composite request, which Salesforce
 * counts as one API call. Each batch is answered as it would be on its own.
 */
export async function sendBundle(sf: CollectionsClient, request: WriteRequest, batches: WriteRecord[][]): Promise<WriteResult[][]> {
	const compositeRequest = batches.map((records, n) => {
		const call = collectionsRequest(sf, request, records);
		return { method: call.method, url: call.url, referenceId: `batch${n}`, ...(call.body ? { body: JSON.parse(String(call.body)) as IDataObject } : {}) };
	});
	const answer: CompositeAnswer = await sendComposite(sf, compositeRequest);
	return batches.map((records, n) => {
		const sub = answer.compositeResponse?.[n];
		if (sub && sub.httpStatusCode < 300) return rowsResults(records, sub.body);
		const error = (Array.isArray(sub?.body) ? sub?.body[0] : undefined) as { errorCode?: string; message?: string; fields?: string[] } | undefined;
		return records.map((r) => ({
			itemIndex: r.itemIndex,
			success: false as const,
			errorCode: error?.errorCode ?? 'UNKNOWN_ERROR',
			message: error?.message ?? 'Salesforce did not answer this batch',
			fields: error?.fields ?? [],
		}));
	});
}
