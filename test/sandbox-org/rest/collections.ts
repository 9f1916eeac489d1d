import { isValidId, toId18 } from '../core/ids';
import { attributes } from '../core/records';
import type { SObjectType } from '../core/schema';
import { sfError } from '../http/errors';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';
import { fieldJson, selectedFields } from './field-selection';
import { errorResponse, recordError, saveErrorsOf, type SaveError } from './record-errors';
import {
	EXTERNAL_ID_FIELD_NOT_FOUND,
	externalIdField,
	idLabel,
	inRecycleBin,
	lookupRecord,
} from './record-lookup';
import { flag, isResponse, objectOf } from './request-input';
import { upsertRecord } from './upsert';
import { createRecord, deleteRecord, updateRecord, writeContext } from './write';

/** Most records one Collections write takes, and most Ids one retrieve takes. */
export const MAX_COLLECTION_RECORDS = 200;
export const MAX_RETRIEVE_IDS = 2000;

/**
 * sObject Collections: create, update, upsert and delete up to 200 records in one call (one
 * API call), results in input order with HTTP 200 even when rows fail, and retrieve by Ids.
 */
export function registerCollectionRoutes(router: Router): void {
	router.add('POST', '/composite/sobjects', 'collections', (req) => writeRows(req, 'create'));
	router.add('PATCH', '/composite/sobjects', 'collections', (req) => writeRows(req, 'update'));
	router.add('DELETE', '/composite/sobjects', 'collections', deleteRows);
	router.add('GET', '/composite/sobjects/:type', 'collections', retrieveRows);
	router.add('POST', '/composite/sobjects/:type', 'collections', retrieveRows);
	router.add('PATCH', '/composite/sobjects/:type/:field', 'collections', upsertRows);
}

interface RowResult {
	id?: string;
	success: boolean;
	errors: SaveError[];
	created?: boolean;
}

const tooMany = (max: number) =>
	sfError(
		400,
		'EXCEEDED_ID_LIMIT',
		`record limit reached. cannot submit more than ${max} records into this call`,
	);
const ROLLED_BACK: SaveError = {
	statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
	message:
		'Record rolled back because not all records were valid and the request was using AllOrNone header',
	fields: [],
};

/** `{allOrNone?, records: [...]}` with at most 200 records, each with `attributes.type`; else the 400 of a malformed request. */
function recordsOf(
	req: SfRequest,
): { records: Array<Record<string, unknown>>; allOrNone: boolean } | SfResponse {
	const body = req.body as { records?: unknown; allOrNone?: unknown } | undefined;
	if (!body || typeof body !== 'object' || !Array.isArray(body.records))
		return sfError(400, 'JSON_PARSER_ERROR', "'records' is a required field.");
	if (body.records.length > MAX_COLLECTION_RECORDS) return tooMany(MAX_COLLECTION_RECORDS);
	const records = body.records as unknown[];
	for (const r of records) {
		const type = (r as { attributes?: { type?: unknown } } | null)?.attributes?.type;
		if (typeof type !== 'string' || type === '') {
			return sfError(
				400,
				'INVALID_TYPE',
				'Each record in a collection must have an attributes map with a type',
			);
		}
	}
	return { records: records as Array<Record<string, unknown>>, allOrNone: flag(body.allOrNone) };
}

/**
 * Runs one operation per row, in order, each row on its own; with allOrNone, a failed row
 * rolls every row back and the rows that had succeeded report ALL_OR_NONE_OPERATION_ROLLED_BACK
 * (create rows without an Id, the others with theirs).
 */
function runRows<T>(
	req: SfRequest,
	items: T[],
	allOrNone: boolean,
	operate: (item: T) => RowResult,
	keepIdOnRollback: boolean,
): SfResponse {
	const restore = allOrNone ? req.org.store.savepoint() : undefined;
	const results = items.map((item) => {
		try {
			return operate(item);
		} catch (err) {
			return { success: false, errors: saveErrorsOf(err) };
		}
	});
	if (restore && results.some((r) => !r.success)) {
		restore();
		const rolledBack = results.map((r) =>
			r.success
				? {
						...(keepIdOnRollback && r.id ? { id: r.id } : {}),
						success: false,
						errors: [ROLLED_BACK],
					}
				: r,
		);
		return { status: 200, body: rolledBack };
	}
	return { status: 200, body: results };
}

const unsupportedType = (name: string) =>
	recordError(
		'INVALID_TYPE',
		`sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
		[],
	);

function typeOfRecord(req: SfRequest, record: Record<string, unknown>): SObjectType {
	const name = String((record.attributes as { type: string }).type);
	const type = req.org.schema.get(name);
	if (!type) throw unsupportedType(name);
	return type;
}

/** `POST` (create) and `PATCH` (update) `/composite/sobjects`. */
function writeRows(req: SfRequest, operation: 'create' | 'update'): SfResponse {
	const input = recordsOf(req);
	if ('status' in input) return input;
	const ctx = writeContext(req);
	return runRows(
		req,
		input.records,
		input.allOrNone,
		(record) => {
			const type = typeOfRecord(req, record);
			if (operation === 'create')
				return { id: createRecord(ctx, type, record), success: true, errors: [] };
			const idKey = Object.keys(record).find((k) => k.toLowerCase() === 'id');
			const id = idKey === undefined ? undefined : record[idKey];
			if (typeof id !== 'string' || id === '')
				throw recordError('MISSING_ARGUMENT', 'Id not specified in an update call', []);
			const found = lookupRecord(req.org, type, id);
			if ('row' in found) {
				updateRecord(ctx, type, found.row, record);
				return { id: found.row.Id as string, success: true, errors: [] };
			}
			if (found.problem === 'malformed' || found.problem === 'otherObject')
				throw recordError('MALFORMED_ID', `${idLabel(type)}: id value of incorrect type: ${id}`, [
					'Id',
				]);
			if (found.problem === 'deleted')
				throw recordError('ENTITY_IS_DELETED', 'entity is deleted', []);
			throw recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
		},
		operation === 'update',
	);
}

/** `PATCH /composite/sobjects/T/ExtField`: upsert each record by its value of the External ID field. */
function upsertRows(req: SfRequest, params: Record<string, string>): SfResponse {
	if (Number(req.version) < 46)
		return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	const field = externalIdField(type, params.field);
	if (!field || field.type === 'id')
		return sfError(404, 'NOT_FOUND', EXTERNAL_ID_FIELD_NOT_FOUND(params.field));
	const input = recordsOf(req);
	if ('status' in input) return input;
	const ctx = writeContext(req);
	return runRows(
		req,
		input.records,
		input.allOrNone,
		(record) => {
			if (typeOfRecord(req, record) !== type)
				throw unsupportedType(String((record.attributes as { type: string }).type));
			const key = Object.keys(record).find((k) => k.toLowerCase() === field.name.toLowerCase());
			const value = key === undefined ? undefined : record[key];
			if (value === undefined || value === null || value === '')
				throw recordError('MISSING_ARGUMENT', `${field.name} not specified`, []);
			const outcome = upsertRecord(ctx, type, field, String(value), record);
			if ('matches' in outcome) {
				const ids = outcome.matches.map((r) => String(r.Id)).join(', ');
				throw recordError(
					'DUPLICATE_EXTERNAL_ID',
					`${field.label}: more than one record found for external id field: [${ids}]`,
					[field.name],
				);
			}
			return { id: outcome.id, success: true, errors: [], created: outcome.created };
		},
		true,
	);
}

/** `DELETE /composite/sobjects?ids=A,B&allOrNone=`: the Ids may be of different objects. */
function deleteRows(req: SfRequest): SfResponse {
	const ids = (req.query.get('ids') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
	if (ids.length === 0) return sfError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
	if (ids.length > MAX_COLLECTION_RECORDS) return tooMany(MAX_COLLECTION_RECORDS);
	return runRows(
		req,
		ids,
		flag(req.query.get('allOrNone')),
		(id) => {
			if (!isValidId(id)) throw recordError('MALFORMED_ID', `malformed id ${id}`, []);
			const type = req.org.schema.forId(id);
			const found = type ? lookupRecord(req.org, type, id) : undefined;
			if (!type || !found || !('row' in found)) {
				const deleted = type && inRecycleBin(req.org, type, toId18(id));
				const error = deleted
					? recordError('ENTITY_IS_DELETED', 'entity is deleted', [])
					: recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
				return { id: toId18(id), success: false, errors: saveErrorsOf(error) };
			}
			deleteRecord(req.org, type, found.row);
			return { id: found.row.Id as string, success: true, errors: [] };
		},
		true,
	);
}

/**
 * `GET /composite/sobjects/T?ids=&fields=` (or `POST` with `{ids, fields}`): the records in Id
 * order, `null` for an Id that names no visible record of T.
 */
function retrieveRows(req: SfRequest, params: Record<string, string>): SfResponse {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	const body = (req.method === 'POST' ? req.body : undefined) as
		| { ids?: unknown; fields?: unknown }
		| undefined;
	const listOf = (v: unknown): string[] =>
		(Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [])
			.map((s) => s.trim())
			.filter((s) => s !== '');
	const ids = listOf(body ? body.ids : req.query.get('ids'));
	const fieldNames = listOf(body ? body.fields : req.query.get('fields'));
	if (ids.length === 0) return sfError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
	if (fieldNames.length === 0)
		return sfError(400, 'MISSING_ARGUMENT', 'fields parameter is required');
	if (ids.length > MAX_RETRIEVE_IDS) return tooMany(MAX_RETRIEVE_IDS);
	try {
		const fields = selectedFields(type, fieldNames.join(','));
		const records = ids.map((id) => {
			const found = lookupRecord(req.org, type, id);
			if (!('row' in found)) return null;
			const out: Record<string, unknown> = {
				attributes: attributes(type, found.row.Id, req.version),
			};
			for (const f of fields) out[f.name] = fieldJson(f, found.row);
			return out;
		});
		return { status: 200, body: records };
	} catch (err) {
		return errorResponse(err);
	}
}
