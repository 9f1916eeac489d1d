import { sleep } from 'n8n-workflow';

import { idOf, MAX_RECORDS_PER_CALL, sendCollectionsCall } from './collectionsCall';
import { MAX_CALLS_PER_BUNDLE, sendBundle } from './compositeBundle';
import { notSent, wholeRequestOutcome } from './outcomes';
import type {
	CollectionsClient,
	WriteFailure,
	WriteOptions,
	WriteRecord,
	WriteRequest,
	WriteResult,
} from './types';

const LOCKED = 'UNABLE_TO_LOCK_ROW';
const ROLLED_BACK = 'ALL_OR_NONE_OPERATION_ROLLED_BACK';
const DEFAULT_LOCK_RETRY_DELAY_MS = 1000;

/**
 * Writes records through sObject Collections, 200 a call, and answers one result per record in
 * input order. It never throws for a Salesforce failure, so what was written is never lost:
 * - Rows Salesforce found locked are sent once more in a follow-up call when the operation is
 *   idempotent (update, upsert, delete); a create is never repeated.
 * - A create or Composite request answered 503 (nothing applied) is sent again by the transport (see mayRepeat).
 * - With allOrNone, each call is all or none, and once one fails the later ones are not sent (PROCESSING_HALTED).
 * - A spent API allowance, a session that cannot be renewed or a network failure stops the run:
 *   the records not sent come back as NOT_SENT, carrying the error that stopped it.
 * - Records Salesforce may or may not have applied (a 5xx subrequest, a cut-off answer, a
 *   connection lost after sending) come back as OUTCOME_UNKNOWN, not as failed.
 * With a ledger (n8n's Retry On Fail), records an earlier try wrote or left unknown are not sent again.
 */
export async function writeInBatches(
	sf: CollectionsClient,
	request: WriteRequest,
	options: WriteOptions = {},
): Promise<WriteResult[]> {
	const { records, allOrNone } = request;
	const results: WriteResult[] = new Array<WriteResult>(records.length);
	const repeatable = request.operation !== 'create';
	const delayMs = options.lockRetryDelayMs ?? DEFAULT_LOCK_RETRY_DELAY_MS;
	let stop: unknown;
	const store = (positions: number[], rows: WriteResult[]) => {
		positions.forEach((p, i) => (results[p] = rows[i]));
		options.ledger?.note(
			positions.map((p) => records[p]),
			rows,
		);
	};
	const send = async (positions: number[]): Promise<WriteResult[]> => {
		const batch = positions.map((p) => records[p]);
		if (stop !== undefined) return batch.map((r) => notSent(r, stop));
		try {
			return await sendCollectionsCall(sf, request, batch);
		} catch (error) {
			const outcome = wholeRequestOutcome(error, batch);
			stop ??= outcome.stop;
			return outcome.rows;
		}
	};

	const toSend: number[] = [];
	records.forEach((record, p) => {
		const problem = localProblem(request, record);
		const earlier = problem ? undefined : options.ledger?.earlier(record);
		if (problem ?? earlier) results[p] = (problem ?? earlier) as WriteResult;
		else toSend.push(p);
	});
	let halted = allOrNone && records.some((r, p) => results[p] && !results[p].success);
	const locked: number[] = [];
	const chunks = chunksOf(toSend);
	if (!allOrNone && chunks.length > 1) {
		// Up to five batches travel in one Composite request: one API call for up to 1,000 records.
		for (let i = 0; i < chunks.length; i += MAX_CALLS_PER_BUNDLE) {
			const group = chunks.slice(i, i + MAX_CALLS_PER_BUNDLE);
			const batches = group.map((chunk) => chunk.map((p) => records[p]));
			let answers: WriteResult[][];
			if (stop !== undefined) answers = batches.map((b) => b.map((r) => notSent(r, stop)));
			else {
				try {
					answers = await sendBundle(sf, request, batches);
				} catch (error) {
					const outcome = wholeRequestOutcome(error, batches.flat());
					stop ??= outcome.stop;
					let offset = 0;
					answers = batches.map((b) => outcome.rows.slice(offset, (offset += b.length)));
				}
			}
			group.forEach((chunk, n) => {
				store(chunk, answers[n]);
				if (repeatable) chunk.forEach((p, j) => isLocked(answers[n][j]) && locked.push(p));
			});
		}
		chunks.length = 0;
	}
	for (const chunk of chunks) {
		if (halted) {
			store(
				chunk,
				chunk.map((p) => halt(records[p])),
			);
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
	if (locked.length > 0 && stop === undefined) {
		await pause(delayMs);
		for (const chunk of chunksOf(locked)) {
			// A follow-up that did not get through leaves the rows' first answer (locked) standing.
			const rows = await send(chunk);
			store(
				chunk,
				rows.map((row, i) =>
					row.success === false && row.outcome === 'notSent' ? results[chunk[i]] : row,
				),
			);
		}
	}
	return results;
}

/** A record that cannot be sent as it is: a delete needs an Id (it goes in the URL's list). */
function localProblem(request: WriteRequest, record: WriteRecord): WriteFailure | undefined {
	if (request.operation !== 'delete' || idOf(record.fields) !== '') return undefined;
	return {
		itemIndex: record.itemIndex,
		success: false,
		errorCode: 'MISSING_ARGUMENT',
		message: 'Id not specified in a delete call',
		fields: ['Id'],
	};
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
 * A row worth one more try: locked, or refused because the server was unavailable (nothing
 * applied; only for an update, upsert or delete, which may be repeated).
 */
function isLocked(result: WriteResult): boolean {
	return (
		!result.success && (result.errorCode === LOCKED || result.errorCode === 'SERVER_UNAVAILABLE')
	);
}

/** An all-or-none call that failed only because rows were locked (the others rolled back with them). */
function failedOnlyForLocks(rows: WriteResult[]): boolean {
	return (
		rows.some(isLocked) &&
		rows.every((r) => r.success || r.errorCode === LOCKED || r.errorCode === ROLLED_BACK)
	);
}

function chunksOf(positions: number[]): number[][] {
	const chunks: number[][] = [];
	for (let i = 0; i < positions.length; i += MAX_RECORDS_PER_CALL)
		chunks.push(positions.slice(i, i + MAX_RECORDS_PER_CALL));
	return chunks;
}

async function pause(ms: number): Promise<void> {
	if (ms > 0) await sleep(ms);
}
