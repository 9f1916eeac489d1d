import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	FieldMappingError,
	mappedValuesToRecord,
	type FieldMappingProblem,
	type MappingOperation,
} from '../../../shared/fieldMapping';
import type { MappingDescribe } from '../../../shared/fieldMapping/fieldRules';
import { objectSchema, type ObjectSchema } from '../../../shared/schema/keptSchemas';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { toNodeError } from '../../../shared/transport/errorBoundary';
import type { WriteFailure, WriteRecord, WriteResult } from '../../../shared/writes';
import { checkAgainstSchema, explainRefusals } from './keptDescribe';
import { fillOwnerIds } from './ownerByEmail';
import { writeRecords, type WriteRecordsOptions } from './writeRecords';

/** The error code Salesforce would have answered, so that a workflow branches on one code whoever caught it. */
export const SALESFORCE_CODE: Record<FieldMappingProblem, string> = {
	unknownField: 'INVALID_FIELD',
	unknownRelationship: 'INVALID_FIELD',
	notWritable: 'INVALID_FIELD_FOR_INSERT_UPDATE',
	requiredMissing: 'REQUIRED_FIELD_MISSING',
	invalidPicklistValue: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
	malformedId: 'MALFORMED_ID',
	wrongType: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
	tooLong: 'STRING_TOO_LONG',
};

/** The resource mapper's `columns` parameter of an item. */
export interface ColumnsValue {
	mappingMode: 'defineBelow' | 'autoMapInputData';
	value: IDataObject | null;
	matchingColumns?: string[];
}

/** The item's values to write: its input json when mapped automatically, else the values given below. */
export function mappedValuesOf(
	columns: ColumnsValue,
	item: INodeExecutionData,
): Record<string, unknown> {
	return (columns.mappingMode === 'autoMapInputData' ? item.json : (columns.value ?? {})) as Record<
		string,
		unknown
	>;
}

/** The item refused for values its object cannot take, with the error code Salesforce would answer. */
export function mappingFailure(error: FieldMappingError, itemIndex: number): WriteFailure {
	return {
		itemIndex,
		success: false,
		errorCode: SALESFORCE_CODE[error.problem],
		message: error.message,
		fields: [error.fieldName],
		checkedLocally: true,
	};
}

/** A check of an item's mapped values before the mapping: a refusal for the item, or undefined. */
export type ItemCheck = (
	values: Record<string, unknown>,
	itemIndex: number,
) => Omit<WriteFailure, 'itemIndex' | 'success'> | undefined;

export interface MappedItems {
	records: WriteRecord[];
	refused: WriteFailure[];
	/** Upsert: the field the user chose to match records on. */
	externalIdField: string | undefined;
	/** Whether an item was refused by the check against the describe (not by `check`). */
	refusedByDescribe: boolean;
}

/**
 * The record bodies of the input items' mapped values (the resource mapper's `columns`), checked
 * against the object's describe. An item the object cannot take (or that `check` refuses) fails on
 * its own, with the field named and the error code Salesforce would have answered.
 */
export function mapItems(
	ctx: IExecuteFunctions,
	describe: MappingDescribe,
	operation: MappingOperation,
	check?: ItemCheck,
	only?: Set<number>,
): MappedItems {
	const timezone = ctx.getTimezone();
	const out: MappedItems = {
		records: [],
		refused: [],
		externalIdField: undefined,
		refusedByDescribe: false,
	};
	ctx.getInputData().forEach((item, itemIndex) => {
		if (only && !only.has(itemIndex)) return;
		const columns = ctx.getNodeParameter('columns', itemIndex) as ColumnsValue;
		const values = mappedValuesOf(columns, item);
		if (operation === 'upsert')
			out.externalIdField = columns.matchingColumns?.[0] ?? out.externalIdField;
		const problem = check?.(values, itemIndex);
		if (problem) {
			out.refused.push({ itemIndex, success: false, ...problem, checkedLocally: true });
			return;
		}
		try {
			out.records.push({
				itemIndex,
				fields: mappedValuesToRecord(describe, values, {
					operation,
					itemIndex,
					timezone,
				}) as IDataObject,
			});
		} catch (error) {
			if (!(error instanceof FieldMappingError)) throw toNodeError(ctx.getNode(), error);
			out.refused.push(mappingFailure(error, itemIndex));
			out.refusedByDescribe = true;
		}
	});
	return out;
}

/**
 * Create, update or upsert every input item as a record of `objectName`, in sObject Collections
 * batches. Every item is checked before the first write: an item whose values the object cannot
 * take (or that `check` refuses, or whose owner email matches no user) stops the node before
 * anything is written, naming the item and the field; with "continue on fail" it fails on its own
 * and the others are written. With Retry On Fail, a retry does not write again what an earlier try
 * wrote (see writeRecords).
 *
 * The describe the items are checked against may be one kept from an earlier execution (see
 * keptSchemas.ts). It may be out of date, so the object is described again, once, when an item is
 * refused by it (a field added in Salesforce since is then found), or when Salesforce refuses a
 * record for a reason the check covers (the record is not sent again: the fresh describe only
 * explains the refusal, and is kept for the next executions).
 */
export async function writeItems(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	objectName: string,
	operation: MappingOperation,
	options: WriteRecordsOptions & { check?: ItemCheck; schema?: ObjectSchema } = {},
): Promise<INodeExecutionData[]> {
	const { check, schema: given, ...writeOptions } = options;
	const {
		describe,
		checked: mapped,
		mayBeStale,
	} = await checkAgainstSchema(
		sf,
		objectName,
		given ?? (await objectSchema(ctx, sf, objectName)),
		(d) => mapItems(ctx, d, operation, check),
		(m) => m.refusedByDescribe,
	);
	if (operation === 'upsert' && !mapped.externalIdField) {
		throw new NodeOperationError(ctx.getNode(), 'Choose the field to match records on', {
			description:
				'Under Fields, pick "Columns to match on": an External ID field, or a unique field such as Email.',
		});
	}
	// An owner given by email (one User query for all items); nothing happens when no item gives one.
	const owned = await fillOwnerIds(ctx, sf, mapped.records);
	// Rows Salesforce refused for a reason a fresh describe would have caught: explained by one.
	const recheck = (results: WriteResult[]) =>
		explainRefusals(
			sf,
			objectName,
			results,
			(fresh, itemIndexes) => mapItems(ctx, fresh, operation, undefined, itemIndexes).refused,
		);
	return writeRecords(
		ctx,
		sf,
		{ operation, objectName: describe.name, externalIdField: mapped.externalIdField },
		{ records: owned.records, refused: [...mapped.refused, ...owned.refused] },
		{ ...writeOptions, ...(mayBeStale ? { afterWrite: recheck } : {}) },
	);
}
