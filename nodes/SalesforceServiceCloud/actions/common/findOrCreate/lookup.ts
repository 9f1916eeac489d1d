import type { IDataObject } from 'n8n-workflow';

import {
	isNumberType,
	type MappingDescribe,
	type MappingField,
} from '../../../../shared/fieldMapping/fieldRules';
import { buildQuery } from '../../../../shared/soql/buildQuery';
import { booleanOf, decimalText, soqlString } from '../../../../shared/soql/literals';
import { queryAll } from '../../../../shared/soql/queryPages';
import { QueryTooLongError, splitInList } from '../../../../shared/soql/urlBudget';
import type { SalesforceConnection } from '../../../../shared/transport/connection';

export { encodeQuery, MAX_QUERY_LENGTH } from '../../../../shared/soql/urlBudget';

/** Field types a record cannot be matched on (their SOQL literals are not plain values). */
const UNMATCHABLE = new Set([
	'date',
	'datetime',
	'time',
	'base64',
	'textarea',
	'location',
	'address',
]);

export function canMatchOn(field: MappingField): boolean {
	return field.filterable && !UNMATCHABLE.has(field.type);
}

/** The key two values match under: SOQL compares text case-insensitively. */
export function matchKey(field: MappingField, value: unknown): string {
	if (isNumberType(field)) return String(Number(value));
	if (field.type === 'boolean') return String(booleanOf(value) === true);
	return String(value).trim().toLowerCase();
}

/** The value as a SOQL literal; text is escaped with soqlString. */
export function matchLiteral(field: MappingField, value: unknown): string {
	if (isNumberType(field)) return decimalText(value) ?? 'null';
	if (field.type === 'boolean') return String(booleanOf(value) === true);
	return soqlString(String(value).trim());
}

/**
 * The queries that find the records whose `matchField` is one of `literals`: one query when the
 * list fits, else the IN list split so that each query stays under Salesforce's URL limit.
 */
export function lookupQueries(
	describe: MappingDescribe,
	matchField: string,
	selectFields: string[],
	literals: string[],
): string[] {
	const fields = ['Id', matchField, 'CreatedDate', 'LastModifiedDate', ...selectFields];
	const extra = describe.fields.some((f) => f.name === 'IsConverted')
		? ['IsConverted = false']
		: [];
	const queryOf = (list: string[]) =>
		buildQuery({
			fields,
			from: describe.name,
			where: [`${matchField} IN (${list.join(', ')})`, ...extra],
		});
	const { queries, tooLong } = splitInList(literals, queryOf);
	// Match fields hold at most 255 characters (the mapping refuses longer values), so every value fits.
	if (tooLong.length > 0)
		throw new QueryTooLongError(
			`A ${matchField} value is too long to look for (${tooLong[0].length} characters)`,
		);
	return queries.map((q) => q.soql);
}

/** All the records the queries find, every page of each. */
export async function runLookups(
	sf: SalesforceConnection,
	queries: string[],
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for (const soql of queries) records.push(...(await queryAll(sf, soql)));
	return records;
}

export type MultipleMatchRule = 'lastModified' | 'firstCreated' | 'fail';

/** The record to use among several matches, or undefined when the rule is to fail the item. */
export function chooseMatch(
	records: IDataObject[],
	rule: MultipleMatchRule,
): IDataObject | undefined {
	if (records.length === 1) return records[0];
	if (rule === 'fail') return undefined;
	const time = (r: IDataObject, field: string) => Date.parse(String(r[field] ?? '')) || 0;
	const sorted = [...records].sort((a, b) => {
		const diff =
			rule === 'lastModified'
				? time(b, 'LastModifiedDate') - time(a, 'LastModifiedDate')
				: time(a, 'CreatedDate') - time(b, 'CreatedDate');
		return diff !== 0 ? diff : String(a.Id).localeCompare(String(b.Id));
	});
	return sorted[0];
}
