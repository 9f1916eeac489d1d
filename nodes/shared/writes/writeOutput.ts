import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputRefusal, toNodeError } from '../transport/errorBoundary';
import type { WriteFailure, WriteResult, WriteSuccess } from './types';

export interface OutputOptions {
	/** The json of a successful item (default `{id, success: true, created?}`). */
	successJson?: (result: WriteSuccess, input: INodeExecutionData) => IDataObject;
}

const defaultSuccessJson = (result: WriteSuccess): IDataObject => ({ id: result.id, success: true, ...(result.created === undefined ? {} : { created: result.created }) });

/**
 * Turns write results into an execute()'s items, in input order, each paired with its input item.
 * Without "continue on fail", the first failed item is thrown as a NodeApiError naming the item
 * (the other rows were written all the same). With it, a failed item becomes
 * `{error, errorCode, fields, input}` keeping the item's input, as n8n's own nodes return errors.
 */
export function writeResultsToItems(ctx: IExecuteFunctions, results: WriteResult[], items: INodeExecutionData[], options: OutputOptions = {}): INodeExecutionData[] {
	const successJson = options.successJson ?? defaultSuccessJson;
	const ordered = [...results].sort((a, b) => a.itemIndex - b.itemIndex);
	const failures = ordered.filter((r): r is WriteFailure => !r.success);
	if (failures.length > 0 && !ctx.continueOnFail()) throw failureError(ctx, failures);
	return ordered.map((result) => {
		const pairedItem = { item: result.itemIndex };
		const input = items[result.itemIndex] ?? { json: {} };
		if (result.success) return { json: successJson(result, input), pairedItem };
		return { json: { error: result.message, errorCode: result.errorCode, fields: result.fields, input: input.json }, pairedItem };
	});
}

function failureError(ctx: IExecuteFunctions, failures: WriteFailure[]) {
	const [first] = failures;
	const error = toNodeError(ctx.getNode(), first.checkedLocally ? new InputRefusal(first.message, first.errorCode, first.fields) : { errorCode: first.errorCode, message: first.message, fields: first.fields }, first.itemIndex);
	const others = failures.length - 1;
	const also = others > 0 ? ` ${others} other item${others === 1 ? '' : 's'} failed too (${failures.slice(1, 6).map((f) => f.itemIndex).join(', ')}${others > 5 ? ', ...' : ''}).` : '';
	error.description = `Item ${first.itemIndex}: ${error.description ?? ''}${also}`;
	error.context.failedItems = failures.length;
	return error;
}
