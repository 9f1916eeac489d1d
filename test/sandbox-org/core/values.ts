import { parseDateTime } from './format';
import type { SObjectType } from './schema';
import type { Row } from './store';

/**
 * Field values from a JSON body into stored form (date-times to epoch ms), with field names made
 * canonical. Unknown fields and invalid values are left for the caller's validation to report.
 */
export function fromJson(type: SObjectType, values: Record<string, unknown>): Row {
	const row: Row = {};
	for (const [key, value] of Object.entries(values)) {
		if (key === 'attributes') continue;
		const field = type.field(key);
		const name = field?.name ?? key;
		if (field?.type === 'datetime' && typeof value === 'string')
			row[name] = parseDateTime(value) ?? value;
		else if (field?.type === 'datetime' && typeof value === 'number') row[name] = value;
		else row[name] = value;
	}
	return row;
}
