import { DateTime } from 'luxon';
import {
	NodeOperationError,
	type INodeProperties,
	type INodePropertyOptions,
	type IPollFunctions,
} from 'n8n-workflow';

const IMPORT_SPANS: Record<string, object> = {
	last24Hours: { hours: 24 },
	last7Days: { days: 7 },
	last30Days: { days: 30 },
	last90Days: { days: 90 },
	lastYear: { years: 1 },
};

/** The choices of an event's "Import Existing ... From", alphabetical as n8n's checks ask; `nothing` names the 'none' choice. */
export function importFromOptions(nothing: string): INodePropertyOptions[] {
	return [
		{ name: 'Last 24 Hours', value: 'last24Hours' },
		{ name: 'Last 30 Days', value: 'last30Days' },
		{ name: 'Last 7 Days', value: 'last7Days' },
		{ name: 'Last 90 Days', value: 'last90Days' },
		{ name: 'Last Year', value: 'lastYear' },
		{ name: nothing, value: 'none' },
		{ name: 'Since a Date', value: 'date' },
	];
}

/**
 * The import and page-size parameters of the events on the record cursor (Record Created and
 * Updated, Chat Ended, Messaging Session Ended): `plural` names what they emit ("Records", "Chats").
 */
export function recordImportProperties(words: {
	plural: string;
	nothing: string;
	description: string;
	since: string;
}): INodeProperties[] {
	return [
		{
			displayName: `Import Existing ${words.plural} From`,
			name: 'recordImportFrom',
			type: 'options',
			options: importFromOptions(words.nothing),
			default: 'none',
			description: words.description,
		},
		{
			displayName: 'Import Since',
			name: 'recordImportSince',
			type: 'dateTime',
			default: '',
			displayOptions: { show: { recordImportFrom: ['date'] } },
			description: words.since,
		},
		{
			displayName: `Max ${words.plural} per Poll`,
			name: 'maxRecordsPerPoll',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 2000 },
			default: 100,
			description: `The most ${words.plural.toLowerCase()} one poll emits; the rest follow on the next polls. Keeps each execution and its memory small.`,
		},
	];
}

/**
 * Where the backfill starts: `now` for "nothing", else that far back. `parameterName` is the
 * parameter's display name, for the error of a date that is not one.
 */
export function importStart(
	ctx: IPollFunctions,
	importFrom: string,
	importSince: string,
	now: number,
	parameterName: string,
): number {
	if (importFrom === 'none') return now;
	if (importFrom === 'date') {
		const since = DateTime.fromISO(importSince);
		if (!since.isValid)
			throw new NodeOperationError(ctx.getNode(), `Import Since is not a date: "${importSince}"`, {
				description: `Pick a date and time, or choose another option under ${parameterName}.`,
			});
		return Math.min(since.toMillis(), now);
	}
	return DateTime.fromMillis(now)
		.minus(IMPORT_SPANS[importFrom] ?? {})
		.toMillis();
}
