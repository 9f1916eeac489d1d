import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperation } from '../common/genericOperations';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: Record<string, ResourceOperation> = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailMessage'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get an email message', description: 'Get an email by its ID, with its new text only' },
			{ name: 'Get Many', value: 'getMany', action: 'Get the emails of a case', description: 'Get the emails of a case, oldest first' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
