import type { IDataObject } from 'n8n-workflow';

import { epochMs } from '../../shared/salesforceDate';
import { pollRecordEvent, recordEventProperties } from './recordEvent';
import type { TriggerEvent } from './triggerEvent';

/** A record saved only once (its creation) is not an update: its last change is its creation, to the second. */
const changedSinceCreated = (record: IDataObject): boolean =>
	(epochMs(record.SystemModstamp) ?? 0) > (epochMs(record.CreatedDate) ?? 0);

/**
 * Record Updated: a record of the chosen object each time it changes (its SystemModstamp), once per
 * change after the last emission, with its fields as they are then. Changes within one second, or
 * several between two polls, are one change (Salesforce keeps one timestamp per second, and a query
 * reads a record as it is now). A record's creation is not an update.
 */
export const recordUpdated: TriggerEvent = {
	option: {
		name: 'Record Updated',
		value: 'recordUpdated',
		description:
			'A record of the object you choose is changed (once per change; changes within one second count as one; not when it is created)',
	},
	properties: recordEventProperties('recordUpdated', {
		importNothing: 'Nothing (Only Changes From Now On)',
		importDescription:
			'When the workflow is activated, also emit the records changed this far back (each as it is now, once), a page per poll, before the new changes',
		importSince: 'Emit the records changed since this date and time',
	}),
	poll: (ctx) =>
		pollRecordEvent(ctx, {
			event: 'recordUpdated',
			eventField: 'SystemModstamp',
			acceptance: async () => changedSinceCreated,
		}),
};
