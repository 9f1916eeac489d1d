import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FieldMappingError, mappedValuesToRecord, type MappingOperation } from '../../../../shared/fieldMapping';
import type { WriteFailure } from '../../../../shared/writes';
import { SALESFORCE_CODE } from '../writeItems';
import { matchKey } from './lookup';
import type { Entry } from './plan';

interface ColumnsValue {
	mappingMode: 'defineBelow' | 'autoMapInputData';
	value: IDataObject | null;
}

function failureOf(error: FieldMappingError, itemIndex: number): WriteFailure {
	return { itemIndex, success: false, errorCode: SALESFORCE_CODE[error.problem], message: error.message, fields: [error.fieldName], checkedLocally: true };
}

/**
 * Each input item's mapped values and match key. Values are mapped as for a create; when only a
 * required field is missing, they are mapped again as for an update, so the item can still match.
 */
export function entriesOf(ctx: IExecuteFunctions, describe: DescribeSObjectResult, matchField: Field): Entry[] {
	const timezone = ctx.getTimezone();
	return ctx.getInputData().map((item, itemIndex): Entry => {
		const columns = ctx.getNodeParameter('columns', itemIndex) as ColumnsValue;
		const values = (columns.mappingMode === 'autoMapInputData' ? item.json : (columns.value ?? {})) as Record<string, unknown>;
		const map = (operation: MappingOperation) => mappedValuesToRecord(describe, values, { operation, itemIndex, timezone }) as IDataObject;
		let body: IDataObject;
		let createFailure: WriteFailure | undefined;
		try {
			try {
				body = map('create');
			} catch (error) {
				if (!(error instanceof FieldMappingError) || error.problem !== 'requiredMissing') throw error;
				createFailure = failureOf(error, itemIndex);
				body = map('update');
			}
		} catch (error) {
			if (!(error instanceof FieldMappingError)) throw error;
			return { itemIndex, failure: failureOf(error, itemIndex) };
		}
		const value = body[matchField.name];
		const key = value === null || value === undefined || value === '' ? undefined : matchKey(matchField, value);
		return { itemIndex, body, key, createFailure };
	});
}
