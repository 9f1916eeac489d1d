import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { WriteFailure } from './types';

/**
 * Every item is checked before the first write. Without "continue on fail", one refused item stops
 * the node here, before anything is written, naming the item, the field and what was wrong. With
 * it, the refused items come out as error items and the others are written.
 */
export function refusedBeforeWriting(ctx: IExecuteFunctions, refused: WriteFailure[]): void {
	if (refused.length === 0 || ctx.continueOnFail()) return;
	const ordered = [...refused].sort((a, b) => a.itemIndex - b.itemIndex);
	const [first] = ordered;
	// The line names the item first, so the message's own "(item N)" would say it twice.
	const what = (r: WriteFailure) =>
		`item ${r.itemIndex}${r.fields.length > 0 ? `, field ${r.fields.join(', ')}` : ''}: ${withoutItem(r)} [${r.errorCode}]`;
	const others = ordered.slice(1, 11).map(what);
	const more = ordered.length > 11 ? ` and ${ordered.length - 11} more` : '';
	const error = new NodeOperationError(ctx.getNode(), `Nothing was written: ${what(first)}`, {
		itemIndex: first.itemIndex,
		description:
			`Every item is checked before anything is sent to Salesforce, and ${ordered.length === 1 ? 'this one was' : `${ordered.length} items were`} refused, so no record was written.` +
			`${others.length > 0 ? ` Also refused: ${others.join('; ')}${more}.` : ''}` +
			' Correct the items and run again, or turn on "Continue On Fail" (Settings) to write the other items and get the refused ones as error items.',
	});
	error.context.errorCode = first.errorCode;
	error.context.fields = first.fields;
	error.context.refusedItems = ordered.map((r) => ({
		itemIndex: r.itemIndex,
		fields: r.fields,
		errorCode: r.errorCode,
	}));
	throw error;
}

function withoutItem(r: WriteFailure): string {
	const suffix = ` (item ${r.itemIndex})`;
	if (r.message.endsWith(suffix)) return r.message.slice(0, -suffix.length);
	return r.message.replace(`${suffix}.`, '.');
}
