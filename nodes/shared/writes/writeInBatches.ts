import { ApiLimitError, SalesforceCredentialError } from '../transport/salesforceErrors';
import { idOf, MAX_RECORDS_PER_CALL, sendCollectionsCall } from './collectionsCall';
import { MAX_CALLS_PER_BUNDLE, sendBundle } from './compositeBundle';
import type { CollectionsClient, WriteFailure, WriteOptions, WriteRecord, WriteRequest, WriteResult } from './types';

const LOCKED = 'UNABLE_TO_LOCK_ROW';
const ROLLED_BACK = 'ALL_OR_NONE_OPERATION_ROLLED_BACK';
const DEFAULT_LOCK_RETRY_DELAY_MS = 1000;

/**
 * Writes records through sObject Collections, 200 a call, and answers one result per record in
 * input order. Rows Salesforce found locked are sent once more in a follow-up call when the
 * operation is idempotent (update, upsert, delete); a create is never repeated. With allOrNone,
 * each call is all or none, and once one fails the later ones are not sent (PROCESSING_HALTED).
 * A spent API allowance or a session that cannot be renewed is thrown; any other failure of a
 * whole call becomes the failure of each of its rows.
 */
export async function writeInBatches(sf: CollectionsClient, request: WriteRequest, options: WriteOptions = {}): Promise<WriteResult[]> {
	const { records, allOrNone } = request;
	const results: WriteResult[] = new Array<WriteResult>(records.length);
	const repeatable = request.operation !== 'create';
	const delayMs = options.lockRetryDelayMs ?? DEFAULT_LOCK_RETRY_DELAY_MS;
	const send = (positions: number[]) => callOrFail(sf, request, positions.map((p) => records[p]));
	const store = (positions: number[], rows: WriteResult[]) => positions.forEach((p, i) => (results[p] = rows[i]));

	const toSend: number[] = [];
	records.forEach((record, p) => {
		const problem = localProblem(request, record);
		if (problem) results[p] = problem;
		else toSend.push(p);
	});
	let halted = allOrNone && toSend.length < records.length;
	const locked: number[] = [];
	const chunks = chunksOf(toSend);
	if (!allOrNone && chunks.length > 1) {
		// Up to five batches travel in one Composite request: one API call for up to 1,000 records.
		for (let i = 0; i < chunks.length; i += MAX_CALLS_PER_BUNDLE) {
			const group = chunks.slice(i, i + MAX_CALLS_PER_BUNDLE);
			const answers = await bundleOrFail(sf, request, group.map((chunk) => chunk.map((p) => records[p])));
			group.forEach((chunk, n) => {
				store(chunk, answers[n]);
				if (repeatable) chunk.forEach((p, j) => isLocked(answers[n][j]) && locked.push(p));
			});
		}
		chunks.length = 0;
	}
	for (const chunk of chunks) {
		if (halted) {
			store(chunk, chunk.map((p) => halt(records[p])));
			continue;
		}
		let rows = await send(chunk);
		if (allOrNone && repeatable && failedOnlyForLocks(rows)) {
			await pause(delayMs);
			rows = await send(chunk);
		}
		store(chunk, rows);
		if (allOrNone && rows.some((r) => !r.success)) halted = true;
		if (!allOrNone && repeatable) chunk.forEach((p, i) => isLocked(rows[i]) && locked.push(p));
	}
	if (locked.length > 0) {
		await pause(delayMs);
		for (const chunk of chunksOf(locked)) store(chunk, await send(chunk));
	}
	return results;
}

/** A record that cannot be sent as it is: a delete needs an Id (it goes in the URL's list). */
function localProblem(request: WriteRequest, record: WriteRecord): WriteFailure | undefined {
	if (request.operation !== 'delete' || idOf(record.fields) !== '') return undefined;
	return { itemIndex: record.itemIndex, success: false, errorCode: 'MISSING_ARGUMENT', message: 'Id not specified in a delete call', fields: ['Id'] };
}

function halt(record: WriteRecord): WriteFailure {
	return {
		itemIndex: record.itemIndex,
		success: false,
		errorCode: 'PROCESSING_HALTED',
		message: 'Not sent: another record failed and All or None is on',
		fields: [],
	};
}

/**
 * A row worth one more try: locked, or refused because the server was unavailable (a bundle travels
 * as a POST, which the connection never repeats; an update, upsert or delete may be).
 */
function isLocked(result: WriteResult): boolean {
	return !result.success && (result.errorCode === LOCKED || result.errorCode === 'SERVER_UNAVAILABLE');
}

/** An all-or-none call that failed only because rows were locked (the others rolled back with them). */
function failedOnlyForLocks(rows: WriteResult[]): boolean {
	return rows.some(isLocked) && rows.every((r) => r.success || r.errorCode === LOCKED || r.errorCode === ROLLED_BACK);
}

/** One bundle; a failure of the whole request becomes each row's failure, unless it must stop the node. */
async function bundleOrFail(sf: CollectionsClient, request: WriteRequest, batches: WriteRecord[][]): Promise<WriteResult[][]> {
	try {
		return await sendBundle(sf, request, batches);
	} catch (error) {
		const failed = wholeCallFailure(error, batches.flat());
		let offset = 0;
		return batches.map((b) => failed.slice(offset, (offset += b.length)));
	}
}

/** One call; a failure of the whole call becomes each row's failure, unless it must stop the node. */
async function callOrFail(sf: CollectionsClient, request: WriteRequest, records: WriteRecord[]): Promise<WriteResult[]> {
	try {
		return await sendCollectionsCall(sf, request, records);
	} catch (error) {
		return wholeCallFailure(error, records);
	}
}

/** A failure of a whole request as each row's failure; a spent allowance or a lost session stops the node. */
function wholeCallFailure(error: unknown, records: WriteRecord[]): WriteResult[] {
	if (error instanceof ApiLimitError || error instanceof SalesforceCredentialError) throw error;
	const e = (error ?? {}) as { errorCode?: string; message?: string; data?: { fields?: unknown } };
	if (e.errorCode === 'INVALID_SESSION_ID') throw error;
	const fields = Array.isArray(e.data?.fields) ? e.data.fields.map(String) : [];
	const errorCode = e.errorCode ?? (error instanceof Error && 'code' in error ? String(error.code) : 'UNKNOWN_ERROR');
	return records.map((r) => ({ itemIndex: r.itemIndex, success: false, errorCode, message: e.message ?? String(error), fields }));
}

function chunksOf(positions: number[]): number[][] {
	const chunks: number[][] = [];
	for (let i = 0; i < positions.length; i += MAX_RECORDS_PER_CALL) chunks.push(positions.slice(i, i + MAX_RECORDS_PER_CALL));
	return chunks;
}

async function pause(ms: number): Promise<void> {
	if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
