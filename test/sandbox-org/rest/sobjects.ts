import { attributes, jsonValue } from '../core/records';
import type { SObjectType } from '../core/schema';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';
import { blobHandler } from './blobs';
import { fullDescribe, globalDescribe, objectSummary } from './describe';
import { isResponse, objectOf } from './request-input';
import { resourcesList } from './resources';
import {
	createByIdHandler,
	createHandler,
	deleteRowHandler,
	externalIdRowHandler,
	getRowHandler,
	updateRowHandler,
	upsertHandler,
} from './sobject-rows';

/**
 * The sObject REST API: the version's resources, describes, and records by Id or by External
 * ID. Literal paths are added before parameter paths (the router takes the first match).
 */
export function registerSObjectRoutes(router: Router): void {
	router.add('GET', '/', 'describe', resourcesList);
	router.add('GET', '/sobjects', 'describe', (req) => ({
		status: 200,
		body: globalDescribe(req.org, req.version),
	}));
	router.add('GET', '/sobjects/:type', 'describe', basicInfoHandler);
	router.add('POST', '/sobjects/:type', 'sobject', createHandler);
	router.add('GET', '/sobjects/:type/describe', 'describe', describeHandler);
	router.add('GET', '/sobjects/:type/:id', 'sobject', getRowHandler);
	router.add('PATCH', '/sobjects/:type/:id', 'sobject', updateRowHandler);
	router.add('DELETE', '/sobjects/:type/:id', 'sobject', deleteRowHandler);
	router.add('POST', '/sobjects/:type/:id', 'sobject', createByIdHandler);
	// Blob fields first: `/sobjects/T/Id/VersionData` has the shape of an External ID lookup.
	router.add('GET', '/sobjects/:type/:id/:field', 'sobject', blobHandler);
	router.add('PATCH', '/sobjects/:type/:field/:value', 'sobject', upsertHandler);
	router.add('DELETE', '/sobjects/:type/:field/:value', 'sobject', externalIdRowHandler);
}

function describeHandler(req: SfRequest, params: Record<string, string>): SfResponse {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	return { status: 200, body: fullDescribe(req.org, type, req.version, req.baseUrl) };
}

/** `GET /sobjects/T`: the object's summary and the user's recently viewed records of it. */
function basicInfoHandler(req: SfRequest, params: Record<string, string>): SfResponse {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	return {
		status: 200,
		body: { objectDescribe: objectSummary(type, req.version), recentItems: recentItems(req, type) },
	};
}

/**
 * Recently viewed records: those with a LastViewedDate (or LastReferencedDate), newest first,
 * each with its Id and name field. Records written through the API are not "viewed", so an org
 * used only through the API lists none, as a real one does.
 */
function recentItems(req: SfRequest, type: SObjectType): Array<Record<string, unknown>> {
	const nameField = type.fields.find((f) => f.nameField);
	const seen = (r: Record<string, unknown>) =>
		Number(r.LastViewedDate ?? r.LastReferencedDate ?? 0);
	return req.org.store
		.rows(type.name)
		.filter((r) => seen(r) > 0)
		.sort((a, b) => seen(b) - seen(a))
		.slice(0, 200)
		.map((r) => ({
			attributes: attributes(type, r.Id, req.version),
			Id: r.Id,
			...(nameField ? { [nameField.name]: jsonValue(nameField, r[nameField.name]) } : {}),
		}));
}
