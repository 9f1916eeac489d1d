import type { INodeProperties } from 'n8n-workflow';

import { allOrNoneProperty, columnsProperty } from '../parameters';

/** The parameters of Find or Create for a resource (Lead, Contact). */
export function findOrCreateProperties(resource: string): INodeProperties[] {
	const show = { resource: [resource], operation: ['findOrCreate'] };
	return [
		{
			displayName: 'Match On Field Name or ID',
			name: 'matchField',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getFilterFields', loadOptionsDependsOn: ['resource'] },
			required: true,
			default: 'Email',
			description:
				'The field that finds an existing record, such as Email: its value is taken from the fields below. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show },
		},
		{ ...columnsProperty(resource, 'create'), displayOptions: { show } },
		{
			displayName: 'If a Record Is Found',
			name: 'updatePolicy',
			type: 'options',
			options: [
				{
					name: 'Fill Only Empty Fields',
					value: 'fillEmpty',
					description: 'Write the new values only into fields of the record that are empty',
				},
				{
					name: 'Leave It As It Is',
					value: 'keep',
					description: 'Change nothing on the record; only return its ID',
				},
				{
					name: 'Overwrite With the New Values',
					value: 'overwrite',
					description: "Write the new values over the record's current ones",
				},
			],
			default: 'keep',
			displayOptions: { show },
		},
		{
			displayName: 'If Several Records Are Found',
			name: 'multipleMatches',
			type: 'options',
			options: [
				{
					name: 'Fail the Item',
					value: 'fail',
					description: 'Return an error for the item, listing the records found',
				},
				{
					name: 'Use the First Created',
					value: 'firstCreated',
					description: 'Use the oldest record (by Created Date)',
				},
				{
					name: 'Use the Most Recently Modified',
					value: 'lastModified',
					description: 'Use the record changed last (by Last Modified Date)',
				},
			],
			default: 'lastModified',
			displayOptions: { show },
		},
		allOrNoneProperty(resource, ['findOrCreate']),
	];
}
