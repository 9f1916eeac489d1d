import type { FieldDescribe } from '../core/describe-types';
import { isValidId } from '../core/ids';
import type { SfErrorEntry } from '../http/types';

const TEXT_TYPES = new Set([
	'string',
	'textarea',
	'email',
	'phone',
	'url',
	'picklist',
	'multipicklist',
	'combobox',
	'encryptedstring',
]);

/** Salesforce's own check of an address in an email field (RFC-ish: no spaces, a dotted domain). */
const EMAIL =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * The errors Salesforce reports about one field's (already deserialized, non-null) value:
 * length, email format, restricted picklists, number types and ranges, and Id format.
 */
export function fieldValueErrors(field: FieldDescribe, value: unknown): SfErrorEntry[] {
	const err = (errorCode: string, message: string): SfErrorEntry[] => [
		{ message, errorCode, fields: [field.name] },
	];
	if (TEXT_TYPES.has(field.type) && typeof value === 'string') {
		if (field.length > 0 && value.length > field.length) {
			return err(
				'STRING_TOO_LONG',
				`${field.label}: data value too large: ${value} (max length=${field.length})`,
			);
		}
		if (field.type === 'email' && !EMAIL.test(value))
			return err('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`);
		if (field.restrictedPicklist && !picklistAccepts(field, value)) {
			return err(
				'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
				`${field.label}: bad value for restricted picklist field: ${value}`,
			);
		}
	}
	if (typeof value === 'number') {
		if ((field.type === 'int' || field.type === 'long') && !Number.isInteger(value)) {
			return err(
				'INVALID_TYPE_ON_FIELD_IN_RECORD',
				`${field.label}: value not of required type: ${value}`,
			);
		}
		if (outOfRange(field, value))
			return err(
				'NUMBER_OUTSIDE_VALID_RANGE',
				`${field.label}: value outside of valid range on numeric field: ${value}`,
			);
	}
	if (
		(field.type === 'reference' || field.type === 'id') &&
		typeof value === 'string' &&
		!isValidId(value)
	) {
		return err('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`);
	}
	return [];
}

function picklistAccepts(field: FieldDescribe, value: string): boolean {
	const active = new Set(field.picklistValues.filter((p) => p.active).map((p) => p.value));
	const values = field.type === 'multipicklist' ? value.split(';') : [value];
	return values.every((v) => active.has(v));
}

/** More digits left of the point than precision - scale (or `digits` for integers) allow. */
function outOfRange(field: FieldDescribe, value: number): boolean {
	const integerDigits =
		field.type === 'int' || field.type === 'long' ? field.digits : field.precision - field.scale;
	if (integerDigits <= 0) return false;
	return Math.abs(Math.trunc(value)) >= 10 ** integerDigits;
}
