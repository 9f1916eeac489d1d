import type { INodeProperties } from 'n8n-workflow';

import { objectNameProperty } from '../common/parameters';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as soqlQuery from './soqlQuery.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, delete: del, get, getMany, soqlQuery, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create records', description: 'Create records of any object, in batches of 200' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update records', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{ name: 'Delete', value: 'delete', action: 'Delete records', description: 'Delete records by ID, in batches of 200' },
			{ name: 'Get', value: 'get', action: 'Get a record', description: 'Get a record by its ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many records', description: 'Get the records that meet conditions' },
			{ name: 'Run SOQL Query', value: 'soqlQuery', action: 'Run a SOQL query', description: 'Run a Salesforce query (SOQL)' },
			{ name: 'Update', value: 'update', action: 'Update records', description: 'Update records by ID, in batches of 200' },
		],
		default: 'create',
	},
	objectNameProperty(['create', 'delete', 'get', 'getMany', 'update', 'upsert']),
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...soqlQuery.description,
	...update.description,
	...upsert.description,
];
