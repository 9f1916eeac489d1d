import type { FieldDescribe } from '../core/describe-types';
import { addressValue, jsonValue } from '../core/records';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import { recordError } from './record-errors';

/**
 * The fields a `fields=A,B` parameter names, in its order (names are case-insensitive).
 * Salesforce runs these as a query, so an unknown field fails as a query does.
 */
export function selectedFields(type: SObjectType, list: string): FieldDescribe[] {
	const names = list
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
	const fields: FieldDescribe[] = [];
	for (const name of names) {
		const field = type.field(name);
		if (!field) {
			throw recordError(
				'INVALID_FIELD',
				`No such column '${name}' on entity '${type.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
			);
		}
		if (!fields.includes(field)) fields.push(field);
	}
	return fields;
}

/** One field of a row as a record in a response carries it (a compound address as its object). */
export function fieldJson(field: FieldDescribe, row: Row): unknown {
	if (field.type === 'address') return addressValue(field.name, row);
	return field.type === 'location' ? null : jsonValue(field, row[field.name]);
}
