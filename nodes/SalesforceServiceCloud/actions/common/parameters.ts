import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MappingOperation } from '../../../shared/fieldMapping';

/** The Salesforce object a Record operation works on, from the org's own objects (custom ones included). */
export const objectNameProperty = (operations: string[]): INodeProperties => ({
	displayName: 'Object',
	name: 'objectName',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'The Salesforce object, such as Account or a custom object ending in __c: pick it by its label, or give its API name',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchObjects', searchable: true },
		},
		{
			displayName: 'By API Name',
			name: 'name',
			type: 'string',
			placeholder: 'Invoice__c',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[A-Za-z][A-Za-z0-9_]{0,79}\\s*$',
						errorMessage: 'An object API name has letters, digits and _ only',
					},
				},
			],
		},
	],
	displayOptions: { show: { resource: ['record'], operation: operations } },
});

/** The field mapping of a write, loaded from the object's describe. */
export const columnsProperty = (
	resource: string,
	operation: MappingOperation,
): INodeProperties => ({
	displayName: 'Fields',
	name: 'columns',
	type: 'resourceMapper',
	noDataExpression: true,
	required: true,
	default: { mappingMode: 'defineBelow', value: null },
	typeOptions: {
		loadOptionsDependsOn: ['objectName', 'resource', 'operation'],
		resourceMapper: {
			resourceMapperMethod: 'getMappingColumns',
			mode: operation === 'create' ? 'add' : operation,
			fieldWords: { singular: 'field', plural: 'fields' },
			addAllFields: operation === 'create',
			multiKeyMatch: false,
			supportAutoMap: true,
		},
	},
	displayOptions: { show: { resource: [resource], operation: [operation] } },
});

export const allOrNoneProperty = (resource: string, operations: string[]): INodeProperties => ({
	displayName: 'All or None',
	name: 'allOrNone',
	type: 'boolean',
	default: false,
	description:
		'Whether to write nothing of a batch of up to 200 items when one of them fails. Off: the other items are written and the failed ones get their error.',
	displayOptions: { show: { resource: [resource], operation: operations } },
});

/** The item's value of an on/off parameter (off when absent). */
export function switchOf(ctx: IExecuteFunctions, name: string, itemIndex: number): boolean {
	return ctx.getNodeParameter(name, itemIndex, false) as boolean;
}
