import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

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

/** `returnAll` / `limit` as the node's parameters give them. */
export function limitOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	return (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}
