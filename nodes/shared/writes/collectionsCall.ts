import type { HttpRequest } from '@jsforce/jsforce-node';
import type { IDataObject } from 'n8n-workflow';

import { collectionsTarget } from '../transport/salesforceApi';
import { unknownOutcome } from './outcomes';
import type { CollectionsClient, WriteRecord, WriteRequest, WriteResult } from './types';

/** Most records one sObject Collections write takes. */
export const MAX_RECORDS_PER_CALL = 200;

/** One row of a Collections answer, in input order. */
interface RowAnswer {
	id?: string | null;
	success?: boolean;
	created?: boolean;
	errors?: Array<{ statusCode?: string; message?: string; fields?: string[] }>;
}

/** The request of one Collections call for these records (at most 200). */
export function collectionsRequest(
	sf: CollectionsClient,
	request: WriteRequest,
	records: WriteRecord[],
): HttpRequest {
	const headers = { 'Content-Type': 'application/json' };
	if (request.operation === 'delete') {
		return collectionsTarget(sf.apiVersion, {
			operation: 'delete',
			ids: records.map((r) => idOf(r.fields)),
			allOrNone: request.allOrNone,
		});
	}
	// attributes.type on every record; for upsert the external ID value stays in the body, so no value goes in a URL.
	const body = JSON.stringify({
		allOrNone: request.allOrNone,
		records: records.map((r) => ({ ...r.fields, attributes: { type: request.objectName } })),
	});
	if (request.operation === 'upsert') {
		return {
			...collectionsTarget(sf.apiVersion, {
				operation: 'upsert',
				objectName: request.objectName,
				externalIdField: request.externalIdField ?? '',
			}),
			body,
			headers,
		};
	}
	return { ...collectionsTarget(sf.apiVersion, { operation: request.operation }), body, headers };
}

/** The record's Id, whatever the case of its key ('' when it has none). */
export function idOf(fields: IDataObject): string {
	const key = Object.keys(fields).find((k) => k.toLowerCase() === 'id');
	const value = key === undefined ? undefined : fields[key];
	return typeof value === 'string' ? value : '';
}

/** Sends one Collections call and pairs its answer rows with the records, in order. */
export async function sendCollectionsCall(
	sf: CollectionsClient,
	request: WriteRequest,
	records: WriteRecord[],
): Promise<WriteResult[]> {
	return rowsResults(
		records,
		await sf.conn.request<unknown>(collectionsRequest(sf, request, records)),
	);
}

/**
 * Pairs a Collections answer's rows with the records, in order. An answer that is not one row per
 * record (cut off, unreadable) leaves every record's outcome unknown: the call may have been applied.
 */
export function rowsResults(records: WriteRecord[], answer: unknown): WriteResult[] {
	if (!Array.isArray(answer) || answer.length !== records.length) {
		const reason = Array.isArray(answer)
			? `Salesforce answered ${records.length} records with ${answer.length} results`
			: "Salesforce's answer was cut off or could not be read";
		return records.map((r) => unknownOutcome(r, reason));
	}
	return records.map((record, i) => rowResult(record.itemIndex, answer[i] as RowAnswer));
}

function rowResult(itemIndex: number, row: RowAnswer): WriteResult {
	if (row?.success === true && typeof row.id === 'string') {
		return {
			itemIndex,
			success: true,
			id: row.id,
			...(typeof row.created === 'boolean' ? { created: row.created } : {}),
		};
	}
	const error = row?.errors?.[0] ?? {};
	return {
		itemIndex,
		success: false,
		errorCode: error.statusCode ?? 'UNKNOWN_ERROR',
		message: error.message ?? 'Salesforce did not save the record and gave no reason',
		fields: Array.isArray(error.fields) ? error.fields.map(String) : [],
	};
}
