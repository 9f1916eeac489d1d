import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { buildQuery } from '../../shared/soql/buildQuery';
import { soqlLikeLiteral } from '../../shared/soql/literals';
import { checkedObjectName } from '../../shared/soql/objectNames';
import { connectToSalesforce, type SalesforceConnection } from '../../shared/transport/connection';
import { toNodeError } from '../../shared/transport/errorBoundary';
import {
	describeGlobal,
	instanceUrlOf,
	queryFirstPage,
	recordLink,
} from '../../shared/transport/salesforceApi';
import { objectForParameters } from '../actions/common/resourceObjects';

/** Records shown per page of a search. */
export const SEARCH_PAGE_SIZE = 50;
/** Salesforce refuses an OFFSET above 2,000: past it, the user narrows the search instead. */
const MAX_OFFSET = 2000;

/** The offset a pagination token stands for (0 for none or a token we did not give). */
function offsetOf(token: string | undefined): number {
	const offset = Number(token);
	return Number.isInteger(offset) && offset > 0 && offset <= MAX_OFFSET ? offset : 0;
}

interface RecordSearch {
	objectName: string;
	/** Fields matched with LIKE '%text%' (the first orders the list); empty when the object has no name field. */
	nameFields: string[];
	label: (record: Record<string, unknown>) => string;
}

/**
 * One page of the object's records whose name fields contain `filter`, ordered by name. The pagination
 * token is the next page's offset: name fields are neither unique nor always filled (a Task's Subject),
 * so a keyset would need a tie-break on Id and care for empty names; an editor list rarely goes past
 * 2,000 matches (Salesforce's largest OFFSET), where the user types more instead.
 */
async function searchRecordsOf(
	ctx: ILoadOptionsFunctions,
	sf: SalesforceConnection,
	search: RecordSearch,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	if (search.nameFields.length === 0 && text !== '') return { results: [] };
	const offset = offsetOf(paginationToken);
	const where =
		text === ''
			? []
			: [search.nameFields.map((f) => `${f} LIKE ${soqlLikeLiteral(text)}`).join(' OR ')];
	const soql = `${buildQuery({
		fields: ['Id', ...search.nameFields],
		from: search.objectName,
		where,
		orderBy: [...search.nameFields.slice(0, 1), 'Id'],
		limit: SEARCH_PAGE_SIZE,
	})} OFFSET ${offset}`;
	const page = await queryFirstPage<Record<string, unknown>>(sf, soql);
	const instanceUrl = await instanceUrlOf(ctx, sf);
	const next = offset + SEARCH_PAGE_SIZE;
	return {
		results: page.records.map((record) => {
			const id = String(record.Id);
			return {
				name: search.label(record),
				value: id,
				...(instanceUrl ? { url: recordLink(instanceUrl, search.objectName, id) } : {}),
			};
		}),
		...(page.records.length === SEARCH_PAGE_SIZE && next <= MAX_OFFSET
			? { paginationToken: String(next) }
			: {}),
	};
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const CASE_SEARCH: RecordSearch = {
	objectName: 'Case',
	nameFields: ['CaseNumber', 'Subject'],
	label: (r) =>
		text(r.Subject) ? `${text(r.CaseNumber)}: ${text(r.Subject)}` : text(r.CaseNumber),
};

/** Cases whose number or subject contains the text, by case number. */
export async function searchCases(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const sf = await connectToSalesforce(this);
		return await searchRecordsOf(this, sf, CASE_SEARCH, filter, paginationToken);
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** Records of the resource's object (or the chosen Object) whose name contains the text, by name. */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const chosen = objectForParameters(
		this.getCurrentNodeParameter('resource') as string | undefined,
		this.getCurrentNodeParameter('objectName'),
	);
	if (!chosen) return { results: [] };
	try {
		const objectName = checkedObjectName(chosen);
		const sf = await connectToSalesforce(this);
		if (objectName === 'Case')
			return await searchRecordsOf(this, sf, CASE_SEARCH, filter, paginationToken);
		const describe = await sf.describes.describe(objectName);
		const nameField = describe.fields.find((f) => f.nameField)?.name;
		const search: RecordSearch = {
			objectName: describe.name,
			nameFields: nameField ? [nameField] : [],
			label: (r) => (nameField && text(r[nameField])) || String(r.Id),
		};
		return await searchRecordsOf(this, sf, search, filter, paginationToken);
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** The org's queryable objects whose label or API name contains the text, as "Label (ApiName)" by label. */
export async function searchObjects(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	try {
		const sf = await connectToSalesforce(this);
		const global = await describeGlobal(sf);
		return {
			results: global.sobjects
				.filter((o) => o.queryable)
				.filter(
					(o) =>
						wanted === '' ||
						o.label.toLowerCase().includes(wanted) ||
						o.name.toLowerCase().includes(wanted),
				)
				.map((o) => ({ name: `${o.label} (${o.name})`, value: o.name }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		};
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
