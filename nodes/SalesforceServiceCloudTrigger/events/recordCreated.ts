import type { TriggerEvent } from './triggerEvent';
import { pollRecordEvent, recordEventProperties } from './recordEvent';

/**
 * Record Created: each new record of the chosen object once, by its CreatedDate. A record edited
 * later is not emitted again; records created in one burst within a second are each emitted.
 */
export const recordCreated: TriggerEvent = {
	option: {
		name: 'Record Created',
		value: 'recordCreated',
		description: 'A record of the object you choose is created (each record once)',
	},
	properties: recordEventProperties('recordCreated', {
		importNothing: 'Nothing (Only Records Created From Now On)',
		importDescription:
			'When the workflow is activated, also emit the records created this far back, a page per poll, before the new ones',
		importSince: 'Emit the records created since this date and time',
	}),
	poll: (ctx) => pollRecordEvent(ctx, { event: 'recordCreated', eventField: 'CreatedDate' }),
};
