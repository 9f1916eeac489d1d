import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { queryPages } from '../../../shared/soql/queryPages';
import type { SalesforceConnection } from '../../../shared/transport/connection';

/**
 * Runs a SOQL query and returns its records as items paired to `itemIndex`, page by page through
 * `nextRecordsUrl`: up to `limit` records, or all of them. Records keep Salesforce's field names;
 * the `attributes` entry Salesforce adds to each record is left out.
 */
export async function queryToItems(sf: SalesforceConnection, soql: string, itemIndex: number, limit: number | undefined): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for await (const page of queryPages(sf, soql)) {
		for (const record of page.records) {
			if (limit !== undefined && out.length >= limit) return out;
			out.push({ json: withoutAttributes(record), pairedItem: { item: itemIndex } });
		}
		if (limit !== undefined && out.length >= limit) return out;
	}
	return out;
}

export function withoutAttributes(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (key === 'attributes') continue;
		out[key] = value && typeof value === 'object' && !Array.isArray(value) && 'attributes' in value ? withoutAttributes(value as IDataObject) : value;
	}
	return out;
}

/** `returnAll` / `limit` as the node's parameters give them; a limit that is not a positive whole number is refused. */
export function limitOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const given: unknown = ctx.getNodeParameter('limit', itemIndex, 50);
	const limit = typeof given === 'number' ? given : typeof given === 'string' && /^\s*\d+\s*$/.test(given) ? Number(given) : NaN;
	if (!Number.isSafeInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Limit "${String(given)}" is not a whole number of 1 or more`, { itemIndex, description: 'Give how many records to return as digits, such as 50, or switch on Return All.' });
	}
	return limit;
}
