import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import {
	demoCredentials,
	exampleWorkflows,
	LEAD_EXTERNAL_ID_FIELD,
	prepareOrgForExamples,
	withAuthentication,
} from './support/e2e-env';
import { nodeOutput, type N8nInstance } from './support/n8n-instance';
import { WorkflowExecutions, type ReadExecution } from './support/n8n-executions';
import { queueModeN8n, type QueueModeN8n } from './support/n8n-queue';
import { N8nRestClient } from './support/n8n-rest';
import {
	BURST_UPSERT_NODE,
	burstCredential,
	burstKey,
	burstOf,
	burstWorkflow,
	endSessionsAfter,
	fireBurst,
	peakRssMb,
	refusedTokenRequests,
	type Burst,
} from './support/queue-burst';

// n8n 2.x in queue mode (scripts/e2e-queue.sh: `./run e2e:queue`): Postgres, Redis, one main and two
// workers, the packed package installed in each. The lead-upsert example runs on a worker with the
// same result as in one process; then, for each credential kind, 20 webhook executions started at
// once, spread over both workers, each upsert 200 leads with the same credential: every lead is
// written once, and the token requests the 20 spend are counted. OAuth2 runs with refresh-token
// rotation on and every session ended in the middle of the burst; afterwards the stored credential
// still works without a reconnect.

const LEADS_EXAMPLE = 'upsert-leads-by-external-id.json';
const LEADS_ID = 'e2eQueueLeads001';
const LEAD_COUNT = 500;
const LEAD_KEY_PREFIX = 'crm-lead-';
const UPSERT_NODE = 'Create or Update Leads';

const BURST_EXECUTIONS = 20;
const LEADS_PER_EXECUTION = 200;
/** In this order: client credentials, JWT, then OAuth2 with rotation on and the sessions ended mid-run. */
const BURSTS = (['clientCredentials', 'jwt', 'oAuth2'] as const).map(burstOf);

/** Reads "Worker started execution 12 (job 3)" from each worker's log: execution id to worker (1-based). */
function workerOfExecutions(workers: N8nInstance[]): Map<string, number> {
	const ran = new Map<string, number>();
	workers.forEach((worker, i) => {
		for (const match of worker.log.matchAll(/Worker started execution (\d+) \(job/g))
			ran.set(match[1], i + 1);
	});
	return ran;
}

describe('n8n queue mode: Postgres, Redis, one main and two workers', () => {
	let t: TestOrg;
	let cluster: QueueModeN8n;
	let rest: N8nRestClient;
	const figures: string[] = [];
	const t0 = Date.now();
	const note = (line: string) => {
		const entry = `[+${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`;
		figures.push(entry);
		process.stderr.write(`queue.e2e ${entry}\n`);
	};

	beforeAll(async () => {
		t = await startTestOrg({ cases: 0 });
		prepareOrgForExamples(t);
		cluster = await queueModeN8n(2);
		note(
			`Postgres on ${cluster.postgres.port}, Redis on ${cluster.redis.port}, package installed in ${cluster.root}`,
		);
		const { main } = cluster;
		// Refresh-token rotation on, as security-minded orgs set their connected apps.
		t.org.sessions.rotateRefreshTokens = true;
		await main.importCredentials([
			...(await demoCredentials(t)),
			...(await Promise.all(BURSTS.map((b) => burstCredential(t, b)))),
		]);
		const example = exampleWorkflows()[LEADS_EXAMPLE];
		if (!example) throw new Error(`test/workflows/${LEADS_EXAMPLE} is missing`);
		await main.importWorkflows([
			withAuthentication(example, 'clientCredentials', LEADS_ID),
			...BURSTS.map((b) => burstWorkflow(b, LEADS_PER_EXECUTION)),
		]);
		for (const b of BURSTS) await main.activateWorkflow(b.workflowId);
		note('credentials and workflows imported into Postgres, the webhook workflows published');
		await cluster.start();
		note(
			`main on ${main.url}, workers' health on ${cluster.workers.map((w) => w.port).join(', ')}: all ready`,
		);
		rest = new N8nRestClient(main.url);
		await rest.signInAsOwner();
	});

	afterAll(async () => {
		if (cluster) {
			const peaks = cluster.workers.map((w) => peakRssMb(w.pid) ?? '?');
			note(`peak memory (RSS) per worker: ${peaks.join(' MB, ')} MB`);
		}
		if (figures.length > 0) process.stderr.write(`queue.e2e:\n  ${figures.join('\n  ')}\n`);
		await cluster?.dispose();
		await t?.close();
	});

	/** The failure message with each process's last lines. */
	function diagnosed(error: unknown): Error {
		const message = error instanceof Error ? error.message : String(error);
		const tails = [cluster.main, ...cluster.workers]
			.map((p, i) => `--- ${i === 0 ? 'main' : `worker ${i}`} ---\n${p.tail(30)}`)
			.join('\n');
		return new Error(`${message}\n\n${tails}`);
	}

	/** Polls n8n's executions of `workflowId` until `done` says the ones read (finished) are all. */
	async function finishedExecutions(
		workflowId: string,
		done: (read: Map<string, ReadExecution>) => boolean,
		what: string,
		timeoutMs = 120_000,
	): Promise<ReadExecution[]> {
		const executions = new WorkflowExecutions(cluster.main, rest, workflowId);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			await executions.collect();
			if (done(executions.read)) return [...executions.read.values()];
			if (Date.now() > deadline)
				throw diagnosed(
					new Error(
						`${what} not finished within ${timeoutMs / 1000} s (${executions.read.size} finished executions of ${workflowId})`,
					),
				);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	describe('the lead-upsert example', () => {
		const importedLeads = () =>
			t.org.store
				.rows('Lead')
				.filter((l) => String(l[LEAD_EXTERNAL_ID_FIELD] ?? '').startsWith(LEAD_KEY_PREFIX));

		/** "Execute workflow" as the editor sends it (REST), run on a worker; the execution and the API calls it spent. */
		async function runOnWorker() {
			const before = t.org.counters.apiCalls;
			const { executionId } = await rest.ok<{ executionId: string }>(
				'POST',
				`/rest/workflows/${LEADS_ID}/run`,
				{ triggerToStartFrom: { name: 'Start Manually' } },
			);
			const id = String(executionId);
			const all = await finishedExecutions(LEADS_ID, (read) => read.has(id), `execution ${id}`);
			const execution = all.find((e) => e.id === id);
			if (!execution) throw diagnosed(new Error(`execution ${id} was not listed`));
			return { execution, apiCalls: t.org.counters.apiCalls - before };
		}

		it('runs on a worker, and gives what one process gives', async () => {
			// First run, on a worker: creates the 500 leads.
			const first = await runOnWorker();
			const worker = workerOfExecutions(cluster.workers).get(first.execution.id);
			note(
				`example run 1: execution ${first.execution.id} (${first.execution.mode}) on worker ${worker ?? '?'}, ${first.execution.status}, ${first.apiCalls} API calls`,
			);
			if (first.execution.status !== 'success') throw diagnosed(new Error(first.execution.error));
			expect(worker).toBeDefined();
			const created = first.execution.items[UPSERT_NODE];
			expect(created).toHaveLength(LEAD_COUNT);
			expect(created.every((r) => r.success === true && r.created === true)).toBe(true);
			const leads = importedLeads();
			expect(leads).toHaveLength(LEAD_COUNT);
			expect(new Set(created.map((r) => r.id))).toEqual(new Set(leads.map((l) => l.Id)));
			expect(
				leads.find((l) => l[LEAD_EXTERNAL_ID_FIELD] === `${LEAD_KEY_PREFIX}0001`),
			).toMatchObject({ FirstName: 'Ava', LastName: 'Schmidt', Company: 'Northwind Traders' });

			// Second run in one process (`n8n execute` runs in the process itself, on the same Postgres).
			const before = t.org.counters.apiCalls;
			const single = await cluster.main.execute(LEADS_ID);
			const singleCalls = t.org.counters.apiCalls - before;
			expect(single.data.resultData.error).toBeUndefined();
			const singleItems = nodeOutput(single, UPSERT_NODE);

			// Third run, on a worker again: the same items as the one-process run, and the same API
			// calls (a run from the editor is a manual execution, which always describes).
			const third = await runOnWorker();
			const thirdWorker = workerOfExecutions(cluster.workers).get(third.execution.id);
			note(
				`example: one-process run ${singleCalls} API calls; run 3 execution ${third.execution.id} on worker ${thirdWorker ?? '?'}, ${third.apiCalls} API calls`,
			);
			expect(third.execution.status).toBe('success');
			expect(thirdWorker).toBeDefined();
			expect(third.execution.items[UPSERT_NODE]).toEqual(singleItems);
			expect(singleItems.every((r) => r.success === true && r.created === false)).toBe(true);
			expect(new Set(singleItems.map((r) => r.id))).toEqual(new Set(created.map((r) => r.id)));
			expect(third.apiCalls).toBe(singleCalls);
			expect(importedLeads()).toHaveLength(LEAD_COUNT);
		});
	});

	describe(`${BURST_EXECUTIONS} executions at once with one credential, per credential kind`, () => {
		const leadsOf = (burst: Burst) =>
			t.org.store
				.rows('Lead')
				.filter((l) => String(l[LEAD_EXTERNAL_ID_FIELD] ?? '').startsWith(burst.keyPrefix));
		const grantsSince = (burst: Burst, before: Record<string, number>) =>
			(t.org.counters.tokenRequestsByGrant[burst.grant] ?? 0) - (before[burst.grant] ?? 0);

		/** Fires the burst's runs at once; checks every answer, execution and lead; gives the figures. */
		async function burst(b: Burst, runs: number[], endSessionsMidRun = false) {
			const before = t.org.counters.snapshot();
			const logFrom = t.org.counters.log.length;
			// Each execution makes 1 or 2 API calls (an upsert, and a describe where its worker has
			// none kept): end the sessions about halfway.
			const ending = endSessionsMidRun ? endSessionsAfter(t, runs.length / 2) : undefined;
			const { answers, seconds } = await fireBurst(cluster.main, b, runs);
			const ended = ending?.stop() ?? false;
			const after = t.org.counters.snapshot();
			const expected = runs.length + (finished.get(b.workflowId) ?? 0);
			const executions = (
				await finishedExecutions(
					b.workflowId,
					(read) => read.size >= expected,
					`${runs.length} executions (${b.authentication})`,
				)
			).filter((e) => !seen.has(e.id));
			for (const e of executions) seen.add(e.id);
			finished.set(b.workflowId, expected);
			const ranOn = workerOfExecutions(cluster.workers);
			const perWorker = cluster.workers.map(
				(_, i) => executions.filter((e) => ranOn.get(e.id) === i + 1).length,
			);
			const figures = {
				seconds,
				perWorker,
				apiCalls: after.apiCalls - before.apiCalls,
				describes: after.apiCallsByKind.describe - before.apiCallsByKind.describe,
				tokenRequests: after.tokenRequests - before.tokenRequests,
				grants: grantsSince(b, before.tokenRequestsByGrant),
				refused: refusedTokenRequests(t, logFrom),
				ended,
			};

			const failed = answers.filter((a) => a.status !== 200);
			if (failed.length > 0)
				throw diagnosed(new Error(`webhook answers: ${JSON.stringify(failed.slice(0, 3))}`));
			expect(executions.map((e) => e.status)).toEqual(runs.map(() => 'success'));
			expect(executions.every((e) => e.mode === 'webhook' && ranOn.has(e.id))).toBe(true);
			// Each answer is its run's summary: every lead written and succeeded.
			expect(answers.map((a) => a.body?.run)).toEqual(runs);
			for (const a of answers)
				expect(a.body).toMatchObject({
					written: LEADS_PER_EXECUTION,
					succeeded: LEADS_PER_EXECUTION,
				});
			// In the org: each key once, each lead created by one execution, as n8n reports it.
			const leads = leadsOf(b).filter((l) =>
				runs.some((run) => String(l[LEAD_EXTERNAL_ID_FIELD]).startsWith(`${b.keyPrefix}${run}-`)),
			);
			expect(leads).toHaveLength(runs.length * LEADS_PER_EXECUTION);
			const keys = new Set(leads.map((l) => String(l[LEAD_EXTERNAL_ID_FIELD])));
			for (const run of runs)
				for (let n = 1; n <= LEADS_PER_EXECUTION; n++)
					expect(keys.has(burstKey(b, run, n))).toBe(true);
			const upserted = executions.flatMap((e) => e.items[BURST_UPSERT_NODE] ?? []);
			expect(upserted).toHaveLength(runs.length * LEADS_PER_EXECUTION);
			expect(upserted.every((r) => r.success === true && r.created === true)).toBe(true);
			expect(new Set(upserted.map((r) => r.id))).toEqual(new Set(leads.map((l) => l.Id)));
			// Every token request was this kind's renewal.
			expect(figures.grants).toBe(figures.tokenRequests);
			// Each worker describes Lead once for this credential, whatever the number of executions
			// (those that start together share it); every other call is an upsert, one per execution.
			expect(figures.describes).toBeLessThanOrEqual(cluster.workers.length);
			expect(figures.apiCalls - figures.describes).toBe(runs.length);
			return figures;
		}
		const finished = new Map<string, number>();
		const seen = new Set<string>();
		const allRuns = Array.from({ length: BURST_EXECUTIONS }, (_, i) => i + 1);
		const describeFigures = (
			b: Burst,
			f: Awaited<ReturnType<typeof burst>>,
			what = `${BURST_EXECUTIONS} executions x ${LEADS_PER_EXECUTION} leads`,
		) =>
			`${b.authentication}: ${what} answered in ${f.seconds.toFixed(1)} s; executions per worker ${f.perWorker.join(' + ')}; ${f.apiCalls} API calls (${f.describes} describes); ${f.tokenRequests} token requests (${b.grant}), ${f.refused} refused${f.ended ? '; sessions ended mid-run' : ''}`;

		it.each(BURSTS.filter((b) => b.authentication !== 'oAuth2'))(
			'$authentication: spread over both workers, every lead written once; the stored session serves the next execution',
			async (b) => {
				const f = await burst(b, allRuns);
				note(describeFigures(b, f));
				expect(f.perWorker.every((n) => n > 0)).toBe(true);
				// No session before: at least one login, at most one per execution (those that start
				// before the first has stored its session each log in; their sessions all stay valid).
				expect(f.tokenRequests).toBeGreaterThanOrEqual(1);
				expect(f.tokenRequests).toBeLessThanOrEqual(BURST_EXECUTIONS);
				expect(f.refused).toBe(0);
				// The session stored last is valid: the next execution logs in no more.
				const next = await burst(b, [BURST_EXECUTIONS + 1]);
				note(describeFigures(b, next, 'the next execution'));
				expect(next.tokenRequests).toBe(0);
				// Its worker kept the describe: one call for 200 upserts.
				expect([next.describes, next.apiCalls]).toEqual([0, 1]);
			},
		);

		it('oAuth2 with refresh-token rotation and the sessions ended mid-run: every lead written once; the stored credential works without a reconnect', async () => {
			const b = BURSTS.find((x) => x.authentication === 'oAuth2')!;
			expect(t.org.sessions.rotateRefreshTokens).toBe(true);
			const f = await burst(b, allRuns, true);
			note(describeFigures(b, f));
			expect(f.ended).toBe(true);
			expect(f.perWorker.every((n) => n > 0)).toBe(true);
			// The ended session was renewed: at least one refresh, at most one per execution.
			expect(f.tokenRequests).toBeGreaterThanOrEqual(1);
			expect(f.tokenRequests).toBeLessThanOrEqual(BURST_EXECUTIONS);
			// Later, with the sessions ended again: one refresh with the refresh token stored last
			// (rotated during the burst), and the execution succeeds, no reconnect needed.
			t.org.sessions.expireAll();
			const next = await burst(b, [BURST_EXECUTIONS + 1]);
			note(describeFigures(b, next, 'the next execution, sessions ended before it'));
			expect(next.tokenRequests).toBe(1);
			expect(next.refused).toBe(0);
		});
	});
});
