import type { IDataObject } from 'n8n-workflow';

import {
	queryFirstPage,
	queryNextPage,
	type ApiClient,
	type QueryPage,
} from '../transport/salesforceApi';

export type { QueryPage } from '../transport/salesforceApi';

type Requester = ApiClient;

/** The pages of a result from `first` on, following `nextRecordsUrl`; a caller that stops early fetches no more. */
export async function* followPages<T = IDataObject>(
	sf: Requester,
	first: QueryPage<T>,
): AsyncGenerator<QueryPage<T>> {
	let page = first;
	for (;;) {
		yield page;
		if (!page.nextRecordsUrl) return;
		page = await queryNextPage<T>(sf, page.nextRecordsUrl);
	}
}

/** The pages of a SOQL query. */
export async function* queryPages<T = IDataObject>(
	sf: Requester,
	soql: string,
): AsyncGenerator<QueryPage<T>> {
	const first = await queryFirstPage<T>(sf, soql);
	yield* followPages(sf, first);
}

/** Every record of a SOQL query, all pages. */
export async function queryAll<T = IDataObject>(sf: Requester, soql: string): Promise<T[]> {
	const records: T[] = [];
	for await (const page of queryPages<T>(sf, soql)) records.push(...page.records);
	return records;
}
