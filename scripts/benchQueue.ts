// `npm run bench -- --queue` (or `--queue-only`): the queue-mode figures (`queue.*`). Starts n8n
// 2.41.1 in queue mode as `./run e2e:queue` does (test/e2e/support: a throwaway Postgres and Redis,
// one main and the workers, the packed package installed in each) twice, with 1 worker and with 2,
// and fires 20 webhook executions of 1,000 lead upserts each at once with one client-credentials
// credential. On the 2-worker deployment, the same burst with a JWT credential and with an OAuth2
// credential (refresh-token rotation on, every session ended halfway) counts each kind's token
// requests. The sandbox org runs in this process and answers every request after 50 ms, as a real
// org's round trip. Needs Debian's postgresql and redis-server (`./run e2e:queue` installs them).
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';

import { prepareOrgForExamples, type Authentication } from '../test/e2e/support/e2e-env';
import { REPO_ROOT } from '../test/e2e/support/n8n-install';
import type { N8nInstance } from '../test/e2e/support/n8n-instance';
import { queueModeN8n } from '../test/e2e/support/n8n-queue';
import {
	burstCredential,
	burstOf,
	burstWorkflow,
	endSessionsAfter,
	fireBurst,
	peakRssMb,
	refusedTokenRequests,
	type Burst,
} from '../test/e2e/support/queue-burst';
import { startTestOrg, type TestOrg } from '../test/sandbox-org/testing';

const EXECUTIONS = 20;
const LEADS = 1000;
const LATENCY_MS = 50;

type QueueFigures = Record<string, number | null>;

interface BurstFigures {
	seconds: number;
	apiCalls: number;
	tokenRequests: number;
	refused: number;
	perWorker: number[];
	/** The machine's 1-minute load average when the burst started (other jobs skew the wall time). */
	load: number;
}

/** The figure names, all null: what `npm run bench` reports without `--queue`. */
export function queueFiguresSkipped(): QueueFigures {
	return Object.fromEntries(
		[
			'wallSeconds20x1000Upserts1Worker',
			'wallSeconds20x1000Upserts2Workers',
			'speedup2WorkersVs1',
			'apiCalls20x1000Upserts1Worker',
			'apiCalls20x1000Upserts2Workers',
			'tokenRequests20ExecutionsClientCredentials',
			'tokenRequests20ExecutionsJwt',
			'tokenRequests20ExecutionsOAuth2SessionsEndedRotationOn',
			'refusedTokenRequests20ExecutionsOAuth2',
			'peakRssMbWorker1Of1',
			'peakRssMbWorker1Of2',
			'peakRssMbWorker2Of2',
			'cpuCores',
			'loadAverage1mAt1WorkerBurst',
			'loadAverage1mAt2WorkersBurst',
		].map((k) => [k, null]),
	);
}

function runsFrom(first: number): number[] {
	return Array.from({ length: EXECUTIONS }, (_, i) => first + i);
}

async function measureBurst(
	t: TestOrg,
	workers: N8nInstance[],
	main: N8nInstance,
	burst: Burst,
	runs: number[],
	endSessionsMidRun = false,
): Promise<BurstFigures> {
	// The sandbox finds an upsert's match by scanning the table: each burst starts from no leads,
	// so that every burst costs the org the same and the figures compare.
	for (const lead of t.org.store.rows('Lead')) t.org.store.delete('Lead', String(lead.Id));
	const load = Math.round(loadavg()[0] * 10) / 10;
	const before = t.org.counters.snapshot();
	const logFrom = t.org.counters.log.length;
	const started = new Set(workers.flatMap((w) => startedExecutions(w)));
	// Each execution makes 2 API calls (a describe, one upsert request): end the sessions halfway.
	const ending = endSessionsMidRun ? endSessionsAfter(t, runs.length) : undefined;
	const { answers, seconds } = await fireBurst(main, burst, runs);
	ending?.stop();
	const failed = answers.filter((a) => a.status !== 200 || a.body?.succeeded !== LEADS);
	if (failed.length > 0)
		throw new Error(`${burst.authentication} burst: ${JSON.stringify(failed.slice(0, 3))}`);
	const after = t.org.counters.snapshot();
	return {
		seconds: Math.round(seconds * 100) / 100,
		apiCalls: after.apiCalls - before.apiCalls,
		tokenRequests: after.tokenRequests - before.tokenRequests,
		refused: refusedTokenRequests(t, logFrom),
		perWorker: workers.map((w) => startedExecutions(w).filter((id) => !started.has(id)).length),
		load,
	};
}

/** The execution ids a worker's log says it started. */
function startedExecutions(worker: N8nInstance): string[] {
	return [...worker.log.matchAll(/Worker started execution (\d+) \(job/g)].map((m) => m[1]);
}

/** One deployment with `workerCount` workers: the bursts of `kinds`, each with its own runs; the figures and the workers' peak RSS. */
async function deployment(
	t: TestOrg,
	workerCount: number,
	kinds: Authentication[],
	firstRun: number,
	log: (line: string) => void,
): Promise<{ bursts: Partial<Record<Authentication, BurstFigures>>; peakRssMb: number[] }> {
	const bursts = kinds.map(burstOf);
	log(`Queue mode: starting Postgres, Redis, main and ${workerCount} worker(s)...`);
	const cluster = await queueModeN8n(workerCount);
	// Ctrl-C stops the n8n processes, Postgres and Redis too.
	const interrupted = () => void cluster.dispose().finally(() => process.exit(130));
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	try {
		await cluster.main.importCredentials(
			await Promise.all(bursts.map((b) => burstCredential(t, b))),
		);
		await cluster.main.importWorkflows(bursts.map((b) => burstWorkflow(b, LEADS)));
		for (const b of bursts) await cluster.main.activateWorkflow(b.workflowId);
		await cluster.start();
		const figures: Partial<Record<Authentication, BurstFigures>> = {};
		for (const b of bursts) {
			log(`  ${EXECUTIONS} executions x ${LEADS} upserts (${b.authentication})...`);
			const f = await measureBurst(
				t,
				cluster.workers,
				cluster.main,
				b,
				runsFrom(firstRun),
				b.authentication === 'oAuth2',
			);
			log(
				`  ${f.seconds} s, ${f.apiCalls} API calls, ${f.tokenRequests} token requests (${f.refused} refused), executions per worker ${f.perWorker.join(' + ')}, load average ${f.load} on ${availableParallelism()} cores`,
			);
			figures[b.authentication] = f;
		}
		const peaks = cluster.workers.map((w) => peakRssMb(w.pid) ?? NaN);
		return { bursts: figures, peakRssMb: peaks };
	} finally {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		await cluster.dispose();
	}
}

export async function benchQueue(log: (line: string) => void): Promise<QueueFigures> {
	if (!process.env.E2E_PACKAGE_TARBALL) {
		log('Queue mode: building the package (it is packed and installed in each n8n process)...');
		execFileSync('npm', ['run', '--silent', 'build'], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}
	const t = await startTestOrg({ cases: 0 });
	try {
		prepareOrgForExamples(t);
		t.org.sessions.rotateRefreshTokens = true;
		t.org.faults.latencyMs = LATENCY_MS;
		const one = await deployment(t, 1, ['clientCredentials'], 1, log);
		const two = await deployment(t, 2, ['clientCredentials', 'jwt', 'oAuth2'], 101, log);
		const cc1 = one.bursts.clientCredentials!;
		const cc2 = two.bursts.clientCredentials!;
		return {
			wallSeconds20x1000Upserts1Worker: cc1.seconds,
			wallSeconds20x1000Upserts2Workers: cc2.seconds,
			speedup2WorkersVs1: Math.round((cc1.seconds / cc2.seconds) * 100) / 100,
			apiCalls20x1000Upserts1Worker: cc1.apiCalls,
			apiCalls20x1000Upserts2Workers: cc2.apiCalls,
			tokenRequests20ExecutionsClientCredentials: cc2.tokenRequests,
			tokenRequests20ExecutionsJwt: two.bursts.jwt!.tokenRequests,
			tokenRequests20ExecutionsOAuth2SessionsEndedRotationOn: two.bursts.oAuth2!.tokenRequests,
			refusedTokenRequests20ExecutionsOAuth2: two.bursts.oAuth2!.refused,
			peakRssMbWorker1Of1: one.peakRssMb[0],
			peakRssMbWorker1Of2: two.peakRssMb[0],
			peakRssMbWorker2Of2: two.peakRssMb[1],
			cpuCores: availableParallelism(),
			loadAverage1mAt1WorkerBurst: cc1.load,
			loadAverage1mAt2WorkersBurst: cc2.load,
		};
	} finally {
		await t.close();
	}
}
