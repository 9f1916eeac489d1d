import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONNECT_CALLS_PER_HOUR, MAX_CONNECT_CALLS_PER_HOUR } from './connectBudget';

export const CONNECT_BUDGET_PARAMETER = 'connectCallsPerHour';

/** "Connect API Calls per Hour": the budget a workflow keeps to when it reads messaging conversations. */
export function connectBudgetProperty(description: string): INodeProperties {
	return {
		displayName: 'Connect API Calls per Hour',
		name: CONNECT_BUDGET_PARAMETER,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONNECT_CALLS_PER_HOUR },
		default: DEFAULT_CONNECT_CALLS_PER_HOUR,
		description,
		hint: 'Salesforce allows 1,000 Connect API calls per user and app per hour, shared with your other workflows and apps on the same login. Past this budget, messages wait for a later poll; nothing is lost.',
	};
}

/** A problem with the budget's value, for the parameter's error. */
export class ConnectBudgetError extends Error {}

/** The budget's value, checked: a whole number from 1 to 1,000. */
export function connectCallsPerHourOf(value: unknown): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_CONNECT_CALLS_PER_HOUR)
		throw new ConnectBudgetError(
			`Connect API Calls per Hour must be a whole number from 1 to ${MAX_CONNECT_CALLS_PER_HOUR.toLocaleString('en-US')} (Salesforce's hourly limit), not ${JSON.stringify(value)}`,
		);
	return n;
}
