import type {
	DescribeGlobalResult,
	DescribeSObjectResult,
	HttpMethods,
	HttpRequest,
} from '@jsforce/jsforce-node';
import { randomBytes } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ConversationEntry } from '../thread/types';
import type { SalesforceRestClient } from './restClient';
import { SalesforceApiError, UnknownObjectError } from './salesforceErrors';

/**
 * Every Salesforce REST URL and request shape of the package, in one place: nodes and helpers call
 * these functions and never write a `/services/data/...` path themselves. Every value that goes into
 * a path or a query string is encoded here.
 */

/** What a call needs: the client that sends (through n8n) and the REST API version. */
export interface ApiClient {
	conn: Pick<SalesforceRestClient, 'request'>;
	apiVersion: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** The REST API's root for a version: `/services/data/v64.0`. */
function versionRoot(apiVersion: string): string {
	return `/services/data/v${apiVersion}`;
}

/**
 * The credential test's URL, as an n8n expression: the REST API's resource list for the
 * credential's version (the same normalisation as `apiVersionOf`), which needs a session and API access.
 */
export const CREDENTIAL_TEST_URL =
	'={{ "/services/data/v" + String($credentials.apiVersion || "64.0").trim().replace(/^v/i, "").replace(/^(\\d+)$/, "$1.0") + "/" }}';

// ----- Query -----------------------------------------------------------------------------------

/** One page of a query result (also the shape of a child result in a record). */
export interface QueryPage<T = IDataObject> {
	totalSize?: number;
	done?: boolean;
	records: T[];
	nextRecordsUrl?: string;
}

/** The URL of a SOQL query's first page. */
export function queryUrl(apiVersion: string, soql: string): string {
	return `${versionRoot(apiVersion)}/query?q=${encodeURIComponent(soql)}`;
}

/** The first page of a SOQL query. */
export function queryFirstPage<T = IDataObject>(
	sf: ApiClient,
	soql: string,
	headers?: Record<string, string>,
): Promise<QueryPage<T>> {
	return sf.conn.request<QueryPage<T>>({
		method: 'GET',
		url: queryUrl(sf.apiVersion, soql),
		...(headers ? { headers } : {}),
	});
}

/** The next page of a query result, from the `nextRecordsUrl` Salesforce gave with the page before. */
export function queryNextPage<T = IDataObject>(
	sf: ApiClient,
	nextRecordsUrl: string,
	headers?: Record<string, string>,
): Promise<QueryPage<T>> {
	if (!nextRecordsUrl.startsWith('/services/data/'))
		throw new Error(
			`Salesforce gave a next page address outside its REST API: ${nextRecordsUrl.slice(0, 100)}`,
		);
	return sf.conn.request<QueryPage<T>>({
		method: 'GET',
		url: nextRecordsUrl,
		...(headers ? { headers } : {}),
	});
}

// ----- Records and describes ---------------------------------------------------------------------

/** One record by Id, with the given fields (all when none are given). */
export function retrieveRecord(
	sf: ApiClient,
	objectName: string,
	id: string,
	fields: string[] = [],
): Promise<IDataObject> {
	const query = fields.length > 0 ? `?fields=${encodeURIComponent(fields.join(','))}` : '';
	return sf.conn.request<IDataObject>({
		method: 'GET',
		url: `${versionRoot(sf.apiVersion)}/sobjects/${encodeURIComponent(objectName)}/${encodeURIComponent(id)}${query}`,
	});
}

/** An object's describe (fields, child relationships). An object the org does not have is an `UnknownObjectError`. */
export async function describeObject(
	sf: ApiClient,
	objectName: string,
): Promise<DescribeSObjectResult> {
	let failure: unknown;
	try {
		return await sf.conn.request<DescribeSObjectResult>({
			method: 'GET',
			url: `${versionRoot(sf.apiVersion)}/sobjects/${encodeURIComponent(objectName)}/describe`,
		});
	} catch (error) {
		failure = error;
	}
	throw failure instanceof SalesforceApiError &&
		(failure.errorCode === 'NOT_FOUND' || failure.errorCode === 'INVALID_TYPE')
		? new UnknownObjectError(objectName, failure.message)
		: failure;
}

/** Most subrequests Salesforce takes in one Composite request. */
const MAX_SUBREQUESTS = 25;

/**
 * The describes of several objects in Composite requests of up to 25 (one API call each, where one
 * describe apiece would cost one call each). Only the describes Salesforce answered are returned;
 * an object it did not answer for is left to `describeObject`, which gives the reason.
 */
export async function describeObjects(
	sf: ApiClient,
	objectNames: string[],
): Promise<Map<string, DescribeSObjectResult>> {
	const out = new Map<string, DescribeSObjectResult>();
	for (let i = 0; i < objectNames.length; i += MAX_SUBREQUESTS) {
		const names = objectNames.slice(i, i + MAX_SUBREQUESTS);
		const answer = await sendComposite(
			sf,
			names.map((name, n) => ({
				method: 'GET',
				referenceId: `describe${n}`,
				url: `${versionRoot(sf.apiVersion)}/sobjects/${encodeURIComponent(name)}/describe`,
			})),
		);
		names.forEach((name, n) => {
			const sub = answer.compositeResponse?.[n];
			if (sub && sub.httpStatusCode === 200) out.set(name, sub.body as DescribeSObjectResult);
		});
	}
	return out;
}

/** The org's objects (the global describe). */
export function describeGlobal(sf: ApiClient): Promise<DescribeGlobalResult> {
	return sf.conn.request<DescribeGlobalResult>({
		method: 'GET',
		url: `${versionRoot(sf.apiVersion)}/sobjects`,
	});
}

// ----- sObject Collections and Composite ----------------------------------------------------------

export type CollectionsTarget =
	| { operation: 'create' | 'update' }
	| { operation: 'upsert'; objectName: string; externalIdField: string }
	| { operation: 'delete'; ids: string[]; allOrNone: boolean };

/** The method and URL of an sObject Collections call (up to 200 records); the body is the caller's. */
export function collectionsTarget(
	apiVersion: string,
	target: CollectionsTarget,
): { method: HttpMethods; url: string } {
	const base = `${versionRoot(apiVersion)}/composite/sobjects`;
	switch (target.operation) {
		case 'create':
			return { method: 'POST', url: base };
		case 'update':
			return { method: 'PATCH', url: base };
		case 'upsert':
			return {
				method: 'PATCH',
				url: `${base}/${encodeURIComponent(target.objectName)}/${encodeURIComponent(target.externalIdField)}`,
			};
		case 'delete':
			return {
				method: 'DELETE',
				url: `${base}?ids=${target.ids.map(encodeURIComponent).join(',')}&allOrNone=${String(target.allOrNone)}`,
			};
	}
}

/** One subrequest of a Composite request. */
export interface CompositeSubrequest {
	method: HttpMethods;
	url: string;
	referenceId: string;
	body?: IDataObject;
}

export interface CompositeAnswer {
	compositeResponse: Array<{ body: unknown; httpStatusCode: number; referenceId: string }>;
}

/** A query as a Composite subrequest. */
export function compositeQuery(
	apiVersion: string,
	referenceId: string,
	soql: string,
): CompositeSubrequest {
	return { method: 'GET', referenceId, url: queryUrl(apiVersion, soql) };
}

/** Up to 25 subrequests (5 queries or Collections calls) in one Composite request, counted as one API call. */
export function sendComposite(
	sf: ApiClient,
	compositeRequest: CompositeSubrequest[],
	allOrNone = false,
): Promise<CompositeAnswer> {
	const request: HttpRequest = {
		method: 'POST',
		url: `${versionRoot(sf.apiVersion)}/composite`,
		body: JSON.stringify({ allOrNone, compositeRequest }),
		headers: JSON_HEADERS,
	};
	return sf.conn.request<CompositeAnswer>(request);
}

/** A failed Composite subrequest's answer as the error Salesforce would have given for it on its own. */
export function subrequestError(sub: {
	body: unknown;
	httpStatusCode: number;
}): SalesforceApiError {
	const first = (Array.isArray(sub.body) ? sub.body[0] : sub.body) as
		| { errorCode?: string; message?: string; fields?: string[] }
		| undefined;
	return new SalesforceApiError({
		errorCode: first?.errorCode ?? `ERROR_HTTP_${sub.httpStatusCode}`,
		message: first?.message ?? 'A query in a Composite request failed',
		fields: first?.fields ?? [],
		statusCode: sub.httpStatusCode,
		data: first,
	});
}

// ----- Flows ---------------------------------------------------------------------------------------

/** One interview's answer of an invocable flow action (one per input, in input order). */
export interface FlowActionResult {
	actionName?: string;
	isSuccess: boolean;
	errors: Array<{ statusCode?: string; message?: string; fields?: string[] }> | null;
	outputValues: IDataObject | null;
}

/**
 * Runs an autolaunched flow once per element of `inputs` (its input variables), in one call:
 * `POST /actions/custom/flow/{apiName}` with `{inputs}`. The answer has one result per input, in order.
 */
export function runFlowAction(
	sf: ApiClient,
	apiName: string,
	inputs: IDataObject[],
): Promise<FlowActionResult[]> {
	return sf.conn.request<FlowActionResult[]>({
		method: 'POST',
		url: `${versionRoot(sf.apiVersion)}/actions/custom/flow/${encodeURIComponent(apiName)}`,
		body: JSON.stringify({ inputs }),
		headers: JSON_HEADERS,
	});
}

// ----- Files (blob fields) --------------------------------------------------------------------------

/**
 * The largest JSON (non-multipart) request body Salesforce takes: 52,428,800 bytes, 50 MB of text or
 * 37.5 MB of a file as base64 ("Insert or Update Blob Data"). Past it: 400 JSON_PARSER_ERROR
 * "Maximum size of request reached".
 */
export const MAX_JSON_BODY_BYTES = 52_428_800;
/** The largest file a multipart ContentVersion insert takes: 2 GB. */
export const MAX_CONTENT_VERSION_BYTES = 2 * 1024 * 1024 * 1024;

/** A record's answer from a create: `{id, success, errors}`. */
export interface CreateAnswer {
	id?: string;
	success: boolean;
	errors: Array<{ statusCode?: string; errorCode?: string; message: string; fields?: string[] }>;
}

/** The JSON body of an sObject Collections create of up to 200 records (each with `attributes: {type}`). */
export function collectionsCreateBody(records: IDataObject[], allOrNone = false): string {
	return JSON.stringify({ allOrNone, records });
}

/** An sObject Collections create whose body `collectionsCreateBody` built (its size measured by the caller). */
export function sendCollectionsCreate(sf: ApiClient, body: string): Promise<CreateAnswer[]> {
	const { method, url } = collectionsTarget(sf.apiVersion, { operation: 'create' });
	return sf.conn.request<CreateAnswer[]>({ method, url, body, headers: JSON_HEADERS });
}

/** A file to store in a blob field, sent as the binary part of a multipart request. */
export interface BlobPart {
	/** The blob field (`VersionData`). */
	field: string;
	fileName: string;
	mimeType: string;
	/** The file's size in bytes. */
	size: number;
	/** Writes the file's `size` bytes into `body` from `offset` (so that the file is in memory once: in the request body). */
	writeInto(body: Buffer, offset: number): Promise<void>;
}

/**
 * Creates a record with a large file (up to 2 GB for ContentVersion) as Salesforce asks for it: a
 * multipart/form-data body whose first part is the record's other fields as JSON
 * (`entity_content`) and whose second part is the file's bytes, named after the blob field.
 */
export async function createWithBlob(
	sf: ApiClient,
	objectName: string,
	record: IDataObject,
	blob: BlobPart,
): Promise<CreateAnswer> {
	const boundary = `n8nSalesforceBoundary${randomBytes(16).toString('hex')}`;
	const quoted = (value: string) => value.replace(/["\r\n\\]/g, '_');
	const head = Buffer.from(
		`--${boundary}\r\n` +
			'Content-Disposition: form-data; name="entity_content"\r\n' +
			'Content-Type: application/json\r\n\r\n' +
			`${JSON.stringify(record)}\r\n` +
			`--${boundary}\r\n` +
			`Content-Disposition: form-data; name="${quoted(blob.field)}"; filename="${quoted(blob.fileName)}"\r\n` +
			`Content-Type: ${quoted(blob.mimeType) || 'application/octet-stream'}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	// One buffer for the whole body, the file written straight into it (a Buffer, not a stream, so
	// that a retry or n8n's session renewal can send it again).
	const body = Buffer.allocUnsafe(head.length + blob.size + tail.length);
	head.copy(body, 0);
	await blob.writeInto(body, head.length);
	tail.copy(body, head.length + blob.size);
	return await sf.conn.request<CreateAnswer>({
		method: 'POST',
		url: `${versionRoot(sf.apiVersion)}/sobjects/${encodeURIComponent(objectName)}`,
		body,
		headers: { 'Content-Type': `multipart/form-data; boundary="${boundary}"` },
	});
}

/** The bytes of a record's blob field as a stream (`GET /sobjects/T/Id/VersionData`, sObject Blob Get). */
export function downloadBlob(
	sf: { conn: Pick<SalesforceRestClient, 'requestStream'>; apiVersion: string },
	objectName: string,
	id: string,
	field: string,
): ReturnType<SalesforceRestClient['requestStream']> {
	return sf.conn.requestStream({
		method: 'GET',
		url: `${versionRoot(sf.apiVersion)}/sobjects/${encodeURIComponent(objectName)}/${encodeURIComponent(id)}/${encodeURIComponent(field)}`,
	});
}

// ----- Bulk API 2.0 query ---------------------------------------------------------------------------

/** A Bulk API 2.0 query job as Salesforce describes it (`GET /jobs/query/{id}`). */
export interface QueryJobInfo {
	id: string;
	state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
	numberRecordsProcessed?: number;
	errorMessage?: string;
}

/** One set of a query job's results: the CSV text and the locator of the next set (null after the last). */
export interface QueryJobResults {
	csv: string;
	nextLocator: string | null;
	numberOfRecords: number;
}

/** What the Bulk API calls need: an `ApiClient` that also reads text answers (CSV). */
export interface BulkClient {
	conn: Pick<SalesforceRestClient, 'request' | 'requestText'>;
	apiVersion: string;
}

const jobUrl = (sf: BulkClient, id?: string) =>
	`${versionRoot(sf.apiVersion)}/jobs/query${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

/** Creates a query job (`POST /jobs/query`): CSV, comma, LF. `queryAll` also reads deleted rows. */
export function createQueryJob(
	sf: BulkClient,
	soql: string,
	operation: 'query' | 'queryAll' = 'query',
): Promise<QueryJobInfo> {
	return sf.conn.request<QueryJobInfo>({
		method: 'POST',
		url: jobUrl(sf),
		body: JSON.stringify({
			operation,
			query: soql,
			contentType: 'CSV',
			columnDelimiter: 'COMMA',
			lineEnding: 'LF',
		}),
		headers: JSON_HEADERS,
	});
}

/** A query job's state (`GET /jobs/query/{id}`). */
export function queryJobInfo(sf: BulkClient, id: string): Promise<QueryJobInfo> {
	return sf.conn.request<QueryJobInfo>({ method: 'GET', url: jobUrl(sf, id) });
}

/**
 * One set of a complete job's results (`GET /jobs/query/{id}/results`): from `locator` (the first
 * set when null), at most `maxRecords` rows. A locator stays valid while the job exists.
 */
export async function queryJobResults(
	sf: BulkClient,
	id: string,
	locator: string | null,
	maxRecords: number,
): Promise<QueryJobResults> {
	const query = [
		...(locator === null ? [] : [`locator=${encodeURIComponent(locator)}`]),
		`maxRecords=${Math.max(1, Math.floor(maxRecords))}`,
	].join('&');
	const { text, headers } = await sf.conn.requestText({
		method: 'GET',
		url: `${jobUrl(sf, id)}/results?${query}`,
		headers: { Accept: 'text/csv' },
	});
	const next = headers['sforce-locator'];
	return {
		csv: text,
		nextLocator: next === undefined || next === '' || next === 'null' ? null : next,
		numberOfRecords: Number(headers['sforce-numberofrecords'] ?? NaN),
	};
}

/** Deletes a query job and its results (`DELETE /jobs/query/{id}`). */
export async function deleteQueryJob(sf: BulkClient, id: string): Promise<void> {
	await sf.conn.request<void>({ method: 'DELETE', url: jobUrl(sf, id) });
}

// ----- Links --------------------------------------------------------------------------------------

/** Stands in for the instance URL before a JWT or client credentials session exists (see connection.ts). */
export const INSTANCE_PENDING = 'https://instance-from-session.invalid';

/** What `instanceUrlOf` needs: the connection's instance URL and a way to read the credential again. */
export interface LinkSource {
	conn: Pick<SalesforceRestClient, 'instanceUrl'>;
	credentialType: string;
}

/**
 * The org's address for links to records: known to the connection for OAuth2; for JWT and client
 * credentials, stored with the session the credential started (read again, since the session may
 * have started during this run).
 */
export async function instanceUrlOf(
	ctx: { getCredentials: (type: string) => Promise<ICredentialDataDecryptedObject> },
	sf: LinkSource,
): Promise<string | undefined> {
	if (sf.conn.instanceUrl !== INSTANCE_PENDING) return sf.conn.instanceUrl;
	const credentials = await ctx.getCredentials(sf.credentialType);
	return typeof credentials.instanceUrl === 'string' && credentials.instanceUrl
		? credentials.instanceUrl.replace(/\/+$/, '')
		: undefined;
}

/** The Lightning address of a record. */
export function recordLink(instanceUrl: string, objectName: string, id: string): string {
	return `${instanceUrl}/lightning/r/${encodeURIComponent(objectName)}/${encodeURIComponent(id)}/view`;
}

// ----- Connect REST API -----------------------------------------------------------------------------

/** Most entries one call of the conversation entries resource returns. */
export const MAX_CONVERSATION_ENTRIES = 1000;

/** Which entries of a conversation to read: epoch ms bounds (both inclusive), oldest first. */
export interface ConversationEntriesRange {
	startTimestamp: number;
	endTimestamp?: number;
	/** 1 to 1,000 (Salesforce's default is 25). */
	recordLimit: number;
}

/**
 * One page of a messaging conversation's entries, oldest first (Connect REST API 51.0+:
 * `GET /connect/conversation/{conversationIdentifier}/entries?queryDirection=FromStart`). There is no
 * next-page URL: the caller moves `startTimestamp` past the last entry it has. Salesforce limits these
 * calls per user, app and hour (answering 503 REQUEST_LIMIT_EXCEEDED past it).
 */
export function conversationEntriesPage(
	sf: ApiClient,
	conversationIdentifier: string,
	range: ConversationEntriesRange,
): Promise<{ conversationEntries: ConversationEntry[] }> {
	const query = [
		'queryDirection=FromStart',
		`recordLimit=${Math.max(1, Math.min(MAX_CONVERSATION_ENTRIES, Math.floor(range.recordLimit)))}`,
		`startTimestamp=${Math.max(0, Math.floor(range.startTimestamp))}`,
		...(range.endTimestamp === undefined
			? []
			: [`endTimestamp=${Math.max(0, Math.floor(range.endTimestamp))}`]),
	].join('&');
	return sf.conn.request<{ conversationEntries: ConversationEntry[] }>({
		method: 'GET',
		url: `${versionRoot(sf.apiVersion)}/connect/conversation/${encodeURIComponent(conversationIdentifier)}/entries?${query}`,
	});
}
