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

/**
 * A record not written, or not known to be: `failed` (Salesforce refused it, or a check before any
 * call did), `unknown` (Salesforce may or may not have applied it: errorCode OUTCOME_UNKNOWN), or
 * `notSent` (the run stopped before it was sent: errorCode NOT_SENT, with the error that stopped it).
 */
export interface WriteFailure {
	itemIndex: number;
	success: false;
	errorCode: string;
	message: string;
	fields: string[];
	/** `failed` when absent. */
	outcome?: 'failed' | 'unknown' | 'notSent';
	/** notSent: the error that stopped the run. */
	stoppedBy?: unknown;
	/** Refused by the node's own checks before anything was sent (reported as ours, not Salesforce's). */
	checkedLocally?: boolean;
}

export type WriteResult = WriteSuccess | WriteFailure;

export interface WriteOptions {
	/** Pause before the follow-up call for rows Salesforce found locked (default 1,000 ms). */
	lockRetryDelayMs?: number;
	/** What earlier tries of this node in this execution wrote (n8n's Retry On Fail); see writeLedger.ts. */
	ledger?: WriteLedgerScope;
}

/** The part of the write ledger writeInBatches uses: what an earlier try did with a record, and what this one did. */
export interface WriteLedgerScope {
	/** The result an earlier try of this node already has for this record (sent with the same values), if any. */
	earlier(record: WriteRecord): WriteResult | undefined;
	/** Notes the results of records sent (written ones and unknown ones). */
	note(records: WriteRecord[], results: WriteResult[]): void;
}

/** What the writer needs of a Salesforce connection (a `SalesforceConnection` fits). */
export interface CollectionsClient {
	apiVersion: string;
	conn: { request<R>(request: HttpRequest): Promise<R> };
}
