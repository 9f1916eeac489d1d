import type { IDataObject } from 'n8n-workflow';

import type { SalesforceConnection } from '../transport/connection';
import { detailsQuery, type CaseQueryPlan } from './caseQuery';
import { followPages, type QueryPage } from '../soql/queryPages';
import type { SoqlClosedCaseSource } from './soqlCaseSource';

/** Cases per query: 150 cases fit in one page of 2,000 rows while they average up to 12 emails. */
const CASES_PER_QUERY = 150;
/** A Composite request takes at most 5 query (or sObject Collections) subrequests. */
const QUERIES_PER_COMPOSITE = 5;

interface CompositeResponse {
	compositeResponse: Array<{ body: unknown; httpStatusCode: number; referenceId: string }>;
}

/**
 * The chosen fields and conversations of the given cases, in the given order. The queries travel
 * bundled in Composite requests, which Salesforce counts as one API call each (up to 750 cases);
 * a query's further pages, and a case's emails past the 200 returned inline, cost a call each.
 */
export async function fetchCaseDetails(sf: SalesforceConnection, source: SoqlClosedCaseSource, plan: CaseQueryPlan, ids: string[]): Promise<IDataObject[]> {
	const byId = new Map<string, IDataObject>();
	const chunks: string[][] = [];
	for (let i = 0; i < ids.length; i += CASES_PER_QUERY) chunks.push(ids.slice(i, i + CASES_PER_QUERY));
	for (let i = 0; i < chunks.length; i += QUERIES_PER_COMPOSITE) {
		const group = chunks.slice(i, i + QUERIES_PER_COMPOSITE);
		const compositeRequest = group.map((chunk, n) => ({ method: 'GET', referenceId: `cases${n}`, url: `/services/data/v${sf.apiVersion}/query?q=${encodeURIComponent(detailsQuery(plan, chunk))}` }));
		const response = await sf.conn.request<CompositeResponse>({
			method: 'POST',
			url: `/services/data/v${sf.apiVersion}/composite`,
			body: JSON.stringify({ allOrNone: false, compositeRequest }),
			headers: { 'Content-Type': 'application/json' },
		});
		for (const sub of response.compositeResponse) {
			if (sub.httpStatusCode !== 200) throw subrequestError(sub.body);
			for await (const page of followPages(sf, sub.body as QueryPage)) {
				for (const record of page.records) {
					await source.completeChildren(record);
					byId.set(String(record.Id), record);
				}
			}
		}
	}
	// A case deleted between the two reads is left out.
	return ids.map((id) => byId.get(id)).filter((r): r is IDataObject => r !== undefined);
}

/** A failed subrequest as the error jsforce would have raised for it (`errorCode`, `message`, `fields`). */
function subrequestError(body: unknown): Error {
	const first = (Array.isArray(body) ? body[0] : body) as { errorCode?: string; message?: string; fields?: string[] } | undefined;
	return Object.assign(new Error(first?.message ?? 'A query in a Composite request failed'), { errorCode: first?.errorCode ?? 'UNKNOWN_ERROR', fields: first?.fields ?? [] });
}
