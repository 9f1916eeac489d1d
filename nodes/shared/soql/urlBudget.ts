// Salesforce's URL limit, in one place. A query travels in the URL of a GET; past 16,384 bytes of
// URL and headers together Salesforce answers 414 (URI Too Long) and runs nothing.

/** Longest query sent, URL-encoded, so that the GET (its path, `?q=` and headers) stays under Salesforce's 16 KB limit. */
export const MAX_QUERY_LENGTH = 15000;

/** The query as a URL carries it, with every character outside letters, digits and `-_.~` encoded: an upper bound of its length as sent. */
export const encodeQuery = (soql: string) =>
	encodeURIComponent(soql).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);

/** Whether the query fits in one GET. */
export const fitsInUrl = (soql: string) => encodeQuery(soql).length <= MAX_QUERY_LENGTH;

/** A query that cannot fit in Salesforce's URL limit, whatever the split; the caller fails the item it belongs to. */
export class QueryTooLongError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'QueryTooLongError';
	}
}

/**
 * The queries `queryOf(list)` for consecutive parts of `literals`, each under MAX_QUERY_LENGTH.
 * A literal too long to fit even alone is not put in any query: it is answered in `tooLong`, so
 * that only the items it belongs to fail.
 */
export function splitInList(
	literals: string[],
	queryOf: (list: string[]) => string,
): { queries: Array<{ soql: string; literals: string[] }>; tooLong: string[] } {
	const queries: Array<{ soql: string; literals: string[] }> = [];
	const tooLong: string[] = [];
	const base = encodeQuery(queryOf([])).length;
	let chunk: string[] = [];
	let length = base;
	for (const literal of literals) {
		const added = encodeQuery(`${literal}, `).length;
		if (base + added > MAX_QUERY_LENGTH) {
			tooLong.push(literal);
			continue;
		}
		if (chunk.length > 0 && length + added > MAX_QUERY_LENGTH) {
			queries.push({ soql: queryOf(chunk), literals: chunk });
			chunk = [];
			length = base;
		}
		chunk.push(literal);
		length += added;
	}
	if (chunk.length > 0) queries.push({ soql: queryOf(chunk), literals: chunk });
	return { queries, tooLong };
}
