import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	FieldMappingError,
	mappedValuesToRecord,
	type MappingOperation,
} from '../../../../shared/fieldMapping';
import type { MappingDescribe, MappingField } from '../../../../shared/fieldMapping/fieldRules';
import { toNodeError } from '../../../../shared/transport/errorBoundary';
import type { WriteFailure } from '../../../../shared/writes';
import { mappedValuesOf, mappingFailure, type ColumnsValue } from '../writeItems';
import { matchKey } from './lookup';
import type { Entry } from './plan';

/**
 * Each input item's mapped values and match key. Values are mapped as for a create; when only a
 * required field is missing, they are mapped again as for an update, so the item can still match.
 */
export function entriesOf(
	ctx: IExecuteFunctions,
	describe: MappingDescribe,
	matchField: MappingField,
	only?: Set<number>,
): Entry[] {
	const timezone = ctx.getTimezone();
	return ctx.getInputData().flatMap((item, itemIndex): Entry[] => {
		if (only && !only.has(itemIndex)) return [];
		const values = mappedValuesOf(ctx.getNodeParameter('columns', itemIndex) as ColumnsValue, item);
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
			createFailure = mappingFailure(body, itemIndex);
			body = map('update');
		}
		if (body instanceof FieldMappingError)
			return [{ itemIndex, failure: mappingFailure(body, itemIndex) }];
		const value = body[matchField.name];
		const key =
			value === null || value === undefined || value === ''
				? undefined
				: matchKey(matchField, value);
		return [{ itemIndex, body, key, createFailure }];
	});
}
