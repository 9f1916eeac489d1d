import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import {
	openWriteLedger,
	refusedBeforeWriting,
	writeInBatches,
	writeResultsToItems,
	type WriteFailure,
	type WriteRecord,
	type WriteRequest,
	type WriteResult,
} from '../../../shared/writes';

/** The input items as records to write, and the items refused by the node's own checks. */
export interface CheckedRecords {
	records: WriteRecord[];
	refused: WriteFailure[];
}

/** Why the node refuses an item before any call: the error code Salesforce would answer, the message, the fields. */
export type Refusal = Pick<WriteFailure, 'errorCode' | 'message' | 'fields'>;

/**
 * Each input item's record fields, or the refusal of the node's own checks; `build` runs for every
 * item before anything is written.
 */
export function checkEachItem(
	ctx: IExecuteFunctions,
	build: (itemIndex: number) => { fields: IDataObject } | { refused: Refusal },
): CheckedRecords {
	const out: CheckedRecords = { records: [], refused: [] };
	ctx.getInputData().forEach((_, itemIndex) => {
		const built = build(itemIndex);
		if ('refused' in built)
			out.refused.push({ itemIndex, success: false, ...built.refused, checkedLocally: true });
		else out.records.push({ itemIndex, fields: built.fields });
	});
	return out;
}

export interface WriteRecordsOptions {
	/** More of a written item's json than `{id, success, created?}`, from the record sent. */
	successFields?: (record: WriteRecord) => IDataObject;
	/** A failed item's result in the operation's own words (same error code), from the record sent. */
	failure?: (failure: WriteFailure, record: WriteRecord) => WriteFailure;
	/** Looks once more at the results before they become items (it may explain a failure; it never writes). */
	afterWrite?: (results: WriteResult[]) => Promise<WriteResult[]>;
}

/**
 * The one way the action node writes: every item was checked before this call, and one refused
 * item stops the node before the first write (unless it continues on fail, then that item alone
 * fails). The records go in sObject Collections batches, with the write ledger when Retry On Fail
 * is on (a retry reports what an earlier try wrote instead of sending it again), and every written
 * item comes out, or is named in the error, in input order.
 */
export async function writeRecords(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	target: Pick<WriteRequest, 'operation' | 'objectName' | 'externalIdField'>,
	checked: CheckedRecords,
	options: WriteRecordsOptions = {},
): Promise<INodeExecutionData[]> {
	refusedBeforeWriting(ctx, checked.refused);
	const request: WriteRequest = {
		...target,
		records: checked.records,
		allOrNone: ctx.getNodeParameter('allOrNone', 0, false) as boolean,
	};
	const ledger = openWriteLedger(ctx)?.scope(request);
	let written = request.records.length > 0 ? await writeInBatches(sf, request, { ledger }) : [];
	const { successFields, failure, afterWrite } = options;
	if (afterWrite) written = await afterWrite(written);
	const recordOf = new Map(request.records.map((r) => [r.itemIndex, r]));
	const results = written.map((result) => {
		const record = recordOf.get(result.itemIndex);
		return !result.success && failure && record ? failure(result, record) : result;
	});
	return writeResultsToItems(ctx, [...checked.refused, ...results], ctx.getInputData(), {
		successJson: (result) => {
			const record = recordOf.get(result.itemIndex);
			return {
				id: result.id,
				success: true,
				...(result.created === undefined ? {} : { created: result.created }),
				...(successFields && record ? successFields(record) : {}),
			};
		},
	});
}
