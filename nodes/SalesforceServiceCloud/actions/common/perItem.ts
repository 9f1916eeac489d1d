import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../../../shared/transport/errorBoundary';

/**
 * Runs `run` for each input item. A failing item stops the node, or, when the node continues on
 * fail, becomes an error item that keeps the item's input.
 */
export async function perItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			out.push(...(await run(itemIndex)));
		} catch (error) {
			const e = toNodeError(ctx.getNode(), error, itemIndex);
			if (!ctx.continueOnFail()) {
				e.context.itemIndex = itemIndex;
				throw e;
			}
			out.push({
				json: {
					error: e.message,
					errorCode: (e.context.errorCode as string | undefined) ?? null,
					input: items[itemIndex].json,
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	return out;
}
