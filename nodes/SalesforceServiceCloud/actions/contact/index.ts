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
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create contacts', description: 'Create contacts (Contact), in batches of 200' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update contacts', description: 'Create a new contact, or update the current one if it already exists (upsert)' },
			{ name: 'Find or Create', value: 'findOrCreate', action: 'Find or create contacts', description: 'Find the contact by email (or another field), and create it when there is none' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Get a contact by its ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many contacts', description: 'Get the contacts that meet conditions' },
			{ name: 'Update', value: 'update', action: 'Update contacts', description: 'Update contacts by ID, in batches of 200' },
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
