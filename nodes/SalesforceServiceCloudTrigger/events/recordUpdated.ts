import type { IDataObject } from 'n8n-workflow';

import { epochMs } from '../../shared/salesforceDate';
import { pollRecordEvent, recordEventProperties } from './recordEvent';
import { forEvent, type TriggerEvent } from './triggerEvent';

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
	properties: [
		...recordEventProperties('recordUpdated', {
			importNothing: 'Nothing (Only Changes From Now On)',
			importDescription:
				'When the workflow is activated, also emit the records changed this far back (each as it is now, once), a page per poll, before the new changes',
			importSince: 'Emit the records changed since this date and time',
		}),
		...forEvent('recordUpdated', [
			{
				displayName: 'Only When These Fields Change: Field Names or IDs',
				name: 'watchFields',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getRecordFields', loadOptionsDependsOn: ['objectName'] },
				default: [],
				description:
					'Emit a record only when one of these fields changed; leave empty for every change. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				hint: 'Uses the field history Salesforce keeps for the object (such as Account History), so history tracking must be on for these fields (Setup > Object Manager > Fields & Relationships > Set History Tracking). Without tracking on the object the activation stops with an error saying so; a field not tracked never triggers.',
			},
		]),
	],
	poll: (ctx) =>
		pollRecordEvent(ctx, {
			event: 'recordUpdated',
			eventField: 'SystemModstamp',
			watches: true,
			acceptance: async () => changedSinceCreated,
		}),
};
