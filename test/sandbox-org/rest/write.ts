import {
	afterContentVersionInsert,
	beforeContentVersionInsert,
	contentVersionProblem,
	deleteContentDocumentParts,
} from '../core/content-objects';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import type { SfRequest } from '../http/types';
import { deleteNoteTwin, insertNote } from '../core/note-objects';
import { deriveSalesFields } from '../core/sales-objects';
import type { SandboxOrg } from '../org';
import { recordError } from './record-errors';
import { validateWrite } from './validate';

/** Who writes, and the request text the record came in (to place parser errors). */
export interface WriteContext {
	org: SandboxOrg;
	userId: string;
	rawBody?: string;
}

/** Writes of a request run as its session user. */
export function writeContext(req: SfRequest): WriteContext {
	return {
		org: req.org,
		userId: req.session?.userId ?? req.org.store.defaultUserId,
		rawBody: req.rawBody,
	};
}

/** Validates and inserts a record as the session user; returns its Id. */
export function createRecord(
	ctx: WriteContext,
	type: SObjectType,
	record: Record<string, unknown>,
): string {
	if (!type.properties.createable)
		throw recordError(
			'INVALID_TYPE_FOR_OPERATION',
			`entity type cannot be inserted: ${type.properties.label}`,
		);
	const values = validateWrite({
		org: ctx.org,
		type,
		record,
		mode: 'create',
		rawBody: ctx.rawBody,
	});
	deriveFields(ctx.org, type, values, defaultsOf(type));
	if (type.name === 'ContentNote') return insertNote(ctx.org.store, values, ctx.userId);
	if (type.name !== 'ContentVersion')
		return ctx.org.store.insert(type.name, values, { userId: ctx.userId });
	const problem = contentVersionProblem(values);
	if (problem) throw recordError(problem.errorCode, problem.message, problem.fields);
	beforeContentVersionInsert(ctx.org.store, values, ctx.userId);
	const id = ctx.org.store.insert(type.name, values, { userId: ctx.userId });
	afterContentVersionInsert(ctx.org.store, id, ctx.userId);
	return id;
}

/** Validates and applies an update of a visible row as the session user. */
export function updateRecord(
	ctx: WriteContext,
	type: SObjectType,
	current: Row,
	record: Record<string, unknown>,
): void {
	if (!type.properties.updateable)
		throw recordError(
			'INVALID_TYPE_FOR_OPERATION',
			`entity type cannot be updated: ${type.properties.label}`,
		);
	const values = validateWrite({
		org: ctx.org,
		type,
		record,
		mode: 'update',
		current,
		rawBody: ctx.rawBody,
	});
	deriveFields(ctx.org, type, values, current);
	ctx.org.store.update(type.name, current.Id as string, values, { userId: ctx.userId });
}

/** Moves a visible row to the recycle bin. */
export function deleteRecord(org: SandboxOrg, type: SObjectType, row: Row): void {
	if (!type.properties.deletable)
		throw recordError(
			'INVALID_TYPE_FOR_OPERATION',
			`entity type cannot be deleted: ${type.properties.label}`,
		);
	org.store.delete(type.name, row.Id as string);
	deleteNoteTwin(org.store, type.name, row.Id as string);
	if (type.name === 'ContentDocument' || type.name === 'ContentNote')
		deleteContentDocumentParts(org.store, row.Id as string);
}

function defaultsOf(type: SObjectType): Row {
	const row: Row = {};
	for (const f of type.fields)
		if (f.defaultValue !== null && f.defaultValue !== undefined) row[f.name] = f.defaultValue;
	return row;
}

/**
 * Fields Salesforce computes (an Opportunity's and a CampaignMember's: see sales-objects.ts), and on a Task: IsClosed from a closed Status, IsHighPriority from the
 * Priority, and AccountId from what the task is about (the Account in WhatId, the account of
 * the record in WhatId, or the account of the Contact in WhoId).
 */
function deriveFields(org: SandboxOrg, type: SObjectType, values: Row, before: Row): void {
	deriveSalesFields(type.name, values, before, (id) => org.store.get(id));
	if (type.name !== 'Task') return;
	const merged: Row = { ...before, ...values };
	values.IsClosed = merged.Status === 'Completed';
	values.IsHighPriority = merged.Priority === 'High';
	if ('WhatId' in values || 'WhoId' in values)
		values.AccountId = accountOf(org, merged.WhatId) ?? accountOf(org, merged.WhoId);
}

function accountOf(org: SandboxOrg, id: unknown): string | null {
	if (typeof id !== 'string') return null;
	const target = org.schema.forId(id);
	if (!target) return null;
	if (target.name === 'Account') return id;
	const row = org.store.get(id, target.name);
	return typeof row?.AccountId === 'string' ? row.AccountId : null;
}
