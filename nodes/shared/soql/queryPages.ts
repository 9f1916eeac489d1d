import type { IDataObject } from 'n8n-workflow';

import type { SalesforceConnection } from '../transport/connection';

/** One page of a query result (also the shape of a child result in a record). */
export interface QueryPage<T = IDataObject> {
	totalSize?: number;
	done?: boolean;
	records: T[];
	nextRecordsUrl?: string;
}

type Requester = Pick<SalesforceConnection, 'conn' | 'apiVersion'>;

/** The pages of a result from `first` on, following `nextRecordsUrl`; a caller that stops early fetches no more. */
export async function* followPages<T = IDataObject>(sf: Requester, first: QueryPage<T>): AsyncGenerator<QueryPage<T>> {
	let page = first;
	for (;;) {
		yield page;
		if (!page.nextRecordsUrl) return;
		page = await sf.conn.request<QueryPage<T>>({ method: 'GET', url: page.nextRecordsUrl });
	}
}

/** The pages of a SOQL query. */
export async function* queryPages<T = IDataObject>(sf: Requester, soql: string): AsyncGenerator<QueryPage<T>> {
	const first = await sf.conn.request<QueryPage<T>>({ method: 'GET', url: `/services/data/v${sf.apiVersion}/query?q=${encodeURIComponent(soql)}` });
	yield* followPages(sf, first);
}

/** Every record of a SOQL query, all pages. */
export async function queryAll<T = IDataObject>(sf: Requester, soql: string): Promise<T[]> {
	const records: T[] = [];
	for await (const page of queryPages<T>(sf, soql)) records.push(...page.records);
	return records;
}
