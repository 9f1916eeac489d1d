import { formatDateTime } from '../core/format';
import { makeId } from '../core/ids';
import type { Row } from '../core/store';
import { SalesforceError, sfError } from '../http/errors';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';
import type { SandboxOrg } from '../org';
import { compileSoql } from '../soql/compile';
import { pinIndexes, runQuery } from '../soql/execute';
import { buildPage } from '../soql/page';
import type { CompiledQuery, QueryContext, SelectNode } from '../soql/types';
import { csvOf } from './bulk-csv';

// Bulk API 2.0 query jobs (docs: "Understanding Bulk API 2.0 Query", "Create a Query Job", "Get
// Information About a Query Job", "Get Results for a Query Job", "Abort a Query Job", "Delete a
// Query Job", "Get Information About All Query Jobs"). The job's shape is recorded
// (airbyte__bulk2-query-job.json); results, errors and the list are hand-written from the docs.
//
// The query runs when the job is created (a snapshot, as a real job reads the org once); the job
// reports InProgress until `bulkProcessingMs` of the org's clock have passed since its creation
// (0: JobComplete at the first status request), so a client must poll the state either way.
// Results are CSV pages of `maxRecords` rows (all rows when absent, as the docs' "as many rows as
// can be listed"); the `Sforce-Locator` of a page stays valid while the job exists, "null" after
// the last page. Refused like Salesforce refuses them: GROUP BY, OFFSET, TYPEOF, aggregate
// functions and parent-child subqueries (400 at creation, hand-written message).

type JobState = 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

interface QueryJob {
	id: string;
	operation: 'query' | 'queryAll';
	object: string;
	createdById: string;
	createdDate: number;
	apiVersion: string;
	columnDelimiter: string;
	lineEnding: string;
	/** The org's time at which the job is complete (or has failed). */
	doneAt: number;
	aborted: boolean;
	/** Set for a job that fails while it runs (`failNextQueryJob`). */
	errorMessage?: string;
	rows: readonly Row[];
	query: CompiledQuery;
	ctx: QueryContext;
	/** Row positions by locator; the first page has none. */
	locators: Map<string, number>;
}

/** Per org: its jobs, and how to run the next ones (tests set these). */
interface BulkState {
	jobs: Map<string, QueryJob>;
	/** How long a job runs on the org's clock before it is complete. */
	processingMs: number;
	/** The next job created fails with this message once it runs. */
	failNext?: string;
}

const stateByOrg = new WeakMap<SandboxOrg, BulkState>();
let jobSequence = 0;
let locatorSequence = 0;

export function bulkState(org: SandboxOrg): BulkState {
	let s = stateByOrg.get(org);
	if (!s) stateByOrg.set(org, (s = { jobs: new Map(), processingMs: 0 }));
	return s;
}

/** The next query job created fails while it runs (state Failed, with this errorMessage). */
export function failNextQueryJob(org: SandboxOrg, message: string): void {
	bulkState(org).failNext = message;
}

/** The org's query jobs (what `GET /jobs/query` lists). */
export const queryJobIds = (org: SandboxOrg): string[] => [...bulkState(org).jobs.keys()];

const DELIMITERS: Record<string, string> = {
	COMMA: ',',
	TAB: '\t',
	SEMICOLON: ';',
	PIPE: '|',
	CARET: '^',
	BACKQUOTE: '`',
};

export function registerBulkQueryRoutes(router: Router): void {
	router.add('POST', '/jobs/query', 'other', (req) => guard(() => createJob(req)));
	router.add('GET', '/jobs/query', 'other', listJobs);
	router.add('GET', '/jobs/query/:id', 'other', (req, { id }) =>
		withJob(req, id, (job) => ({ status: 200, body: jobInfo(req.org, job, true) })),
	);
	router.add('PATCH', '/jobs/query/:id', 'other', (req, { id }) =>
		withJob(req, id, (job) => abortJob(req, job)),
	);
	router.add('DELETE', '/jobs/query/:id', 'other', (req, { id }) =>
		withJob(req, id, (job) => {
			bulkState(req.org).jobs.delete(job.id);
			return { status: 204 };
		}),
	);
	router.add('GET', '/jobs/query/:id/results', 'other', (req, { id }) =>
		withJob(req, id, (job) => results(req, job)),
	);
}

function guard(run: () => SfResponse): SfResponse {
	try {
		return run();
	} catch (err) {
		if (err instanceof SalesforceError) return err.toResponse();
		throw err;
	}
}

function withJob(req: SfRequest, id: string, run: (job: QueryJob) => SfResponse): SfResponse {
	const job = bulkState(req.org).jobs.get(id);
	if (!job) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
	return run(job);
}

const invalidJob = (message: string) => new SalesforceError(400, 'INVALIDJOB', message);

function createJob(req: SfRequest): SfResponse {
	const body = (req.body ?? {}) as Record<string, unknown>;
	if (body.operation !== 'query' && body.operation !== 'queryAll')
		throw invalidJob(`Invalid operation: ${String(body.operation)}`);
	if (body.contentType !== undefined && body.contentType !== 'CSV')
		throw invalidJob(`Invalid contentType: ${String(body.contentType)}`);
	const columnDelimiter = String(body.columnDelimiter ?? 'COMMA');
	if (!(columnDelimiter in DELIMITERS))
		throw invalidJob(`Invalid columnDelimiter: ${columnDelimiter}`);
	const lineEnding = String(body.lineEnding ?? 'LF');
	if (lineEnding !== 'LF' && lineEnding !== 'CRLF')
		throw invalidJob(`Invalid lineEnding: ${lineEnding}`);
	const text = typeof body.query === 'string' ? body.query : '';
	if (text.trim() === '') throw invalidJob('The query is empty');
	refuseUnsupported(text);
	const { org } = req;
	const query = compileSoql(text, org.schema);
	if (query.aggregate || query.countOnly)
		throw invalidJob('Aggregate functions (such as COUNT()) are not supported by Bulk API 2.0');
	if (query.children.length > 0)
		throw invalidJob('Parent-to-child relationship queries are not supported by Bulk API 2.0');
	const ctx: QueryContext = {
		schema: org.schema,
		store: org.store,
		now: org.clock.now(),
		includeDeleted: body.operation === 'queryAll',
		semiJoins: new Map(),
	};
	const state = bulkState(org);
	const job: QueryJob = {
		id: makeId('750', ++jobSequence),
		operation: body.operation,
		object: query.type.name,
		createdById: req.session?.userId ?? '',
		createdDate: ctx.now,
		apiVersion: req.version,
		columnDelimiter,
		lineEnding,
		doneAt: ctx.now + state.processingMs,
		aborted: false,
		errorMessage: state.failNext,
		rows: state.failNext ? [] : runQuery(query, ctx),
		query,
		ctx,
		locators: new Map(),
	};
	state.failNext = undefined;
	state.jobs.set(job.id, job);
	return { status: 200, body: jobInfo(org, job, false) };
}

/** What the docs list as not supported in a Bulk API 2.0 query (the sandbox's parser takes them). */
function refuseUnsupported(text: string): void {
	const unquoted = text.replace(/'(?:[^'\\]|\\.)*'/g, "''");
	for (const [pattern, words] of [
		[/\bGROUP\s+BY\b/i, 'GROUP BY'],
		[/\bOFFSET\b/i, 'OFFSET'],
		[/\bTYPEOF\b/i, 'TYPEOF'],
	] as const)
		if (pattern.test(unquoted))
			throw invalidJob(`${words} clauses are not supported by Bulk API 2.0`);
}

function stateOf(org: SandboxOrg, job: QueryJob): JobState {
	if (job.aborted) return 'Aborted';
	if (org.clock.now() < job.doneAt) return 'InProgress';
	return job.errorMessage ? 'Failed' : 'JobComplete';
}

function jobInfo(org: SandboxOrg, job: QueryJob, full: boolean): Record<string, unknown> {
	const state = full ? stateOf(org, job) : 'UploadComplete';
	const info: Record<string, unknown> = {
		id: job.id,
		operation: job.operation,
		object: job.object,
		createdById: job.createdById,
		createdDate: formatDateTime(job.createdDate),
		systemModstamp: formatDateTime(state === 'InProgress' ? job.createdDate : job.doneAt),
		state,
		concurrencyMode: 'Parallel',
		contentType: 'CSV',
		apiVersion: Number(job.apiVersion),
		lineEnding: job.lineEnding,
		columnDelimiter: job.columnDelimiter,
	};
	if (!full) return info;
	const done = state === 'JobComplete';
	Object.assign(info, {
		jobType: 'V2Query',
		numberRecordsProcessed: done ? job.rows.length : 0,
		retries: 0,
		totalProcessingTime: done ? Math.max(1, job.doneAt - job.createdDate) : 0,
	});
	if (state === 'Failed') info.errorMessage = job.errorMessage;
	return info;
}

function abortJob(req: SfRequest, job: QueryJob): SfResponse {
	const body = (req.body ?? {}) as Record<string, unknown>;
	if (body.state !== 'Aborted') throw invalidJob(`Invalid state: ${String(body.state)}`);
	const state = stateOf(req.org, job);
	if (state !== 'UploadComplete' && state !== 'InProgress')
		return sfError(400, 'INVALIDJOBSTATE', `Job is in ${state} state and cannot be aborted`);
	job.aborted = true;
	return { status: 200, body: jobInfo(req.org, job, true) };
}

function listJobs(req: SfRequest): SfResponse {
	return {
		status: 200,
		body: {
			done: true,
			records: [...bulkState(req.org).jobs.values()].map((job) => {
				const info = jobInfo(req.org, job, true);
				return {
					id: info.id,
					operation: info.operation,
					object: info.object,
					createdById: info.createdById,
					createdDate: info.createdDate,
					systemModstamp: info.systemModstamp,
					state: info.state,
					concurrencyMode: info.concurrencyMode,
					contentType: info.contentType,
					apiVersion: info.apiVersion,
					jobType: 'V2Query',
					lineEnding: info.lineEnding,
					columnDelimiter: info.columnDelimiter,
				};
			}),
			nextRecordsUrl: null,
		},
	};
}

function results(req: SfRequest, job: QueryJob): SfResponse {
	if (req.version !== job.apiVersion)
		return sfError(
			409,
			'INVALIDJOB',
			`The query job was created with API version ${job.apiVersion}: ask for its results with that version`,
		);
	const state = stateOf(req.org, job);
	if (state !== 'JobComplete')
		return sfError(400, 'INVALIDJOBSTATE', `Job is not in JobComplete state (it is ${state})`);
	const locator = req.query.get('locator');
	let from = 0;
	if (locator !== null && locator !== '') {
		const at = job.locators.get(locator);
		if (at === undefined) return sfError(400, 'INVALIDLOCATOR', `Invalid locator: ${locator}`);
		from = at;
	}
	const maxText = req.query.get('maxRecords');
	const max = maxText === null ? job.rows.length : Number(maxText);
	if (!Number.isInteger(max) || max < 1)
		return sfError(400, 'INVALIDPARAMETER', `Invalid maxRecords: ${String(maxText)}`);
	const rows = job.rows.slice(from, from + max);
	const { records } = buildPage(rows, job.query, job.query.type, 0, Number.MAX_SAFE_INTEGER, {
		version: job.apiVersion,
		snapshot: { ctx: job.ctx, indexes: pinIndexes(job.query, job.ctx) },
		openChildCursor: () => '',
	});
	const next = from + rows.length;
	let nextLocator = 'null';
	if (next < job.rows.length) {
		nextLocator =
			[...job.locators].find(([, at]) => at === next)?.[0] ??
			Buffer.from(`${++locatorSequence}:${next}`).toString('base64url');
		job.locators.set(nextLocator, next);
	}
	const columns = columnsOf(job.query.select);
	return {
		status: 200,
		text: csvOf(
			columns,
			records.map((r) => columns.map((c) => cell(r, c))),
			DELIMITERS[job.columnDelimiter],
			job.lineEnding === 'CRLF' ? '\r\n' : '\n',
		),
		headers: {
			'Content-Type': 'text/csv',
			'Sforce-Locator': nextLocator,
			'Sforce-NumberOfRecords': String(records.length),
		},
	};
}

/** The CSV's columns: a field as written, a parent's field as `Parent.Field`. */
function columnsOf(nodes: SelectNode[], prefix = ''): string[] {
	return nodes.flatMap((n) =>
		n.kind === 'field'
			? [`${prefix}${n.key}`]
			: n.kind === 'parent'
				? columnsOf(n.children, `${prefix}${n.key}.`)
				: [],
	);
}

/** A record's value at a column, as Bulk API writes it (null: an empty field). */
function cell(record: Record<string, unknown>, column: string): string | null {
	let at: unknown = record;
	for (const key of column.split('.')) {
		if (at === null || typeof at !== 'object') return null;
		at = (at as Record<string, unknown>)[key];
	}
	if (at === null || at === undefined) return null;
	if (typeof at === 'object') return JSON.stringify(at);
	const text = String(at);
	// Date-times in Bulk API results end in Z (`2024-01-01T00:00:00.000Z`), not +0000 as in REST.
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/.test(text)
		? text.replace('+0000', 'Z')
		: text;
}
