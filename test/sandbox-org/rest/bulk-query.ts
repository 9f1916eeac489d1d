import { parseQuery } from '@jetstreamapp/soql-parser-js';

import { formatDateTime } from '../core/format';
import { makeId } from '../core/ids';
import { sfError } from '../http/errors';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';
import type { SandboxOrg } from '../org';

/** A Bulk API 2.0 query job; results are computed when the job is created (it completes at once). */
interface QueryJob {
	id: string;
	operation: 'query' | 'queryAll';
	object: string;
	query: string;
	createdById: string;
	createdDate: number;
	apiVersion: number;
	/** Polls left before the job reports JobComplete: a real job is UploadComplete, then InProgress, then JobComplete. */
	pollsUntilComplete: number;
}

const jobsByOrg = new WeakMap<SandboxOrg, Map<string, QueryJob>>();
let jobSequence = 0;

function jobs(org: SandboxOrg): Map<string, QueryJob> {
	let map = jobsByOrg.get(org);
	if (!map) jobsByOrg.set(org, (map = new Map()));
	return map;
}

/**
 * Bulk API 2.0 query jobs: create (`POST /jobs/query`) and status (`GET /jobs/query/:id`). The
 * package does not use Bulk API (it cannot run the email subqueries); the sandbox answers job
 * creation and status so that clients probing it see Salesforce's shapes. Results are not served.
 */
export function registerBulkQueryRoutes(router: Router): void {
	router.add('POST', '/jobs/query', 'other', createJob);
	router.add('GET', '/jobs/query/:id', 'other', (req, { id }) => {
		const job = jobs(req.org).get(id);
		if (!job) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
		job.pollsUntilComplete = Math.max(0, job.pollsUntilComplete - 1);
		return {
			status: 200,
			body: jobInfo(job, job.pollsUntilComplete > 0 ? 'InProgress' : 'JobComplete'),
		};
	});
}

function createJob(req: SfRequest): SfResponse {
	const body = (req.body ?? {}) as { operation?: string; query?: string };
	if (body.operation !== 'query' && body.operation !== 'queryAll') {
		return sfError(400, 'INVALIDJOB', `Invalid operation: ${String(body.operation)}`);
	}
	let object: string;
	try {
		object = parseQuery(String(body.query ?? '')).sObject ?? '';
	} catch {
		return sfError(400, 'INVALIDJOB', 'Invalid query: the SOQL could not be parsed');
	}
	const type = req.org.schema.get(object);
	if (!type)
		return sfError(400, 'INVALIDJOB', `Invalid query: sObject type '${object}' is not supported.`);
	const job: QueryJob = {
		id: makeId('750', ++jobSequence),
		operation: body.operation,
		object: type.name,
		query: String(body.query),
		createdById: req.session?.userId ?? '',
		createdDate: req.org.clock.now(),
		apiVersion: Number(req.version),
		pollsUntilComplete: 1,
	};
	jobs(req.org).set(job.id, job);
	return { status: 200, body: jobInfo(job, 'UploadComplete') };
}

function jobInfo(job: QueryJob, state: string): Record<string, unknown> {
	return {
		id: job.id,
		operation: job.operation,
		object: job.object,
		createdById: job.createdById,
		createdDate: formatDateTime(job.createdDate),
		systemModstamp: formatDateTime(job.createdDate),
		state,
		concurrencyMode: 'Parallel',
		contentType: 'CSV',
		apiVersion: job.apiVersion,
		lineEnding: 'LF',
		columnDelimiter: 'COMMA',
	};
}
