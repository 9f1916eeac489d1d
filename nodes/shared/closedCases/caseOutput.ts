import type { IDataObject } from 'n8n-workflow';

import { isoDateTime } from '../salesforceDate';

const SF_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{4}$/;

/**
 * The item key of a field: `CaseNumber` -> `caseNumber`, `Owner.Name` -> `ownerName`; custom
 * fields keep their API name (`Product__c`), which says plainly where the value comes from.
 */
export function itemKey(field: string): string {
	if (field.endsWith('__c')) return field;
	return field
		.split('.')
		.map((part, i) => (i === 0 ? part.charAt(0).toLowerCase() + part.slice(1) : part.charAt(0).toUpperCase() + part.slice(1)))
		.join('');
}

/** A field's value from a record, following parent paths; Salesforce date-times become ISO 8601 with offset. */
export function fieldValue(record: IDataObject, field: string): unknown {
	let value: unknown = record;
	for (const part of field.split('.')) value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
	if (typeof value === 'string' && SF_DATETIME.test(value)) return isoDateTime(value);
	return value ?? null;
}

/** The case's chosen fields under readable keys, with its Id and a link to it in Salesforce. */
export function caseFields(record: IDataObject, fields: string[], instanceUrl: string | undefined): IDataObject {
	const out: IDataObject = { id: record.Id as string };
	if (instanceUrl) out.url = `${instanceUrl}/lightning/r/Case/${String(record.Id)}/view`;
	for (const field of fields) out[itemKey(field)] = fieldValue(record, field) as IDataObject[keyof IDataObject];
	return out;
}
