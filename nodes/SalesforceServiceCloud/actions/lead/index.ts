import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperation } from '../common/genericOperations';
import * as create from './create.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: Record<string, ResourceOperation> = { create, findOrCreate, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create leads', description: 'Create leads (Lead), in batches of 200' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update leads', description: 'Create a new lead, or update the current one if it already exists (upsert)' },
			{ name: 'Find or Create', value: 'findOrCreate', action: 'Find or create leads', description: 'Find the lead by email (or another field), and create it when there is none' },
			{ name: 'Get', value: 'get', action: 'Get a lead', description: 'Get a lead by its ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many leads', description: 'Get the leads that meet conditions' },
			{ name: 'Update', value: 'update', action: 'Update leads', description: 'Update leads by ID, in batches of 200' },
		],
		default: 'create',
	},
	...create.description,
	...findOrCreate.description,
	...get.description,
	...getMany.description,
	...update.description,
	...upsert.description,
];
