import type { IDataObject } from 'n8n-workflow';

/** A record as an item: its fields as Salesforce names them, without the `attributes` of each level. */
export function recordItem(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (key === 'attributes') continue;
		out[key] =
			value !== null && typeof value === 'object' && !Array.isArray(value)
				? recordItem(value as IDataObject)
				: value;
	}
	return out;
}
