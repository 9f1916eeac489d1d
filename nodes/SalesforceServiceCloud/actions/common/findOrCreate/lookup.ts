import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';
import type { IDataObject } from 'n8n-workflow';

import { isNumberType } from '../../../../shared/fieldMapping/fieldRules';
import { buildQuery } from '../../../../shared/soql/buildQuery';
import { soqlString } from '../../../../shared/soql/literals';
import { queryAll } from '../../../../shared/soql/queryPages';
import type { SalesforceConnection } from '../../../../shared/transport/connection';

/** Longest query sent, URL-encoded, so that the GET (with its headers) stays under Salesforce's 16 KB limit. */
export const MAX_QUERY_LENGTH = 15000;

/** The query as a URL can carry it, with every character outside letters, digits and `-_.~` encoded: an upper bound of its length as sent. */
export const encodeQuery = (soql: string) => encodeURIComponent(soql).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Field types a record cannot be matched on (their SOQL literals are not plain values). */
const UNMATCHABLE = new Set(['date', 'datetime', 'time', 'base64', 'textarea', 'location', 'address']);

export function canMatchOn(field: Field): boolean {
	return field.filterable && !UNMATCHABLE.has(field.type);
}

/** The key two values match under: SOQL compares text case-insensitively. */
export function matchKey(field: Field, value: unknown): string {
	if (isNumberType(field)) return String(Number(value));
	if (field.type === 'boolean') return String(value === true || value === 'true');
	return String(value).trim().toLowerCase();
}

/** The value as a SOQL literal; text is escaped with soqlString. */
export function matchLiteral(field: Field, value: unknown): string {
	if (isNumberType(field)) return String(Number(value));
	if (field.type === 'boolean') return String(value === true || value === 'true');
	return soqlString(String(value).trim());
}

/**
 * The queries that find the records whose `matchField` is one of `literals`: one query when the
 * list fits, else the IN list split so that each query stays under MAX_QUERY_LENGTH.
 */
export function lookupQueries(describe: DescribeSObjectResult, matchField: string, selectFields: string[], literals: string[]): string[] {
	const fields = ['Id', matchField, 'CreatedDate', 'LastModifiedDate', ...selectFields];
	const extra = describe.fields.some((f) => f.name === 'IsConverted') ? ['IsConverted = false'] : [];
	const queryOf = (list: string[]) => buildQuery({ fields, from: describe.name, where: [`${matchField} IN (${list.join(', ')})`, ...extra] });
	const queries: string[] = [];
	let chunk: string[] = [];
	let length = encodeQuery(queryOf([])).length;
	for (const literal of literals) {
		const added = encodeQuery(`${literal}, `).length;
		if (chunk.length > 0 && length + added > MAX_QUERY_LENGTH) {
			queries.push(queryOf(chunk));
			chunk = [];
			length = encodeQuery(queryOf([])).length;
		}
		chunk.push(literal);
		length += added;
	}
	if (chunk.length > 0) queries.push(queryOf(chunk));
	return queries;
}

/** All the records the queries find, every page of each. */
export async function runLookups(sf: SalesforceConnection, queries: string[]): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for (const soql of queries) records.push(...(await queryAll(sf, soql)));
	return records;
}

export type MultipleMatchRule = 'lastModified' | 'firstCreated' | 'fail';

/** The record to use among several matches, or undefined when the rule is to fail the item. */
export function chooseMatch(records: IDataObject[], rule: MultipleMatchRule): IDataObject | undefined {
	if (records.length === 1) return records[0];
	if (rule === 'fail') return undefined;
	const time = (r: IDataObject, field: string) => Date.parse(String(r[field] ?? '')) || 0;
	const sorted = [...records].sort((a, b) => {
		const diff = rule === 'lastModified' ? time(b, 'LastModifiedDate') - time(a, 'LastModifiedDate') : time(a, 'CreatedDate') - time(b, 'CreatedDate');
		return diff !== 0 ? diff : String(a.Id).localeCompare(String(b.Id));
	});
	return sorted[0];
}
