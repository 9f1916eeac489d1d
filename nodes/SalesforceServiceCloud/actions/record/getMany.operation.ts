import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { buildQuery } from '../../../shared/soql/buildQuery';
import { conditionsToSoql, type Condition } from '../../../shared/soql/conditions';
import { resolveFieldNames } from '../../../shared/soql/fieldNames';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { perItem } from '../common/perItem';
import { limitOf, queryToItems } from '../common/readItems';
import { returnAllProperties } from './returnAll';

const show = { resource: ['record'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllProperties(['getMany']),
	{
		displayName: 'Field Names or IDs',
		name: 'fields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['objectName'] },
		default: [],
		description: 'The fields to return; ID and Name (where the object has one) when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		placeholder: 'Add Condition',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Only records that meet all these conditions',
		displayOptions: { show },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{ displayName: 'Field Name or ID', name: 'field', type: 'options', typeOptions: { loadOptionsMethod: 'getFilterFields', loadOptionsDependsOn: ['objectName'] }, default: '', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						// eslint-disable-next-line n8n-nodes-base/node-param-options-type-unsorted-items
						options: [
							{ name: 'Equals', value: 'equals' },
							{ name: 'Does Not Equal', value: 'notEquals' },
							{ name: 'Contains', value: 'contains' },
							{ name: 'Starts With', value: 'startsWith' },
							{ name: 'Is Greater Than', value: 'greaterThan' },
							{ name: 'Is Less Than', value: 'lessThan' },
							{ name: 'Is One Of (Comma-Separated)', value: 'in' },
							{ name: 'Is Empty', value: 'isEmpty' },
							{ name: 'Is Not Empty', value: 'isNotEmpty' },
						],
						default: 'equals',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, sf: SalesforceConnection): Promise<INodeExecutionData[]> {
	const objectName = this.getNodeParameter('objectName', 0) as string;
	const describe = await sf.describes.describe(objectName);
	return perItem(this, async (itemIndex) => {
		const picked = this.getNodeParameter('fields', itemIndex, []) as string[];
		const fields = picked.length > 0 ? resolveFieldNames(describe, picked) : ['Id', ...describe.fields.filter((f) => f.nameField).map((f) => f.name)];
		const conditions = (((this.getNodeParameter('conditions', itemIndex, {}) as IDataObject).condition as Condition[] | undefined) ?? []).filter((c) => c.field);
		const limit = limitOf(this, itemIndex);
		const soql = buildQuery({ fields, from: describe.name, where: [conditionsToSoql(describe, conditions)], orderBy: ['Id'], limit });
		return queryToItems(sf, soql, itemIndex, limit);
	});
}
