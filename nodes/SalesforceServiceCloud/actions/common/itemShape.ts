import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { perItem } from './perItem';

/** The records each input item read, in input order. */
export interface ItemRecords {
	itemIndex: number;
	records: IDataObject[];
}

/** A run's shaper: what it reads for all items at once first (optional), then each item's items. */
export interface Shaper {
	/** Once, before any item is shaped, with the records of every item that read them. */
	prepare?(read: readonly ItemRecords[]): Promise<void>;
	/** The items of one input item's records, in order; a thrown error fails that input item. */
	shape(records: IDataObject[], itemIndex: number): Promise<IDataObject[]>;
}

/**
 * The items of a resource whose items carry more than the record's fields (Chat Transcript, Messaging
 * Session), for the generic Get and Get Many: the fields always read (no Fields parameter),
 * parameters of its own, and its shaper for the run.
 */
export interface ItemShape {
	fields: readonly string[];
	properties?(resource: string, operations: string[]): INodeProperties[];
	start(ctx: IExecuteFunctions, sf: SalesforceConnection): Shaper;
}

/** A shaped item's fields: the record's Id and dates (as the trigger's items have them), then the shape's. */
export function shapeFields(shape: ItemShape): string[] {
	return [...new Set(['Id', 'CreatedDate', 'SystemModstamp', ...shape.fields])];
}

/**
 * Reads every input item's records first, lets the shaper prepare over all of them (such as reading
 * each conversation once), then shapes each item's. An item that fails to read fails alone when the
 * node continues on fail; otherwise reading stops there and the node fails at that item.
 */
export async function shapedPerItem(
	ctx: IExecuteFunctions,
	shaper: Shaper,
	read: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const outcomes: Array<{ items: INodeExecutionData[] } | { failed: unknown }> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			outcomes.push({ items: await read(itemIndex) });
		} catch (failed) {
			outcomes.push({ failed });
			if (!ctx.continueOnFail()) break;
		}
	}
	await shaper.prepare?.(
		outcomes.flatMap((o, itemIndex) =>
			'items' in o ? [{ itemIndex, records: o.items.map((i) => i.json) }] : [],
		),
	);
	return perItem(ctx, async (itemIndex) => {
		const outcome = outcomes[itemIndex];
		if ('failed' in outcome) throw outcome.failed;
		const shaped = await shaper.shape(
			outcome.items.map((i) => i.json),
			itemIndex,
		);
		return shaped.map((json) => ({ json, pairedItem: { item: itemIndex } }));
	});
}
