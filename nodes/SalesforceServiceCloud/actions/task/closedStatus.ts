import type { DescribeSObjectResult } from '@jsforce/jsforce-node';

const COMPLETED = 'Completed';
const CLOSED_WORDS = /complet|closed|done|finished/i;

/**
 * The status that closes a task in this org: "Completed" when the Task's Status picklist offers it,
 * else the first active value that reads as closed, else "Completed" (Salesforce then names the problem).
 */
export function closedTaskStatus(describe: DescribeSObjectResult): string {
	const status = describe.fields.find((f) => f.name === 'Status');
	const values = (status?.picklistValues ?? []).filter((v) => v.active).map((v) => v.value);
	if (values.includes(COMPLETED)) return COMPLETED;
	return values.find((v) => CLOSED_WORDS.test(v)) ?? COMPLETED;
}
