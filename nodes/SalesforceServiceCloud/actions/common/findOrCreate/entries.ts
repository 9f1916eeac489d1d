import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	FieldMappingError,
	mappedValuesToRecord,
	type MappingOperation,
} from '../../../../shared/fieldMapping';
import { toNodeError } from '../../../../shared/transport/errorBoundary';
import type { WriteFailure } from '../../../../shared/writes';
import { SALESFORCE_CODE } from '../writeItems';
import { matchKey } from './lookup';
import type { Entry } from './plan';

interface ColumnsValue {
	mappingMode: 'defineBelow' | 'autoMapInputData';
	value: IDataObject | null;
}

function failureOf(error: FieldMappingError, itemIndex: number): WriteFailure {
	return {
		itemIndex,
		success: false,
		errorCode: SALESFORCE_CODE[error.problem],
		message: error.message,
		fields: [error.fieldName],
		checkedLocally: true,
	};
}

/**
 * Each input item's mapped values and match key. Values are mapped as for a create; when only a
 * required field is missing, they are mapped again as for an update, so the item can still match.
 */
export function entriesOf(
	ctx: IExecuteFunctions,
	describe: DescribeSObjectResult,
	matchField: Field,
): Entry[] {
	const timezone = ctx.getTimezone();
	return ctx.getInputData().map((item, itemIndex): Entry => {
		const columns = ctx.getNodeParameter('columns', itemIndex) as ColumnsValue;
		const values = (
			columns.mappingMode === 'autoMapInputData' ? item.json : (columns.value ?? {})
		) as Record<string, unknown>;
		/** The values mapped for the operation, or the FieldMappingError that refused them. */
		const map = (operation: MappingOperation): IDataObject | FieldMappingError => {
			try {
				return mappedValuesToRecord(describe, values, {
					operation,
					itemIndex,
					timezone,
				}) as IDataObject;
			} catch (error) {
				if (error instanceof FieldMappingError) return error;
				throw toNodeError(ctx.getNode(), error);
			}
		};
		let body = map('create');
		let createFailure: WriteFailure | undefined;
		if (body instanceof FieldMappingError && body.problem === 'requiredMissing') {
			createFailure = failureOf(body, itemIndex);
			body = map('update');
		}
		if (body instanceof FieldMappingError)
			return { itemIndex, failure: failureOf(body, itemIndex) };
		const value = body[matchField.name];
		const key =
			value === null || value === undefined || value === ''
				? undefined
				: matchKey(matchField, value);
		return { itemIndex, body, key, createFailure };
	});
}
