import type { IDataObject } from 'n8n-workflow';

import { followPages, type QueryPage } from '../soql/queryPages';
import {
	compositeQuery,
	sendComposite,
	subrequestError,
	type ApiClient,
} from '../transport/salesforceApi';
import { detailsQuery, type CaseQueryPlan } from './caseQuery';

/** Cases per query: 150 cases fit in one page of 2,000 rows while they average up to 12 emails. */
const CASES_PER_QUERY = 150;
/** A Composite request takes at most 5 query (or sObject Collections) subrequests. */
const QUERIES_PER_COMPOSITE = 5;

/** The child relationships a case record may carry, each possibly paged (`done: false`). */
const CHILD_RESULTS = [
	'EmailMessages',
	'CaseComments',
	'Histories',
	'LiveChatTranscripts',
	'MessagingSessions',
];

/**
 * The chosen fields and conversations of the given cases, in the given order. The queries travel
 * bundled in Composite requests, which Salesforce counts as one API call each (up to 750 cases);
 * a query's further pages, and a case's emails past the 200 returned inline, cost a call each.
 * `query` builds the SOQL of a chunk of Ids (by default the chosen fields and conversation).
 */
export async function fetchCaseDetails(
	sf: ApiClient,
	plan: CaseQueryPlan,
	ids: string[],
	query: (plan: CaseQueryPlan, ids: string[]) => string = detailsQuery,
): Promise<IDataObject[]> {
	const byId = new Map<string, IDataObject>();
	const chunks: string[][] = [];
	for (let i = 0; i < ids.length; i += CASES_PER_QUERY)
		chunks.push(ids.slice(i, i + CASES_PER_QUERY));
	for (let i = 0; i < chunks.length; i += QUERIES_PER_COMPOSITE) {
		const group = chunks.slice(i, i + QUERIES_PER_COMPOSITE);
		const response = await sendComposite(
			sf,
			group.map((chunk, n) => compositeQuery(sf.apiVersion, `cases${n}`, query(plan, chunk))),
		);
		for (const sub of response.compositeResponse) {
			if (sub.httpStatusCode !== 200) throw subrequestError(sub);
			for await (const page of followPages(sf, sub.body as QueryPage)) {
				for (const record of page.records) {
					await completeChildResults(sf, record);
					byId.set(String(record.Id), record);
				}
			}
		}
	}
	// A case deleted between the two reads is left out.
	return ids.map((id) => byId.get(id)).filter((r): r is IDataObject => r !== undefined);
}

/** Fetches the further pages of a case's child results (emails past the 200 Salesforce returns inline). */
export async function completeChildResults(sf: ApiClient, record: IDataObject): Promise<void> {
	for (const name of CHILD_RESULTS) {
		const child = record[name] as QueryPage | null | undefined;
		if (!child || child.done !== false || !child.nextRecordsUrl) continue;
		const records: IDataObject[] = [];
		for await (const page of followPages(sf, child)) records.push(...page.records);
		record[name] = {
			...child,
			records,
			done: true,
			nextRecordsUrl: undefined,
		} as unknown as IDataObject;
	}
}
