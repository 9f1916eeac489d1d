import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { InputRefusal, toNodeError } from '../transport/errorBoundary';
import type { WriteFailure, WriteResult, WriteSuccess } from './types';
import { closeWriteLedger } from './writeLedger';

export interface OutputOptions {
	/** The json of a successful item (default `{id, success: true, created?}`). */
	successJson?: (result: WriteSuccess, input: INodeExecutionData) => IDataObject;
}

const defaultSuccessJson = (result: WriteSuccess): IDataObject => ({
	id: result.id,
	success: true,
	...(result.created === undefined ? {} : { created: result.created }),
});

/**
 * Turns write results into an execute()'s items, in input order, each paired with its input item.
 * With "continue on fail", a record not written becomes `{error, errorCode, fields, input}` keeping
 * the item's input, as n8n's own nodes return errors (plus `outcome: 'unknown'` or `'notSent'` when
 * it is not a plain failure). Without it, n8n allows only a throw: the error says how many items
 * were written, names them, and carries their Ids in `context.writtenItems`.
 */
export function writeResultsToItems(
	ctx: IExecuteFunctions,
	results: WriteResult[],
	items: INodeExecutionData[],
	options: OutputOptions = {},
): INodeExecutionData[] {
	const successJson = options.successJson ?? defaultSuccessJson;
	const ordered = [...results].sort((a, b) => a.itemIndex - b.itemIndex);
	if (ordered.some((r) => !r.success) && !ctx.continueOnFail()) throw runError(ctx, ordered);
	const output = ordered.map((result) => {
		const pairedItem = { item: result.itemIndex };
		const input = items[result.itemIndex] ?? { json: {} };
		if (result.success) return { json: successJson(result, input), pairedItem };
		const outcome =
			result.outcome && result.outcome !== 'failed' ? { outcome: result.outcome } : {};
		return {
			json: {
				error: result.message,
				errorCode: result.errorCode,
				fields: result.fields,
				...outcome,
				input: input.json,
			},
			pairedItem,
		};
	});
	closeWriteLedger(ctx, output);
	return output;
}

/**
 * The error of a run that did not write every item: built from what stopped the run (or the
 * first failed item), and saying plainly what was written, what may have been, and what was not.
 */
function runError(
	ctx: IExecuteFunctions,
	ordered: WriteResult[],
): NodeApiError | NodeOperationError {
	const written = ordered.filter((r): r is WriteSuccess => r.success);
	const problems = ordered.filter((r): r is WriteFailure => !r.success);
	const unknown = problems.filter((r) => r.outcome === 'unknown');
	const notSent = problems.filter((r) => r.outcome === 'notSent');
	const failed = problems.filter((r) => r.outcome === undefined || r.outcome === 'failed');
	const stoppedBy = notSent.find((r) => r.stoppedBy !== undefined)?.stoppedBy;
	const first = failed[0] ?? unknown[0] ?? problems[0];
	const error =
		stoppedBy !== undefined
			? toNodeError(ctx.getNode(), stoppedBy)
			: toNodeError(
					ctx.getNode(),
					first.checkedLocally
						? new InputRefusal(first.message, first.errorCode, first.fields)
						: { errorCode: first.errorCode, message: first.message, fields: first.fields },
					first.itemIndex,
				);
	const total = ordered.length;
	const count = (n: number) => n.toLocaleString('en-US');
	const headline =
		stoppedBy !== undefined
			? `The run stopped after ${count(written.length)} of ${count(total)} items were written`
			: written.length > 0 || unknown.length > 0
				? `${count(written.length)} of ${count(total)} items were written; item ${first.itemIndex} was not`
				: `Nothing was written: item ${first.itemIndex} was refused`;
	error.message = `${headline}: ${error.message}`;
	const parts: string[] = [];
	if (stoppedBy === undefined)
		parts.push(`Item ${first.itemIndex}: ${withoutFalseComfort(error.description ?? '')}`);
	if (written.length > 0)
		parts.push(
			`Written (they exist in Salesforce, their Ids are in this error's context, writtenItems): ${itemRanges(written)}.`,
		);
	if (unknown.length > 0)
		parts.push(
			`May or may not have been written (check in Salesforce before running the workflow again): ${itemRanges(unknown)}.`,
		);
	if (failed.length > 0) parts.push(`Not written, refused: ${itemRanges(failed)}.`);
	if (notSent.length > 0) parts.push(`Not sent: ${itemRanges(notSent)}.`);
	if (stoppedBy !== undefined) parts.push(withoutFalseComfort(error.description ?? ''));
	error.description = parts.join(' ');
	error.context.writtenItems = written.map((r) => ({ itemIndex: r.itemIndex, id: r.id }));
	error.context.unknownItems = unknown.map((r) => r.itemIndex);
	error.context.notSentItems = notSent.map((r) => r.itemIndex);
	error.context.failedItems = failed.length;
	return error;
}

/** An action node loses work when it stops: no sentence may say that nothing was lost. */
function withoutFalseComfort(text: string): string {
	return text.replace(/\s*Nothing was lost[^.]*\./g, '');
}

/** "items 0–999, 1,204" for the items of these results (in order). */
export function itemRanges(results: Array<{ itemIndex: number }>): string {
	const indexes = results.map((r) => r.itemIndex);
	const ranges: string[] = [];
	for (let i = 0; i < indexes.length; ) {
		let j = i;
		while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
		ranges.push(j === i ? `${indexes[i]}` : `${indexes[i]}–${indexes[j]}`);
		i = j + 1;
	}
	const shown = ranges.slice(0, 20).join(', ');
	return `item${indexes.length === 1 ? '' : 's'} ${shown}${ranges.length > 20 ? `, and ${ranges.length - 20} more ranges` : ''}`;
}
