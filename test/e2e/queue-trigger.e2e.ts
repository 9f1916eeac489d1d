import { createRequire } from 'node:module';
import { join } from 'node:path';

import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import {
	demoCredentials,
	exampleWorkflows,
	withAuthentication,
	type WorkflowJson,
} from './support/e2e-env';
import { LiveTrigger } from './support/live-trigger';
import type { N8nInstance } from './support/n8n-instance';
import { queueModeN8n, type QueueModeN8n } from './support/n8n-queue';
import { N8nRestClient } from './support/n8n-rest';
import { insertRoseCase } from '../sandbox-org/roseCase';
import { triggerNodeOf } from './support/trigger-examples';

// The trigger on main, its executions on the workers (scripts/e2e-queue.sh: `./run e2e:queue`):
// the Case Closed example active in n8n 2.41.1 in queue mode (Postgres, Redis, one main, two
// workers), with a 20-second Wait between the trigger and the prompt, so that an execution is in
// flight on a worker for a while. Cases close before, during and after (a) a restart of main with
// an execution in flight (one closed just before main stops, one while it is down) and (b) a worker
// killed (SIGKILL) in the middle of an execution. Read back from n8n's executions (REST), the
// workers' logs and the org: each closed case emitted by the trigger exactly once, each execution
// run by one worker only, and what n8n does with the execution of the killed worker (measured in
// n8n 2.41.1): it fails it once the worker's job lock expires (Bull's maxStalledCount is 0: no
// other worker runs it again), replaces its data with that error (its case is no longer shown in
// it) and its "Retry" fails the same way with no case; the trigger does not emit the case again.
//
// Polls: n8n allows nothing shorter than a minute per poll time, but a trigger can have several
// poll times: four custom ones, at seconds 0, 15, 30 and 45 of every minute, poll every 15 s.
// The workers' Bull lock (QUEUE_WORKER_LOCK_DURATION 20 s, renewed every 5 s, stalled check every
// 10 s; n8n's defaults are 60, 10 and 30 s) is shortened so that a dead worker's job is noticed
// within the test's budget; n8n's handling is the same with the defaults, only later.

const WORKFLOW_FILE = 'closed-cases-trigger.json';
const WORKFLOW_ID = 'e2eQueueTrigger1';
const TRIGGER = 'Case Closed';
const WAIT = 'Take 20 Seconds';
const CODE = 'Build prompt';
const WAIT_SECONDS = 20;
const POLL_SECONDS = [0, 15, 30, 45];
const LOCK = { duration: 20_000, renew: 5_000, stalledInterval: 10_000 };
/** A poll comes every 15 s; an emission is in an execution shortly after, run 20 s later. */
const EMITTED_WITHIN_MS = 60_000;

/** The example with four poll times, importing nothing, and a 20-second Wait before the prompt. */
function triggerWorkflow(): WorkflowJson {
	const example = exampleWorkflows()[WORKFLOW_FILE];
	if (!example) throw new Error(`test/workflows/${WORKFLOW_FILE} is missing`);
	const workflow = withAuthentication(example, 'clientCredentials', WORKFLOW_ID);
	const trigger = triggerNodeOf(workflow);
	trigger.parameters.importFrom = 'none';
	trigger.parameters.pollTimes = {
		item: POLL_SECONDS.map((s) => ({ mode: 'custom', cronExpression: `${s} * * * * *` })),
	};
	workflow.nodes.push({
		name: WAIT,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [130, 160],
		webhookId: '3c0f7d52-8a51-4d0e-9f5e-2b6a1c9d4e71',
		parameters: { resume: 'timeInterval', amount: WAIT_SECONDS, unit: 'seconds' },
	});
	workflow.connections = {
		[TRIGGER]: { main: [[{ node: WAIT, type: 'main', index: 0 }]] },
		[WAIT]: { main: [[{ node: CODE, type: 'main', index: 0 }]] },
	};
	return workflow;
}

/** One execution as n8n's editor shows it: status, the trigger's items and the prompts. */
interface Execution {
	id: string;
	status: string;
	mode?: string;
	startedAt?: string | null;
	stoppedAt?: string | null;
	/** The cases the trigger emitted into it (its output, or the queued input when it never ran on a worker). */
	cases: string[];
	/** Where the cases were found: the trigger's output in the run data, or the queued start. */
	casesFrom: 'runData' | 'queued' | 'none';
	prompts: string[];
	error?: string;
}

interface StoredRun {
	resultData?: {
		error?: { message: string };
		runData?: Record<
			string,
			Array<{
				error?: { message: string };
				data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
			}>
		>;
	};
	executionData?: {
		nodeExecutionStack?: Array<{
			node: { name: string };
			data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
		}>;
	};
}

/** "Worker started execution 12 (job 3)" in each worker's log: execution id to the workers (1-based) that started it. */
function workersOfExecutions(workers: N8nInstance[]): Map<string, number[]> {
	const ran = new Map<string, number[]>();
	workers.forEach((worker, i) => {
		for (const match of worker.log.matchAll(/Worker started execution (\d+) \(job/g))
			ran.set(match[1], [...(ran.get(match[1]) ?? []), i + 1]);
	});
	return ran;
}

describe('the trigger on main, its executions on workers: a restart of main and a killed worker', () => {
	let t: TestOrg;
	let queue: string;
	let cluster: QueueModeN8n;
	let rest: N8nRestClient;
	let live: LiveTrigger;
	let flatted: { parse(text: string): unknown };
	const t0 = Date.now();
	const names = new Map<string, string>();

	beforeAll(async () => {
		t = await startTestOrg({ cases: 0 });
		queue = t.org.addQueue('Tier 1 Support');
		live = new LiveTrigger(t, 'queue-trigger.e2e');
		cluster = await queueModeN8n(2, {
			subfolder: 'trigger',
			env: {
				QUEUE_WORKER_LOCK_DURATION: String(LOCK.duration),
				QUEUE_WORKER_LOCK_RENEW_TIME: String(LOCK.renew),
				QUEUE_WORKER_STALLED_INTERVAL: String(LOCK.stalledInterval),
			},
		});
		const { main } = cluster;
		flatted = createRequire(join(main.installDir, 'node_modules', 'n8n', 'package.json'))(
			'flatted',
		) as typeof flatted;
		await main.importCredentials(await demoCredentials(t));
		await main.importWorkflows([triggerWorkflow()]);
		await main.activateWorkflow(WORKFLOW_ID);
		live.note(
			`Postgres on ${cluster.postgres.port}, Redis on ${cluster.redis.port}; credentials and the workflow imported and published`,
		);
		const startedAt = Date.now();
		await cluster.start();
		rest = new N8nRestClient(main.url);
		await rest.signInAsOwner();
		live.note(
			`main on ${main.url} (pid ${main.pid}), workers pids ${cluster.workers.map((w) => w.pid).join(', ')}: ready in ${live.elapsed(startedAt)} s`,
		);
		await live.waitForPoll('the activation poll', startedAt, 60_000);
	});

	afterAll(async () => {
		await cluster?.dispose();
		await t?.close();
	});

	/** A case from Rose with her email and the agent's reply, named for the timeline. */
	const newCase = (name: string) => {
		const id = insertRoseCase(t.org, queue, `Printer broken (${name})`);
		names.set(id, name);
		return id;
	};
	const close = (name: string) => {
		const id = newCase(name);
		t.org.store.update('Case', id, { Status: 'Closed' });
		live.note(`closed "${name}"`);
		return id;
	};
	const nameOf = (id: unknown) => names.get(String(id)) ?? `unknown ${String(id)}`;

	/** Every execution of the workflow, read again from n8n (list, then each one's data). */
	async function executions(): Promise<Execution[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
		const list = await rest.ok<{
			results: Array<{ id: string; status: string; mode?: string; startedAt?: string }>;
		}>('GET', `/rest/executions?filter=${filter}&limit=100`);
		const read: Execution[] = [];
		for (const summary of [...list.results].reverse()) {
			const detail = await rest.ok<{
				data: string;
				status: string;
				startedAt?: string | null;
				stoppedAt?: string | null;
			}>('GET', `/rest/executions/${summary.id}`);
			const run = flatted.parse(detail.data) as StoredRun;
			const runData = run.resultData?.runData ?? {};
			const output = runData[TRIGGER]?.[0]?.data?.main[0];
			const queued = run.executionData?.nodeExecutionStack?.find((e) => e.node.name === TRIGGER)
				?.data?.main[0];
			const items = output ?? queued ?? [];
			let error = run.resultData?.error?.message;
			for (const runs of Object.values(runData)) error ??= runs[0]?.error?.message;
			read.push({
				id: summary.id,
				status: detail.status ?? summary.status,
				mode: summary.mode,
				startedAt: detail.startedAt ?? summary.startedAt,
				stoppedAt: detail.stoppedAt,
				cases: items.map((i) => nameOf(i.json.id)),
				casesFrom: output ? 'runData' : queued ? 'queued' : 'none',
				prompts: (runData[CODE]?.[0]?.data?.main[0] ?? []).map((i) => nameOf(i.json.caseId)),
				error,
			});
		}
		return read;
	}

	const describeExecution = (e: Execution, ran: Map<string, number[]>) =>
		`execution ${e.id} (${e.mode ?? '?'}, ${e.status}, worker ${ran.get(e.id)?.join('+') ?? 'none'}, cases from ${e.casesFrom}): ${e.cases.join(', ') || 'no cases'}${e.error ? `; error: ${e.error}` : ''}`;

	/** Each execution's last line in the timeline. */
	const seen = new Map<string, string>();

	/** Reads the executions every 2 s until `done` holds, noting each execution's changes. */
	async function waitFor(
		what: string,
		done: (all: Execution[]) => boolean,
		timeoutMs = EMITTED_WITHIN_MS,
	): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const all = await executions();
			const ran = workersOfExecutions(cluster.workers);
			for (const e of all) {
				const line = describeExecution(e, ran);
				if (seen.get(e.id) !== line) live.note(line);
				seen.set(e.id, line);
			}
			if (done(all)) {
				live.note(`${what}: done`);
				return all;
			}
			if (Date.now() > deadline)
				throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}

	const containing = (all: Execution[], name: string) => all.filter((e) => e.cases.includes(name));
	/** The execution holding `name`, started on a worker (its log says so) and still running. */
	const inFlight = (all: Execution[], name: string) =>
		containing(all, name).find(
			(e) => e.status === 'running' && workersOfExecutions(cluster.workers).has(e.id),
		);
	const succeeded = (all: Execution[], ...cases: string[]) =>
		cases.every((name) => containing(all, name).some((e) => e.status === 'success'));

	/** The failure message with the timeline, the org's last queries and each process's last lines. */
	function diagnosed(error: unknown): Error {
		const base = live.diagnosed(error, cluster.main);
		const workers = cluster.workers
			.map((w, i) => `--- worker ${i + 1} (tail) ---\n${w.tail(40)}`)
			.join('\n');
		return new Error(`${base.message}\n\n${workers}`);
	}

	it('emits each closed case once across a restart of main and a killed worker; the killed execution is failed, not run again, its cases gone from it', async () => {
		const startedAt = Date.now();
		try {
			// Before: one case, its execution in flight on a worker.
			close('before');
			let all = await waitFor('"before" in flight on a worker', (a) => !!inFlight(a, 'before'));
			const first = inFlight(all, 'before');

			// (a) Main restarts with that execution in flight: one case closes just before main stops,
			// one while it is down, one after it is back.
			close('duringMainStop');
			const stopping = Date.now();
			let stoppedIn = 0;
			await cluster.restartMain(async () => {
				stoppedIn = Date.now() - stopping;
				live.note(
					`main stopped in ${(stoppedIn / 1000).toFixed(1)} s (execution ${first?.id} was in flight)`,
				);
				close('whileMainDown');
				await new Promise((r) => setTimeout(r, 2000));
			});
			live.note(`main started again in ${live.elapsed(stopping)} s from the stop`);
			await rest.signInAsOwner();
			close('afterMainRestart');
			all = await waitFor('"before" and the restart\'s three cases emitted and run', (a) =>
				succeeded(a, 'before', 'duringMainStop', 'whileMainDown', 'afterMainRestart'),
			);

			// (b) A worker killed in the middle of an execution: one case in that execution, one closed
			// just after the kill, one once n8n has settled the killed execution.
			close('inKilledExecution');
			all = await waitFor('"inKilledExecution" in flight on a worker', (a) =>
				Boolean(inFlight(a, 'inKilledExecution')),
			);
			const killed = inFlight(all, 'inKilledExecution');
			if (!killed) throw new Error('no execution of "inKilledExecution" in flight');
			const victim = workersOfExecutions(cluster.workers).get(killed.id)?.[0] ?? 0;
			const survivor = victim === 1 ? 2 : 1;
			await new Promise((r) => setTimeout(r, 3000));
			const killedAt = Date.now();
			await cluster.killWorker(victim);
			live.note(`killed worker ${victim} (SIGKILL) during execution ${killed.id}`);
			close('duringKill');
			await waitFor('"duringKill" in flight on the other worker', (a) =>
				Boolean(inFlight(a, 'duringKill')),
			);
			close('afterKill');
			let settledIn = 0;
			all = await waitFor(
				`n8n settles execution ${killed.id} of the killed worker, and "duringKill" and "afterKill" run`,
				(a) => {
					const done = a.some((e) => e.id === killed.id && e.status !== 'running');
					if (done && !settledIn) settledIn = (Date.now() - killedAt) / 1000;
					return done && succeeded(a, 'duringKill', 'afterKill');
				},
				120_000,
			);
			const settled = all.find((e) => e.id === killed.id);
			live.note(
				`the killed worker's execution ${killed.id}: ${settled?.status} within ${settledIn.toFixed(0)} s of the kill`,
			);
			// The editor's "Retry" (with the saved workflow) on it: a new execution, run on a worker.
			const retried = await rest.ok<{ id: string; mode: string; retryOf: string }>(
				'POST',
				`/rest/executions/${killed.id}/retry`,
				{ loadWorkflow: false },
			);
			live.note(`"Retry" of execution ${killed.id}: execution ${retried.id} (${retried.mode})`);

			// One more poll after the last emission, then nothing running: nothing else comes.
			const lastPoll = Date.now();
			await live.waitForPoll('one more poll', lastPoll, 30_000);
			await new Promise((r) => setTimeout(r, 3000));
			all = await waitFor('no execution running', (a) => a.every((e) => e.status !== 'running'));
			const ran = workersOfExecutions(cluster.workers);
			live.note(`all executions:\n  ${all.map((e) => describeExecution(e, ran)).join('\n  ')}`);

			// Each closed case emitted by the trigger exactly once, in one execution (the killed
			// worker's as n8n showed it while it ran: n8n replaces its data when it fails it).
			const emitted = [...killed.cases, ...all.flatMap((e) => e.cases)];
			const counts: Record<string, number> = {};
			for (const name of emitted) counts[name] = (counts[name] ?? 0) + 1;
			expect(counts).toEqual({
				before: 1,
				duringMainStop: 1,
				whileMainDown: 1,
				afterMainRestart: 1,
				inKilledExecution: 1,
				duringKill: 1,
				afterKill: 1,
			});
			// Every execution ran on a worker, and on one worker only: none was run again elsewhere.
			for (const e of all) expect([e.id, ran.get(e.id)?.length]).toEqual([e.id, 1]);
			// (a) Main waited for the execution in flight, which a worker finished: its cases reached the prompt.
			expect(all.find((e) => e.id === first?.id)).toMatchObject({ status: 'success' });
			// (b) The killed worker's execution held its case while it ran; n8n then marks it failed
			// (Bull's stalled job), does not run it again, and keeps no data of it but the error.
			expect(killed.cases).toEqual(['inKilledExecution']);
			expect(settled).toMatchObject({ status: 'error', cases: [], casesFrom: 'none', prompts: [] });
			expect(settled?.error).toMatch(/failed to be processed too many times/);
			expect(ran.get(killed.id)).toEqual([victim]);
			// Its "Retry" brings nothing back: it runs on a worker and fails the same way, with no case.
			const retry = all.find((e) => e.id === String(retried.id));
			expect(retry).toMatchObject({ mode: 'retry', status: 'error', cases: [], prompts: [] });
			expect(retry?.error).toMatch(/failed to be processed too many times/);
			// Every other execution succeeded, and its cases reached the prompt.
			for (const e of all.filter((x) => x.id !== killed.id && x.id !== retry?.id)) {
				expect([e.id, e.status]).toEqual([e.id, 'success']);
				expect(e.prompts).toEqual(e.cases);
			}
			// After the kill, the executions ran on the surviving worker.
			for (const e of all.filter((x) => Number(x.id) > Number(killed.id)))
				expect([e.id, ran.get(e.id)]).toEqual([e.id, [survivor]]);
			live.note(
				`passed in ${live.elapsed(startedAt)} s (${live.elapsed(t0)} s with setup); main's stop waited ${(stoppedIn / 1000).toFixed(1)} s`,
			);
		} catch (error) {
			throw diagnosed(error);
		}
	});
});
