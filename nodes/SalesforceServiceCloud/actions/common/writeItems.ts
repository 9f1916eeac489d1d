import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FieldMappingError, mappedValuesToRecord, type FieldMappingProblem, type MappingOperation } from '../../../shared/fieldMapping';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { writeInBatches, writeResultsToItems, type WriteRecord, type WriteResult } from '../../../shared/writes';

/** The error code Salesforce would have answered, so that a workflow branches on one code whoever caught it. */
const SALESFORCE_CODE: Record<FieldMappingProblem, string> = {
	unknownField: 'INVALID_FIELD',
	unknownRelationship: 'INVALID_FIELD',
	notWritable: 'INVALID_FIELD_FOR_INSERT_UPDATE',
	requiredMissing: 'REQUIRED_FIELD_MISSING',
	invalidPicklistValue: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
	malformedId: 'MALFORMED_ID',
	wrongType: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
	tooLong: 'STRING_TOO_LONG',
};

interface ColumnsValue {
	mappingMode: 'defineBelow' | 'autoMapInputData';
	value: IDataObject | null;
	matchingColumns?: string[];
}

/**
 * Create, update or upsert every input item as a record of `objectName`, in sObject Collections
 * batches. An item whose values the object cannot take fails on its own, before any call, with the
 * field named; the other items are still written.
 */
export async function writeItems(ctx: IExecuteFunctions, sf: SalesforceConnection, objectName: string, operation: MappingOperation): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const describe = await sf.describes.describe(objectName);
	const timezone = ctx.getTimezone();
	const records: WriteRecord[] = [];
	const refused: WriteResult[] = [];
	let externalIdField: string | undefined;
	items.forEach((item, itemIndex) => {
		const columns = ctx.getNodeParameter('columns', itemIndex) as ColumnsValue;
		const values = columns.mappingMode === 'autoMapInputData' ? item.json : (columns.value ?? {});
		if (operation === 'upsert') externalIdField = columns.matchingColumns?.[0] ?? externalIdField;
		try {
			const fields = mappedValuesToRecord(describe, values as Record<string, unknown>, { operation, itemIndex, timezone });
			records.push({ itemIndex, fields: fields as IDataObject });
		} catch (error) {
			if (!(error instanceof FieldMappingError)) throw error;
			refused.push({ itemIndex, success: false, errorCode: SALESFORCE_CODE[error.problem], message: error.message, fields: [error.fieldName] });
		}
	});
	if (operation === 'upsert' && !externalIdField) {
		throw new NodeOperationError(ctx.getNode(), 'Choose the field to match records on', { description: 'Under Fields, pick "Columns to match on": an External ID field, or a unique field such as Email.' });
	}
	const allOrNone = ctx.getNodeParameter('allOrNone', 0, false) as boolean;
	const written = records.length > 0 ? await writeInBatches(sf, { operation, objectName: describe.name, externalIdField, records, allOrNone }) : [];
	return writeResultsToItems(ctx, [...refused, ...written], items);
}
