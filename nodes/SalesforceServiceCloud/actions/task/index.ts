import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperation } from '../common/genericOperations';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, ResourceOperation> = { complete, create, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Complete', value: 'complete', action: 'Complete tasks', description: 'Mark tasks as completed by their IDs, in batches of 200' },
			{ name: 'Create', value: 'create', action: 'Create tasks', description: 'Create tasks about a lead or contact (WhoId) and a case or other record (WhatId), in batches of 200' },
			{ name: 'Get', value: 'get', action: 'Get a task', description: 'Get a task by its ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many tasks', description: 'Get the tasks that meet conditions' },
			{ name: 'Update', value: 'update', action: 'Update tasks', description: 'Update tasks by ID, in batches of 200' },
		],
		default: 'create',
	},
	...complete.description,
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
];
