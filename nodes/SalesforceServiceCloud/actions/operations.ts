import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as addMember from './campaign/addMember.operation';
import * as removeMember from './campaign/removeMember.operation';
import * as addComment from './case/addComment.operation';
import * as close from './case/close.operation';
import * as getConversation from './case/getConversation.operation';
import { CHAT_SHAPE } from './chatTranscript/chatShape';
import { findOrCreateOperation } from './common/findOrCreate';
import {
	deleteOperation,
	getManyOperation,
	getOperation,
	writeOperation,
	type ResourceOperation,
} from './common/genericOperations';
import { RESOURCE_OBJECTS } from './common/resourceObjects';
import * as getEmail from './emailMessage/get.operation';
import * as getEmails from './emailMessage/getMany.operation';
import * as deleteFile from './file/delete.operation';
import * as downloadFile from './file/download.operation';
import * as getFiles from './file/getMany.operation';
import * as uploadFile from './file/upload.operation';
import * as runFlow from './flow/run.operation';
import { SESSION_SHAPE } from './messagingSession/sessionShape';
import * as createNote from './note/create.operation';
import * as soqlQuery from './record/soqlQuery.operation';
import * as complete from './task/complete.operation';
import * as createTask from './task/create.operation';

const {
	account: ACCOUNT,
	case: CASE,
	chatTranscript: CHAT_TRANSCRIPT,
	contact: CONTACT,
	lead: LEAD,
	messagingSession: MESSAGING_SESSION,
	opportunity: OPPORTUNITY,
	task: TASK,
} = RESOURCE_OBJECTS;
/** The Record resource works on the object the user picks in its Object parameter. */
const CHOSEN = undefined;

/**
 * Every operation of every resource, by resource and operation value (as n8n's Postgres v2 `node.type.ts`
 * types them): a generic one is a row naming its factory and arguments, one with its own logic comes from
 * its `<operation>.operation.ts`. A resource's parameters appear in the node in the order of its rows.
 * The menu a user picks from is in `menus.ts`, written out for n8n's lint and typed against this table.
 */
export const OPERATIONS = {
	account: {
		create: writeOperation('account', 'create', ACCOUNT),
		delete: deleteOperation('account', ACCOUNT),
		get: getOperation('account', ACCOUNT),
		getMany: getManyOperation('account', ACCOUNT),
		update: writeOperation('account', 'update', ACCOUNT),
		upsert: writeOperation('account', 'upsert', ACCOUNT),
	},
	campaign: {
		addMember,
		removeMember,
	},
	case: {
		create: writeOperation('case', 'create', CASE),
		get: getOperation('case', CASE),
		getMany: getManyOperation('case', CASE),
		update: writeOperation('case', 'update', CASE),
		upsert: writeOperation('case', 'upsert', CASE),
		close,
		addComment,
		getConversation,
	},
	chatTranscript: {
		get: getOperation('chatTranscript', CHAT_TRANSCRIPT, CHAT_SHAPE),
		getMany: getManyOperation('chatTranscript', CHAT_TRANSCRIPT, CHAT_SHAPE),
	},
	contact: {
		create: writeOperation('contact', 'create', CONTACT),
		findOrCreate: findOrCreateOperation('contact', CONTACT),
		get: getOperation('contact', CONTACT),
		getMany: getManyOperation('contact', CONTACT),
		update: writeOperation('contact', 'update', CONTACT),
		upsert: writeOperation('contact', 'upsert', CONTACT),
	},
	emailMessage: {
		get: getEmail,
		getMany: getEmails,
	},
	file: {
		upload: uploadFile,
		getMany: getFiles,
		download: downloadFile,
		delete: deleteFile,
	},
	flow: {
		run: runFlow,
	},
	lead: {
		create: writeOperation('lead', 'create', LEAD),
		findOrCreate: findOrCreateOperation('lead', LEAD),
		get: getOperation('lead', LEAD),
		getMany: getManyOperation('lead', LEAD),
		update: writeOperation('lead', 'update', LEAD),
		upsert: writeOperation('lead', 'upsert', LEAD),
	},
	messagingSession: {
		get: getOperation('messagingSession', MESSAGING_SESSION, SESSION_SHAPE),
		getMany: getManyOperation('messagingSession', MESSAGING_SESSION, SESSION_SHAPE),
	},
	note: {
		create: createNote,
	},
	opportunity: {
		create: writeOperation('opportunity', 'create', OPPORTUNITY),
		delete: deleteOperation('opportunity', OPPORTUNITY),
		get: getOperation('opportunity', OPPORTUNITY),
		getMany: getManyOperation('opportunity', OPPORTUNITY),
		update: writeOperation('opportunity', 'update', OPPORTUNITY),
		upsert: writeOperation('opportunity', 'upsert', OPPORTUNITY),
	},
	record: {
		create: writeOperation('record', 'create', CHOSEN),
		delete: deleteOperation('record', CHOSEN),
		get: getOperation('record', CHOSEN),
		getMany: getManyOperation('record', CHOSEN),
		soqlQuery,
		update: writeOperation('record', 'update', CHOSEN),
		upsert: writeOperation('record', 'upsert', CHOSEN),
	},
	task: {
		complete,
		create: createTask,
		get: getOperation('task', TASK),
		getMany: getManyOperation('task', TASK),
		update: writeOperation('task', 'update', TASK),
	},
} satisfies Record<string, Record<string, ResourceOperation>>;

export type Resource = keyof typeof OPERATIONS;
export type OperationOf<R extends Resource> = keyof (typeof OPERATIONS)[R] & string;

/** A resource's Operation parameter: its option values and default can only be operations of the table. */
export interface OperationMenu<R extends Resource> extends INodeProperties {
	name: 'operation';
	type: 'options';
	displayOptions: { show: { resource: [R] } };
	options: Array<INodePropertyOptions & { value: OperationOf<R> }>;
	default: OperationOf<R>;
}

/** The operation of a resource, or undefined when the pair is not in the table (a hand-edited workflow). */
export function operationOf(resource: string, operation: string): ResourceOperation | undefined {
	if (!Object.hasOwn(OPERATIONS, resource)) return undefined;
	const operations: Record<string, ResourceOperation> = OPERATIONS[resource as Resource];
	return Object.hasOwn(operations, operation) ? operations[operation] : undefined;
}
