import { attributes, recordJson } from '../core/records';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import { sfError } from '../http/errors';
import type { SfRequest, SfResponse } from '../http/types';
import { fieldJson, selectedFields } from './field-selection';
import { errorResponse } from './record-errors';
import {
	EXTERNAL_ID_FIELD_NOT_FOUND,
	externalIdField,
	lookupRecord,
	rowsMatching,
} from './record-lookup';
import { flag, isResponse, objectOf, recordBody, versionNumber } from './request-input';
import { multipleChoicesBody, upsertRecord } from './upsert';
import { createRecord, deleteRecord, updateRecord, writeContext } from './write';

type Params = Record<string, string>;

/** Runs a handler body, answering Salesforce errors it throws as their responses. */
function answering(run: () => SfResponse): SfResponse {
	try {
		return run();
	} catch (err) {
		return errorResponse(err);
	}
}

/** `201 {id, success, errors}`, with the new record's URL in Location. */
function created(
	type: SObjectType,
	id: string,
	version: string,
	extra: Record<string, unknown> = {},
): SfResponse {
	const location = attributes(type, id, version).url;
	return {
		status: 201,
		body: { id, success: true, errors: [], ...extra },
		headers: { Location: location },
	};
}

/** `POST /sobjects/T` (and `POST /sobjects/T/Id`, API 37.0+): create. */
export function createHandler(req: SfRequest, params: Params): SfResponse {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	return answering(() =>
		created(type, createRecord(writeContext(req), type, recordBody(req, type.name)), req.version),
	);
}

/** `POST /sobjects/T/X`: only `X` = `Id` creates (upsert with a null Id); anything else is not a POST resource. */
export function createByIdHandler(req: SfRequest, params: Params): SfResponse {
	if (params.id.toLowerCase() === 'id' && versionNumber(req) >= 37)
		return createHandler(req, params);
	return sfError(
		405,
		'METHOD_NOT_ALLOWED',
		"HTTP Method 'POST' not allowed. Allowed are GET,HEAD,PATCH,DELETE",
	);
}

/**
 * The visible row an Id in a URL names, or Salesforce's 404: an Id that is not one of this
 * object's reads as an unknown external ID field; a deleted record is ENTITY_IS_DELETED.
 */
function rowOf(
	req: SfRequest,
	type: SObjectType,
	id: string,
): { row: Row } | { response: SfResponse } {
	const found = lookupRecord(req.org, type, id);
	if ('row' in found) return found;
	switch (found.problem) {
		case 'deleted':
			return { response: sfError(404, 'ENTITY_IS_DELETED', 'entity is deleted', []) };
		case 'notFound':
			return { response: sfError(404, 'NOT_FOUND', 'The requested resource does not exist') };
		default:
			return { response: sfError(404, 'NOT_FOUND', EXTERNAL_ID_FIELD_NOT_FOUND(id)) };
	}
}

/** A record as `GET /sobjects/T/Id` returns it; with `?fields=`, those fields in that order and then Id. */
function recordResponse(req: SfRequest, type: SObjectType, row: Row): SfResponse {
	const list = req.query.get('fields');
	if (list === null) return { status: 200, body: recordJson(type, row, req.version) };
	const fields = selectedFields(type, list);
	const body: Record<string, unknown> = { attributes: attributes(type, row.Id, req.version) };
	for (const f of fields) body[f.name] = fieldJson(f, row);
	if (!('Id' in body)) body.Id = row.Id;
	return { status: 200, body };
}

export function getRowHandler(req: SfRequest, params: Params): SfResponse {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	const found = rowOf(req, type, params.id);
	if ('response' in found) return found.response;
	return answering(() => recordResponse(req, type, found.row));
}

export function updateRowHandler(req: SfRequest, params: Params): SfResponse {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	const found = rowOf(req, type, params.id);
	if ('response' in found) return found.response;
	return answering(() => {
		updateRecord(writeContext(req), type, found.row, recordBody(req, type.name));
		return { status: 204 };
	});
}

export function deleteRowHandler(req: SfRequest, params: Params): SfResponse {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	const found = rowOf(req, type, params.id);
	if ('response' in found) return found.response;
	return answering(() => {
		deleteRecord(req.org, type, found.row);
		return { status: 204 };
	});
}

/** The object and External ID field of an external-ID URL, or Salesforce's 404 for a field that cannot key it. */
function externalIdTarget(req: SfRequest, params: Params) {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	const field = externalIdField(type, params.field);
	if (!field) return sfError(404, 'NOT_FOUND', EXTERNAL_ID_FIELD_NOT_FOUND(params.field));
	return { type, field };
}

/** `PATCH /sobjects/T/Field/Value`: upsert. 201 created, 200 updated (204 before API 46.0), 300 when several match. */
export function upsertHandler(req: SfRequest, params: Params): SfResponse {
	const target = externalIdTarget(req, params);
	if ('status' in target) return target;
	const { type, field } = target;
	return answering(() => {
		const outcome = upsertRecord(
			writeContext(req),
			type,
			field,
			params.value,
			recordBody(req, type.name),
			{ updateOnly: flag(req.query.get('updateOnly')) },
		);
		if ('matches' in outcome)
			return { status: 300, body: multipleChoicesBody(type, outcome.matches, req.version) };
		const withCreated = versionNumber(req) >= 46;
		if (outcome.created)
			return created(type, outcome.id, req.version, withCreated ? { created: true } : {});
		if (!withCreated) return { status: 204 };
		return { status: 200, body: { id: outcome.id, success: true, errors: [], created: false } };
	});
}

/** `GET` / `DELETE /sobjects/T/Field/Value`: the one record with that external ID. */
export function externalIdRowHandler(req: SfRequest, params: Params): SfResponse {
	const target = externalIdTarget(req, params);
	if ('status' in target) return target;
	const { type, field } = target;
	const matches = rowsMatching(req.org, type, field, params.value);
	if (matches.length > 1)
		return { status: 300, body: multipleChoicesBody(type, matches, req.version) };
	if (matches.length === 0)
		return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
	return answering(() => {
		if (req.method === 'GET') return recordResponse(req, type, matches[0]);
		deleteRecord(req.org, type, matches[0]);
		return { status: 204 };
	});
}
