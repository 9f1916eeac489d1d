import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import {
	CREDENTIAL_TYPES,
	demoCredentials,
	exampleWorkflows,
	LEAD_EXTERNAL_ID_FIELD,
	NODE_TYPES,
	prepareOrgForExamples,
	withAuthentication,
	type WorkflowJson,
} from './support/e2e-env';
import { credentialData } from '../connection/credentialData';
import { nodeOutput, type N8nInstance } from './support/n8n-instance';
import { WorkflowExecutions, type ReadExecution } from './support/n8n-executions';
import { queueModeN8n, type QueueModeN8n } from './support/n8n-queue';
import { N8nRestClient } from './support/n8n-rest';

// n8n 2.x in queue mode (scripts/e2e-queue.sh: `./run e2e:queue`): Postgres, Redis, one main and two
// workers, the packed package installed in each. The lead-upsert example runs on a worker with the
// same result as in one process; then 20 webhook executions started at once, spread over both
// workers, each upsert 200 leads with the same client-credentials credential: every lead is written
// once, and the token requests the 20 spend are counted.

const LEADS_EXAMPLE = 'upsert-leads-by-external-id.json';
const LEADS_ID = 'e2eQueueLeads001';
const LEAD_COUNT = 500;
const LEAD_KEY_PREFIX = 'crm-lead-';
const UPSERT_NODE = 'Create or Update Leads';

const BURST_ID = 'e2eQueueBurst001';
const BURST_PATH = 'queue-e2e-leads';
const BURST_EXECUTIONS = 20;
const LEADS_PER_EXECUTION = 200;
const BURST_KEY_PREFIX = 'queue-';
/** The burst's own client-credentials credential: no session cached in it before the burst. */
const BURST_CREDENTIAL = {
	id: 'sfQueueBurstCc01',
	name: 'Sandbox org (client credentials, burst)',
};

/** Reads "Worker started execution 12 (job 3)" from each worker's log: execution id to worker (1-based). */
function workerOfExecutions(workers: N8nInstance[]): Map<string, number> {
	const ran = new Map<string, number>();
	workers.forEach((worker, i) => {
		for (const match of worker.log.matchAll(/Worker started execution (\d+) \(job/g))
			ran.set(match[1], i + 1);
	});
	return ran;
}

/** A Webhook (POST {run}) that makes 200 leads keyed by the run, upserts them, and answers with a summary. */
function burstWorkflow(): WorkflowJson {
	const generate = `const run = Number($json.body.run);
return Array.from({ length: ${LEADS_PER_EXECUTION} }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { json: {
    ${LEAD_EXTERNAL_ID_FIELD}: \`${BURST_KEY_PREFIX}\${run}-\${n}\`,
    LastName: \`Burst \${run}-\${n}\`,
    Company: 'Queue Mode Test',
    Email: \`lead.\${run}.\${n}@queue.example\`,
  } };
});`;
	const summarize = `const results = $input.all().map((i) => i.json);
return [{ json: {
  run: Number($('Webhook').first().json.body.run),
  executionId: $execution.id,
  written: results.length,
  succeeded: results.filter((r) => r.success === true).length,
} }];`;
	return {
		id: BURST_ID,
		name: 'Queue mode: 200 leads per webhook call',
		versionId: 'e2eQueueBurst001-v1-0000000000000000',
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '6f1d5a8e-2c1b-4f5e-9a3d-7b2c1e0f9a11',
				parameters: {
					httpMethod: 'POST',
					path: BURST_PATH,
					responseMode: 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
			},
			{
				name: 'Generate 200 Leads',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: generate },
			},
			{
				name: UPSERT_NODE,
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					authentication: 'clientCredentials',
					resource: 'lead',
					operation: 'upsert',
					columns: {
						mappingMode: 'autoMapInputData',
						value: null,
						matchingColumns: [LEAD_EXTERNAL_ID_FIELD],
					},
				},
				credentials: { [CREDENTIAL_TYPES.clientCredentials]: BURST_CREDENTIAL },
			},
			{
				name: 'Summarize',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [660, 0],
				parameters: { jsCode: summarize },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Generate 200 Leads', type: 'main', index: 0 }]] },
			'Generate 200 Leads': { main: [[{ node: UPSERT_NODE, type: 'main', index: 0 }]] },
			[UPSERT_NODE]: { main: [[{ node: 'Summarize', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
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
		await main.importCredentials([
			...(await demoCredentials(t)),
			{
				...BURST_CREDENTIAL,
				type: CREDENTIAL_TYPES.clientCredentials,
				data: await credentialData(t, 'clientCredentials'),
			},
		]);
		const example = exampleWorkflows()[LEADS_EXAMPLE];
		if (!example) throw new Error(`test/workflows/${LEADS_EXAMPLE} is missing`);
		await main.importWorkflows([
			withAuthentication(example, 'clientCredentials', LEADS_ID),
			burstWorkflow(),
		]);
		await main.activateWorkflow(BURST_ID);
		note('credentials and workflows imported into Postgres, the webhook workflow published');
		await cluster.start();
		note(
			`main on ${main.url}, workers' health on ${cluster.workers.map((w) => w.port).join(', ')}: all ready`,
		);
		rest = new N8nRestClient(main.url);
		await rest.signInAsOwner();
	});

	afterAll(async () => {
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

			// Third run, on a worker again: the same items as the one-process run, the same API calls.
			const third = await runOnWorker();
			note(
				`example: one-process run ${singleCalls} API calls; run 3 execution ${third.execution.id} on worker ${workerOfExecutions(cluster.workers).get(third.execution.id) ?? '?'}, ${third.apiCalls} API calls`,
			);
			expect(third.execution.status).toBe('success');
			expect(workerOfExecutions(cluster.workers).get(third.execution.id)).toBeDefined();
			expect(third.execution.items[UPSERT_NODE]).toEqual(singleItems);
			expect(singleItems.every((r) => r.success === true && r.created === false)).toBe(true);
			expect(new Set(singleItems.map((r) => r.id))).toEqual(new Set(created.map((r) => r.id)));
			expect(third.apiCalls).toBe(singleCalls);
			expect(importedLeads()).toHaveLength(LEAD_COUNT);
		});
	});

	describe(`${BURST_EXECUTIONS} executions at once`, () => {
		const burstLeads = () =>
			t.org.store
				.rows('Lead')
				.filter((l) => String(l[LEAD_EXTERNAL_ID_FIELD] ?? '').startsWith(BURST_KEY_PREFIX));

		it('spread over both workers, write every lead once with one credential', async () => {
			const before = t.org.counters.snapshot();
			const started = Date.now();
			const answers = await Promise.all(
				Array.from({ length: BURST_EXECUTIONS }, async (_, i) => {
					const res = await fetch(`${cluster.main.url}/webhook/${BURST_PATH}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ run: i + 1 }),
					});
					return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
				}),
			);
			const seconds = (Date.now() - started) / 1000;
			const after = t.org.counters.snapshot();
			const executions = await finishedExecutions(
				BURST_ID,
				(read) => read.size >= BURST_EXECUTIONS,
				`${BURST_EXECUTIONS} executions`,
			);
			const ranOn = workerOfExecutions(cluster.workers);
			const perWorker = cluster.workers.map(
				(_, i) => executions.filter((e) => ranOn.get(e.id) === i + 1).length,
			);
			const tokenRequests = after.tokenRequests - before.tokenRequests;
			const apiCalls = after.apiCalls - before.apiCalls;
			const byKind = Object.entries(after.apiCallsByKind)
				.map(([k, v]) => [k, v - before.apiCallsByKind[k as keyof typeof before.apiCallsByKind]])
				.filter(([, v]) => v !== 0);
			note(
				`burst: ${BURST_EXECUTIONS} webhook calls answered in ${seconds.toFixed(1)} s; executions per worker ${perWorker.join(' + ')}; ${apiCalls} API calls ${JSON.stringify(Object.fromEntries(byKind))}; ${tokenRequests} token requests (client credentials) for ${BURST_EXECUTIONS} executions`,
			);

			const failed = answers.filter((a) => a.status !== 200);
			if (failed.length > 0)
				throw diagnosed(new Error(`webhook answers: ${JSON.stringify(failed.slice(0, 3))}`));
			expect(executions.filter((e) => e.status === 'success')).toHaveLength(BURST_EXECUTIONS);
			expect(executions.every((e) => e.mode === 'webhook')).toBe(true);
			// Every execution ran on a worker, and both workers took some.
			expect(executions.every((e) => ranOn.has(e.id))).toBe(true);
			expect(perWorker.every((n) => n > 0)).toBe(true);
			// Each answer is its run's summary: 200 written, 200 succeeded.
			const summaries = answers.map((a) => a.body as Record<string, unknown>);
			expect(summaries.map((s) => s.run)).toEqual(
				Array.from({ length: BURST_EXECUTIONS }, (_, i) => i + 1),
			);
			for (const s of summaries)
				expect(s).toMatchObject({ written: LEADS_PER_EXECUTION, succeeded: LEADS_PER_EXECUTION });

			// In the org: 4,000 leads, each key once, each created by one execution.
			const leads = burstLeads();
			expect(leads).toHaveLength(BURST_EXECUTIONS * LEADS_PER_EXECUTION);
			const keys = new Set(leads.map((l) => String(l[LEAD_EXTERNAL_ID_FIELD])));
			expect(keys.size).toBe(BURST_EXECUTIONS * LEADS_PER_EXECUTION);
			for (let run = 1; run <= BURST_EXECUTIONS; run++)
				for (let n = 1; n <= LEADS_PER_EXECUTION; n++)
					expect(keys.has(`${BURST_KEY_PREFIX}${run}-${String(n).padStart(3, '0')}`)).toBe(true);
			const upserted = executions.flatMap((e) => e.items[UPSERT_NODE] ?? []);
			expect(upserted).toHaveLength(BURST_EXECUTIONS * LEADS_PER_EXECUTION);
			expect(upserted.every((r) => r.success === true && r.created === true)).toBe(true);
			expect(new Set(upserted.map((r) => r.id))).toEqual(new Set(leads.map((l) => l.Id)));

			// The credential's session: at least one token request, at most one per execution.
			expect(tokenRequests).toBeGreaterThanOrEqual(1);
			expect(tokenRequests).toBeLessThanOrEqual(BURST_EXECUTIONS);
			expect(
				(after.tokenRequestsByGrant.client_credentials ?? 0) -
					(before.tokenRequestsByGrant.client_credentials ?? 0),
			).toBe(tokenRequests);
		});
	});
});
