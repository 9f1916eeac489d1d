import type { HttpRequest } from '@jsforce/jsforce-node';
import type { IDataObject } from 'n8n-workflow';

export type WriteOperation = 'create' | 'update' | 'upsert' | 'delete';

/** One record to write, with the index of the input item it came from. */
export interface WriteRecord {
	itemIndex: number;
	/** The record's fields; `Id` for update and delete, the external ID field's value for upsert. */
	fields: IDataObject;
}

export interface WriteRequest {
	operation: WriteOperation;
	objectName: string;
	/** The external ID (or idLookup) field to match on; upsert only. */
	externalIdField?: string;
	records: WriteRecord[];
	/** Salesforce's allOrNone, per call of up to 200 records; later batches are not sent once one fails. */
	allOrNone: boolean;
}

export interface WriteSuccess {
	itemIndex: number;
	success: true;
	id: string;
	/** Upsert only: true when the record was created, false when an existing one was updated. */
	created?: boolean;
}

export interface WriteFailure {
	itemIndex: number;
	success: false;
	errorCode: string;
	message: string;
	fields: string[];
	/** Refused by the node's own checks before anything was sent (reported as ours, not Salesforce's). */
	checkedLocally?: boolean;
}

export type WriteResult = WriteSuccess | WriteFailure;

export interface WriteOptions {
	/** Pause before the follow-up call for rows Salesforce found locked (default 1,000 ms). */
	lockRetryDelayMs?: number;
}

/** What the writer needs of a Salesforce connection (a `SalesforceConnection` fits). */
export interface CollectionsClient {
	apiVersion: string;
	conn: { request<R>(request: HttpRequest): Promise<R> };
}
