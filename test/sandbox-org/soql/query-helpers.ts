import type { TestOrg } from '../testing';

// Shared by the query tests: run SOQL over HTTP as a client would, and follow nextRecordsUrl.

export interface QueryPage {
	totalSize: number;
	done: boolean;
	nextRecordsUrl?: string;
	records: Array<Record<string, any>>;
}

export interface QueryOptions {
	all?: boolean;
	headers?: Record<string, string>;
}

/** GET /query?q= (or /queryAll) with the query URL-encoded. */
export function soql(
	t: TestOrg,
	q: string,
	opts: QueryOptions = {},
): Promise<{ status: number; body: any; headers: Headers }> {
	return t.api(
		'GET',
		`/${opts.all ? 'queryAll' : 'query'}?q=${encodeURIComponent(q)}`,
		undefined,
		opts.headers,
	);
}

/** The records of a query that must succeed. */
export async function records(
	t: TestOrg,
	q: string,
	opts: QueryOptions = {},
): Promise<Array<Record<string, any>>> {
	const res = await soql(t, q, opts);
	if (res.status !== 200)
		throw new Error(`query failed with ${res.status}: ${JSON.stringify(res.body)}`);
	return (res.body as QueryPage).records;
}

/** Every page of a query, following nextRecordsUrl to the end. */
export async function allPages(
	t: TestOrg,
	q: string,
	opts: QueryOptions = {},
): Promise<QueryPage[]> {
	const first = await soql(t, q, opts);
	if (first.status !== 200)
		throw new Error(`query failed with ${first.status}: ${JSON.stringify(first.body)}`);
	const pages: QueryPage[] = [first.body];
	while (!pages[pages.length - 1].done) {
		const next = await t.api(
			'GET',
			pages[pages.length - 1].nextRecordsUrl!,
			undefined,
			opts.headers,
		);
		if (next.status !== 200)
			throw new Error(`next page failed with ${next.status}: ${JSON.stringify(next.body)}`);
		pages.push(next.body);
	}
	return pages;
}

/** The error entry of a failed query: `{status, errorCode, message}`. */
export async function queryError(
	t: TestOrg,
	q: string,
	opts: QueryOptions = {},
): Promise<{ status: number; errorCode: string; message: string }> {
	const res = await soql(t, q, opts);
	const entry = Array.isArray(res.body) ? res.body[0] : undefined;
	return { status: res.status, errorCode: entry?.errorCode, message: entry?.message };
}
