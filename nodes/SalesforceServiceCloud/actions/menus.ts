import type { OperationMenu, Resource } from './operations';

/**
 * Each resource's Operation menu, written out (not built from the table) so that n8n's lint and its
 * community-package scanner see every option list: sorted by name, with action texts. The type allows only
 * operations that `operations.ts` has; test/action/operations.test.ts checks that no operation lacks a menu entry.
 */
export const MENUS: { [R in Resource]: OperationMenu<R> } = {
	account: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create accounts',
				description: 'Create accounts (Account), in batches of 200',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update accounts',
				description:
					'Create a new account, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete accounts',
				description: 'Delete accounts by ID, in batches of 200',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an account',
				description: 'Get an account by its ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many accounts',
				description: 'Get the accounts that meet conditions',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update accounts',
				description: 'Update accounts by ID, in batches of 200',
			},
		],
		default: 'create',
	},
	campaign: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Add Member',
				value: 'addMember',
				action: 'Add a lead or contact to a campaign',
				description:
					'Add leads or contacts to campaigns as members (CampaignMember), in batches of 200',
			},
			{
				name: 'Remove Member',
				value: 'removeMember',
				action: 'Remove a lead or contact from a campaign',
				description: 'Remove leads or contacts from campaigns, in batches of 200',
			},
		],
		default: 'addMember',
	},
	case: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['case'] } },
		options: [
			{
				name: 'Add Comment',
				value: 'addComment',
				action: 'Add a comment to a case',
				description:
					'Add a comment to a case (CaseComment), for agents only or visible to the customer',
			},
			{
				name: 'Close',
				value: 'close',
				action: 'Close a case',
				description: 'Set a case to one of the statuses that close it in your org',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create cases',
				description: 'Create cases, in batches of 200',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update cases',
				description: 'Create a new case, or update the current one if it already exists (upsert)',
			},
			{ name: 'Get', value: 'get', action: 'Get a case', description: 'Get a case by its ID' },
			{
				name: 'Get Conversation',
				value: 'getConversation',
				action: 'Get the conversation of a case',
				description:
					'Get a case with its emails and a readable transcript, as the trigger gives it',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many cases',
				description: 'Get the cases that meet conditions',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update cases',
				description: 'Update cases by ID, in batches of 200',
			},
		],
		default: 'create',
	},
	chatTranscript: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatTranscript'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a chat transcript',
				description:
					'Get a chat (Live Chat Transcript) by its ID, with its messages, case, contact and visitor',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many chat transcripts',
				description:
					'Get the chats that meet conditions, with their messages, case, contact and visitor',
			},
		],
		default: 'getMany',
	},
	contact: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create contacts',
				description: 'Create contacts (Contact), in batches of 200',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update contacts',
				description:
					'Create a new contact, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				action: 'Find or create contacts',
				description:
					'Find the contact by email (or another field), and create it when there is none',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get a contact by its ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many contacts',
				description: 'Get the contacts that meet conditions',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update contacts',
				description: 'Update contacts by ID, in batches of 200',
			},
		],
		default: 'create',
	},
	emailMessage: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailMessage'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an email message',
				description: 'Get an email by its ID, with its new text only',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get the emails of a case',
				description: 'Get the emails of a case, oldest first',
			},
		],
		default: 'getMany',
	},
	file: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete files',
				description: 'Delete files (ContentDocument) with all their versions, in batches of 200',
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a file',
				description: 'Get the content of a file as binary data, with its file name and type',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get the files of a record',
				description:
					"Get the files attached to a record (ContentDocumentLink), and on request its emails' attachments",
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description:
					'Upload binary data as a file (ContentVersion) attached to a record, many files per call',
			},
		],
		default: 'upload',
	},
	flow: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flow'] } },
		options: [
			{
				name: 'Run',
				value: 'run',
				action: 'Run an autolaunched flow',
				description:
					'Run an autolaunched flow with input variables, and get its output variables, 200 items a call',
			},
		],
		default: 'run',
	},
	lead: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create leads',
				description: 'Create leads (Lead), in batches of 200',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update leads',
				description: 'Create a new lead, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				action: 'Find or create leads',
				description: 'Find the lead by email (or another field), and create it when there is none',
			},
			{ name: 'Get', value: 'get', action: 'Get a lead', description: 'Get a lead by its ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many leads',
				description: 'Get the leads that meet conditions',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update leads',
				description: 'Update leads by ID, in batches of 200',
			},
		],
		default: 'create',
	},
	messagingSession: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['messagingSession'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a messaging session',
				description:
					'Get a messaging session (In-App and Web, WhatsApp, SMS) by its ID, with its messages, case and end user',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many messaging sessions',
				description:
					'Get the messaging sessions that meet conditions, with their messages, case and end user',
			},
		],
		default: 'getMany',
	},
	note: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Add a note to a record',
				description:
					'Add a note (ContentNote) to a case, contact, lead, account or any other record, in batches of 200',
			},
		],
		default: 'create',
	},
	opportunity: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create opportunities',
				description: 'Create opportunities (Opportunity), in batches of 200',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update opportunities',
				description:
					'Create a new opportunity, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete opportunities',
				description: 'Delete opportunities by ID, in batches of 200',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an opportunity',
				description: 'Get an opportunity by its ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many opportunities',
				description: 'Get the opportunities that meet conditions',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update opportunities',
				description: 'Update opportunities by ID, in batches of 200',
			},
		],
		default: 'create',
	},
	record: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create records',
				description: 'Create records of any object, in batches of 200',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update records',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete records',
				description: 'Delete records by ID, in batches of 200',
			},
			{ name: 'Get', value: 'get', action: 'Get a record', description: 'Get a record by its ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many records',
				description: 'Get the records that meet conditions',
			},
			{
				name: 'Run SOQL Query',
				value: 'soqlQuery',
				action: 'Run a SOQL query',
				description: 'Run a Salesforce query (SOQL)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update records',
				description: 'Update records by ID, in batches of 200',
			},
		],
		default: 'create',
	},
	task: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete tasks',
				description: 'Mark tasks as completed by their IDs, in batches of 200',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create tasks',
				description:
					'Create tasks about a lead or contact (WhoId) and a case or other record (WhatId), in batches of 200',
			},
			{ name: 'Get', value: 'get', action: 'Get a task', description: 'Get a task by its ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many tasks',
				description: 'Get the tasks that meet conditions',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update tasks',
				description: 'Update tasks by ID, in batches of 200',
			},
		],
		default: 'create',
	},
};
