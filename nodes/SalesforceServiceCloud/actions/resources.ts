import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { objectNameProperty } from './common/parameters';
import { MENUS } from './menus';
import { OPERATIONS, type OperationOf, type Resource } from './operations';

export { operationOf } from './operations';

/** The record resource's operations that work on the object the user picks (all but Run SOQL Query). */
const RECORD_OBJECT_OPERATIONS: Array<OperationOf<'record'>> = [
	'create',
	'delete',
	'get',
	'getMany',
	'update',
	'upsert',
];

/** Each resource in the editor's order, with the parameters its operations share (shown before theirs). */
const ALL: Array<{
	option: INodePropertyOptions & { value: Resource };
	shared?: INodeProperties[];
}> = [
	{ option: { name: 'Account', value: 'account' } },
	{ option: { name: 'Campaign', value: 'campaign' } },
	{ option: { name: 'Case', value: 'case' } },
	{ option: { name: 'Chat Transcript', value: 'chatTranscript' } },
	{ option: { name: 'Contact', value: 'contact' } },
	{ option: { name: 'Email Message', value: 'emailMessage' } },
	{ option: { name: 'File', value: 'file' } },
	{ option: { name: 'Flow', value: 'flow' } },
	{ option: { name: 'Lead', value: 'lead' } },
	{ option: { name: 'Messaging Session', value: 'messagingSession' } },
	{ option: { name: 'Note', value: 'note' } },
	{ option: { name: 'Opportunity', value: 'opportunity' } },
	{
		option: { name: 'Record (Any Object)', value: 'record' },
		shared: [objectNameProperty(RECORD_OBJECT_OPERATIONS)],
	},
	{ option: { name: 'Task', value: 'task' } },
];

/** The resources with their parameters: the Operation menu, the shared ones, then each operation's in the table's order. */
export const RESOURCES: Array<{ option: INodePropertyOptions; description: INodeProperties[] }> =
	ALL.map(({ option, shared = [] }) => ({
		option,
		description: [
			MENUS[option.value],
			...shared,
			...Object.values(OPERATIONS[option.value]).flatMap((operation) => operation.description),
		],
	}));
