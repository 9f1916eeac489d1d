import type { IDataObject } from 'n8n-workflow';

import { csvRecords } from '../bulk/csv';
import type { SalesforceConnection } from '../transport/connection';
import {
	createQueryJob,
	deleteQueryJob,
	queryJobInfo,
	queryJobResults,
} from '../transport/salesforceApi';
import { SalesforceApiError } from '../transport/salesforceErrors';
import { bulkBackfillQuery, type CaseQueryPlan } from './caseQuery';
import type { ClosedCaseSource, Keyset, StampedCase } from './closureCursor';
import { stampOf, type SoqlClosedCaseSource } from './soqlCaseSource';

/**
 * The backfill of Case Closed through one Bulk API 2.0 query job instead of a REST query per poll.
 * The job reads every closed case of the span once, in the cursor's (ClosedDate, Id) order; each
 * poll reads the next set of its results (`maxRecords` = the poll's maximum, from the stored
 * `Sforce-Locator`), so a poll holds at most Max Cases per Poll cases. The job and the locator are
 * kept with the cursor in the workflow's static data and stored only when the poll is: a restart
 * between polls goes on from the stored locator. The locator kept is that of the set holding the
 * first case after the cursor (Salesforce keeps a locator valid while the job exists, so a set can be
 * read again), and the cases up to the cursor's keyset are skipped in it. A job that no longer exists
 * (deleted, expired after 7 days) is created again from the cursor's keyset. Live polls use REST.
 */

/** The job of the running backfill (`closedCasesImport.job` in static data). */
export interface BulkJobState extends IDataObject {
	id: string;
	/** The backfill's span the job reads. */
	from: number;
	to: number;
	/** The set of results to read next: null for the first set. */
	locator: string | null;
	/** Every set has been read. */
	exhausted: boolean;
	/** Salesforce reported the job JobComplete. */
	complete: boolean;
}

/** The job exists but Salesforce has not finished it: the poll emits nothing and looks again next time. */
export class BulkJobPending extends Error {
	constructor(readonly jobId: string) {
		super(`The Bulk API job ${jobId} is still running`);
	}
}

/** The job Failed or was Aborted in Salesforce. */
export class BulkJobFailed extends Error {
	constructor(
		readonly jobId: string,
		readonly state: string,
		readonly reason: string,
	) {
		super(`The Bulk API job ${jobId} ${state === 'Aborted' ? 'was aborted' : 'failed'}: ${reason}`);
	}
}

interface PageRead {
	locator: string | null;
	/** The Ids of the set's cases, in order. */
	ids: string[];
	/** The locator of the set after it (null: none). */
	next: string | null;
}

export class BulkClosedCaseSource implements ClosedCaseSource<IDataObject> {
	private answeredAt: number | undefined;
	private read: PageRead[] = [];
	/** The last answer reached the end of the job's results. */
	private exhausted = false;

	constructor(
		private readonly sf: SalesforceConnection,
		private readonly plan: CaseQueryPlan,
		private readonly rest: SoqlClosedCaseSource,
		/** The stored job (mutated as the poll reads; store `position(...)` with the cursor). */
		public job: BulkJobState | null,
	) {}

	async backfill(
		from: number,
		to: number,
		after: Keyset | null,
		limit: number,
	): Promise<Array<StampedCase<IDataObject>>> {
		if (!this.job || this.job.from !== from || this.job.to !== to)
			await this.start(from, to, after);
		let job = await this.completed(this.job!);
		this.exhausted = job.exhausted;
		if (job.exhausted) return [];
		let out: Array<StampedCase<IDataObject>> = [];
		let locator = job.locator;
		let recreated = false;
		for (;;) {
			const set = await unlessGone(queryJobResults(this.sf, job.id, locator, limit));
			if (set === GONE) {
				// The job is gone (deleted, or expired): once, a new job from the cursor's keyset.
				if (recreated) throw new Error(`The Bulk API job ${job.id} disappeared as it was read`);
				recreated = true;
				await this.start(from, to, after);
				job = await this.completed(this.job!);
				// What the old job gave this poll is read again from the new one.
				locator = null;
				out = [];
				this.read = [];
				continue;
			}
			this.answeredAt ??= this.sf.transport.lastServerTime;
			const rows = csvRecords(set.csv);
			// Cases up to the cursor's keyset were read by an earlier poll: skip through it.
			const through = after ? rows.findIndex((r) => r.Id === after.id) : -1;
			for (const row of rows.slice(through + 1)) {
				if (out.length >= limit) break;
				// The queue rule needs the owner history, read with the details (accepted there).
				out.push({
					stamp: stampOf(row as IDataObject),
					record: row as IDataObject,
					accepted: true,
				});
			}
			this.read.push({ locator, ids: rows.map((r) => String(r.Id)), next: set.nextLocator });
			// One set per poll: a set read again after a poll that stopped partway answers short.
			const taken = Math.min(rows.length - through - 1, limit);
			this.exhausted = set.nextLocator === null && taken === rows.length - through - 1;
			if (out.length > 0 || set.nextLocator === null) break;
			locator = set.nextLocator;
		}
		return out;
	}

	backfillExhausted(): boolean {
		return this.exhausted;
	}

	live(since: number): AsyncIterable<Array<StampedCase<IDataObject>>> {
		return this.rest.live(since);
	}

	orgTime(): number {
		return this.answeredAt ?? this.rest.orgTime();
	}

	/**
	 * The job to store once the cursor's backfill keyset is `keyset`: the set holding the first case
	 * after it (read again, skipping through the keyset), or exhausted.
	 */
	position(keyset: Keyset | null | 'done'): BulkJobState | null {
		if (!this.job || this.read.length === 0) return this.job;
		if (keyset === 'done') return { ...this.job, exhausted: true, locator: null };
		// The sets are in the cursor's order: the keyset's case is in one of them, or before them all.
		const i = keyset ? this.read.findIndex((p) => p.ids.includes(keyset.id)) : -1;
		if (i < 0) return { ...this.job, locator: this.read[0].locator, exhausted: false };
		const set = this.read[i];
		if (set.ids[set.ids.length - 1] !== keyset!.id)
			return { ...this.job, locator: set.locator, exhausted: false };
		return { ...this.job, locator: set.next, exhausted: set.next === null };
	}

	/** Deletes the job (done, or given up); a job already gone is fine. */
	async deleteJob(): Promise<void> {
		if (!this.job) return;
		const id = this.job.id;
		this.job = null;
		await unlessGone(deleteQueryJob(this.sf, id));
	}

	private async start(from: number, to: number, keyset: Keyset | null): Promise<void> {
		if (this.job) await this.deleteJob();
		const info = await createQueryJob(this.sf, bulkBackfillQuery(this.plan, from, to, keyset));
		this.job = { id: info.id, from, to, locator: null, exhausted: false, complete: false };
	}

	/** The job once Salesforce reports it JobComplete; `BulkJobPending` or `BulkJobFailed` otherwise. */
	private async completed(job: BulkJobState): Promise<BulkJobState> {
		if (job.complete) return job;
		const info = await queryJobInfo(this.sf, job.id);
		if (info.state === 'Failed' || info.state === 'Aborted')
			throw new BulkJobFailed(job.id, info.state, info.errorMessage ?? info.state);
		if (info.state !== 'JobComplete') throw new BulkJobPending(job.id);
		this.job = { ...job, complete: true };
		return this.job;
	}
}

const GONE = Symbol('gone');

/** The answer, or GONE when Salesforce answers 404 (a job deleted, or expired). */
async function unlessGone<T>(request: Promise<T>): Promise<T | typeof GONE> {
	let failure: unknown;
	try {
		return await request;
	} catch (e) {
		failure = e;
	}
	if (failure instanceof SalesforceApiError && failure.statusCode === 404) return GONE;
	throw failure;
}
