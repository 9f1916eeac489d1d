import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperation } from '../common/genericOperations';
import * as addComment from './addComment.operation';
import * as close from './close.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getConversation from './getConversation.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: Record<string, ResourceOperation> = { addComment, close, create, get, getConversation, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['case'] } },
		options: [
			{ name: 'Add Comment', value: 'addComment', action: 'Add a comment to a case', description: 'Add a comment to a case (CaseComment), for agents only or visible to the customer' },
			{ name: 'Close', value: 'close', action: 'Close a case', description: 'Set a case to one of the statuses that close it in your org' },
			{ name: 'Create', value: 'create', action: 'Create cases', description: 'Create cases, in batches of 200' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update cases', description: 'Create a new case, or update the current one if it already exists (upsert)' },
			{ name: 'Get', value: 'get', action: 'Get a case', description: 'Get a case by its ID' },
			{ name: 'Get Conversation', value: 'getConversation', action: 'Get the conversation of a case', description: 'Get a case with its emails and a readable transcript, as the trigger gives it' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many cases', description: 'Get the cases that meet conditions' },
			{ name: 'Update', value: 'update', action: 'Update cases', description: 'Update cases by ID, in batches of 200' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...upsert.description,
	...close.description,
	...addComment.description,
	...getConversation.description,
];
