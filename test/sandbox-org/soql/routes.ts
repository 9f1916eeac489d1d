import { SalesforceError } from '../http/errors';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';
import { runAggregate } from './aggregate';
import { compileSoql } from './compile';
import { queryCursors, type Cursor } from './cursors';
import { invalidLocator, malformed } from './errors';
import { pinIndexes, runQuery } from './execute';
import { buildPage } from './page';
import type { QueryContext } from './types';

// The query resources: GET /query?q= and /queryAll?q= (deleted rows too), and their next pages
// at the nextRecordsUrl they hand out (/query/<locator>-<position>).
//
// Where the sandbox departs from Salesforce on purpose: date literals use UTC and Sunday-first
// weeks (the sandbox's users are UTC/en_US); parent fields of a record are read when its page is
// served (its own fields and its children are as of the query); open cursors are bounded by
// memory (Salesforce has no limit since API 56.0). TYPEOF, HAVING, ROLLUP/CUBE and functions in
// WHERE or ORDER BY (DAY_ONLY, toLabel, FORMAT...) answer a 400 saying the sandbox lacks them.

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;
/** An aggregate query cannot be paged: past one batch of results it fails. */
const AGGREGATE_MAX = 2000;

interface QueryResult {
	totalSize: number;
	done: boolean;
	nextRecordsUrl?: string;
	records: unknown[];
}

export function registerQueryRoutes(router: Router): void {
	router.add('GET', '/query', 'query', (req) => respond(() => newQuery(req, false)));
	router.add('GET', '/queryAll', 'query', (req) => respond(() => newQuery(req, true)));
	router.add('GET', '/query/:locator', 'query', (req, { locator }) =>
		respond(() => nextPage(req, locator)),
	);
	router.add('GET', '/queryAll/:locator', 'query', (req, { locator }) =>
		respond(() => nextPage(req, locator)),
	);
}

function respond(run: () => QueryResult): SfResponse {
	try {
		return { status: 200, body: run() };
	} catch (err) {
		if (err instanceof SalesforceError) return err.toResponse();
		throw err;
	}
}

function newQuery(req: SfRequest, all: boolean): QueryResult {
	const q = req.query.get('q');
	if (q === null) throw malformed('A query string has to be specified');
	if (q.trim() === '') throw malformed('SOQL statements cannot be empty or null');
	const { org } = req;
	const query = compileSoql(q, org.schema);
	const ctx: QueryContext = {
		schema: org.schema,
		store: org.store,
		now: org.clock.now(),
		includeDeleted: all,
		semiJoins: new Map(),
	};
	const rows = runQuery(query, ctx);
	if (query.countOnly) return { totalSize: rows.length, done: true, records: [] };
	if (query.aggregate) {
		const records = runAggregate(query.aggregate, rows, ctx, query.limit, query.offset);
		if (records.length > AGGREGATE_MAX)
			throw malformed(
				'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
			);
		return { totalSize: records.length, done: true, records };
	}
	return page(
		req,
		{ rows, query, type: query.type, snapshot: { ctx, indexes: pinIndexes(query, ctx) }, all },
		0,
	);
}

function nextPage(req: SfRequest, locator: string): QueryResult {
	const m = /^([A-Za-z0-9]{15,18})-(\d+)$/.exec(locator);
	const cursor = m ? queryCursors(req.org).find(m[1]) : undefined;
	const from = m ? Number(m[2]) : NaN;
	if (!cursor || !(from <= cursor.rows.length)) throw invalidLocator();
	return page(req, cursor, from, cursor);
}

/** A page of a result from `from` on; opens a cursor for the rest unless one exists already. */
function page(
	req: SfRequest,
	result: Omit<Cursor, 'id' | 'createdAt'>,
	from: number,
	cursor?: Cursor,
): QueryResult {
	const cursors = queryCursors(req.org);
	const { records, next } = buildPage(
		result.rows,
		result.query,
		result.type,
		from,
		batchSize(req),
		{
			version: req.version,
			snapshot: result.snapshot,
			openChildCursor: (child, rows, start) => {
				const opened = cursors.open({
					rows,
					query: child.query,
					type: child.childType,
					snapshot: result.snapshot,
					all: result.all,
				});
				return nextRecordsUrl(req, result.all, opened.id, start);
			},
		},
	);
	const totalSize = result.rows.length;
	if (next >= totalSize) return { totalSize, done: true, records };
	const url = nextRecordsUrl(req, result.all, (cursor ?? cursors.open(result)).id, next);
	return { totalSize, done: false, nextRecordsUrl: url, records };
}

function nextRecordsUrl(req: SfRequest, all: boolean, id: string, position: number): string {
	return `/services/data/v${req.version}/${all ? 'queryAll' : 'query'}/${id}-${position}`;
}

/** `Sforce-Query-Options: batchSize=N`: a hint, kept within Salesforce's documented 200..2000. */
function batchSize(req: SfRequest): number {
	const header = req.headers['sforce-query-options'];
	const m = /batchSize\s*=\s*(\d+)/i.exec(
		Array.isArray(header) ? header.join(',') : (header ?? ''),
	);
	if (!m) return DEFAULT_BATCH;
	return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(m[1])));
}
