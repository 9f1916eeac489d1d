// `npm start [-- --port N --n8n-port N --seed S --cases N --sandbox-only --queue]`: the package's main job.
// Starts the sandbox Salesforce org with demo data and a real n8n (2.41.1, downloaded into
// .cache/n8n on the first run) with this package installed as the editor installs community
// nodes, a credential of each kind pointing at the org, and the example workflows from
// test/workflows; the closed-case trigger workflow is active. Prints the editor URL and login.
// With --queue, n8n runs in queue mode (scripts/start-queue.ts): Postgres, Redis, a main process
// and two workers; it prints each process (pid, port, role) and which worker runs each execution.

import { rmSync } from 'node:fs';
import { join } from 'node:path';

import {
	curlExamples,
	parseLaunchArgs,
	summaryText,
	UsageError,
	usage,
} from '../test/sandbox-org/demo/launch';
import { startLiveClosings } from '../test/sandbox-org/demo/live-closings';
import { startTestOrg, type TestOrg } from '../test/sandbox-org/testing';
import {
	DEMO_CREDENTIALS,
	demoCredentials,
	exampleWorkflows,
	NODE_TYPES,
	prepareOrgForExamples,
	type WorkflowJson,
} from '../test/e2e/support/e2e-env';
import { N8nInstance } from '../test/e2e/support/n8n-instance';
import {
	ensureN8n,
	installPackageLikeEditor,
	N8N_VERSIONS,
	packPackage,
	REPO_ROOT,
} from '../test/e2e/support/n8n-install';
import { N8nRestClient, OWNER } from '../test/e2e/support/n8n-rest';
import {
	ensureQueueServices,
	isDetachedQueueDemo,
	onParentGone,
	runQueueDemoDetached,
	startQueueDemo,
	type QueueDemo,
} from './start-queue';

const COMMAND = 'npm start --';
const DEFAULT_N8N_PORT = 5678;
/** How often an agent of the demo org closes a case while the demo runs. */
const LIVE_CLOSING_EVERY_MS = 30_000;

function log(line: string): void {
	process.stdout.write(`${line}\n`);
}

/** Our own flags, then the sandbox org's (--port --seed --cases --json) as `npm run sandbox` reads them. */
function parseStartArgs(args: string[]) {
	const rest: string[] = [];
	let n8nPort = DEFAULT_N8N_PORT;
	let sandboxOnly = false;
	let queue = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--sandbox-only') sandboxOnly = true;
		else if (arg === '--queue') queue = true;
		else if (arg === '--n8n-port' || arg.startsWith('--n8n-port=')) {
			const value = arg.includes('=') ? arg.split('=')[1] : args[++i];
			if (!/^\d+$/.test(value ?? '') || Number(value) > 65535)
				throw new UsageError(`--n8n-port must be a port number, got "${value ?? ''}"`);
			n8nPort = Number(value);
		} else rest.push(arg);
	}
	const sandbox = parseLaunchArgs(rest, { cases: 200 });
	if (queue && sandboxOnly) throw new UsageError('--queue and --sandbox-only cannot go together');
	return { sandbox, n8nPort, sandboxOnly, queue };
}

function helpText(): string {
	return [
		usage(COMMAND, { cases: 200 }).replace(
			`[--json]`,
			'[--json] [--n8n-port N] [--sandbox-only] [--queue]',
		),
		`  --n8n-port N     port of the n8n editor (default ${DEFAULT_N8N_PORT})`,
		'  --sandbox-only   start only the sandbox org, without n8n',
		'  --queue          n8n in queue mode: Postgres, Redis, a main process and two workers',
		'                   (installs postgresql and redis-server with apt when missing)',
	].join('\n');
}

/**
 * The example workflows active in the demo: Case Closed's (the demo's agents close a case every few
 * seconds). The other trigger examples are imported inactive, to open and activate by hand.
 */
const triggered = (workflows: WorkflowJson[]) =>
	workflows.filter((w) =>
		w.nodes.some(
			(n) => n.type === NODE_TYPES.trigger && (n.parameters.event ?? 'caseClosed') === 'caseClosed',
		),
	);

async function startN8n(t: TestOrg, port: number, workflows: WorkflowJson[]): Promise<N8nInstance> {
	const version = N8N_VERSIONS[0];
	const started = Date.now();
	log(
		`\nn8n ${version}: preparing (the first run downloads n8n into .cache/n8n, about 3 to 5 minutes)...`,
	);
	const installDir = ensureN8n(version);
	// The demo n8n starts fresh each time: the org's data and sessions are new on every start.
	const userFolder = join(REPO_ROOT, '.cache', 'demo-n8n');
	rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8nInstance({ installDir, version, userFolder, port });
	installPackageLikeEditor(userFolder, packPackage());
	await n8n.importCredentials(await demoCredentials(t));
	await n8n.importWorkflows(workflows);
	for (const workflow of triggered(workflows)) await n8n.activateWorkflow(workflow.id);
	await n8n.start();
	await new N8nRestClient(n8n.url).signInAsOwner();
	log(`n8n ${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
	return n8n;
}

/** n8n in queue mode: Postgres, Redis, main on `port` and two workers. */
async function startQueueN8n(
	t: TestOrg,
	port: number,
	workflows: WorkflowJson[],
): Promise<QueueDemo> {
	const started = Date.now();
	log(
		`\nn8n ${N8N_VERSIONS[0]} in queue mode: preparing Postgres, Redis, main and two workers (the first run downloads n8n into .cache/n8n)...`,
	);
	ensureQueueServices(log);
	ensureN8n(N8N_VERSIONS[0]);
	const demo = await startQueueDemo(t, port, workflows, triggered(workflows));
	log(
		`n8n ${N8N_VERSIONS[0]} in queue mode ready in ${Math.round((Date.now() - started) / 1000)} s`,
	);
	return demo;
}

function n8nSummary(n8n: N8nInstance, workflows: WorkflowJson[], queue?: QueueDemo): string {
	return [
		'',
		`n8n editor               ${n8n.url}`,
		`  Sign in                ${OWNER.email}  password ${OWNER.password}`,
		`  Package                installed as a community node (Salesforce Service Cloud, Salesforce Service Cloud Trigger)`,
		`  Credentials            ${Object.values(DEMO_CREDENTIALS)
			.map((c) => c.name)
			.join(', ')}`,
		`  Example workflows      ${workflows.map((w) => w.name).join('; ')}`,
		`  Active                 ${triggered(workflows)
			.map((w) => `"${w.name}"`)
			.join(', ')}: polls every minute; open its Executions tab`,
		`                         to see each closed case with its email thread. An agent closes another`,
		`                         demo case every ${LIVE_CLOSING_EVERY_MS / 1000} s.`,
		...(queue
			? [
					'',
					'Queue mode: the trigger polls on main; each execution runs on a worker (printed below).',
					...queue.processes(),
				]
			: []),
	].join('\n');
}

async function main(): Promise<void> {
	let parsed: ReturnType<typeof parseStartArgs>;
	try {
		parsed = parseStartArgs(process.argv.slice(2));
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		process.stderr.write(`${COMMAND}: ${e.message}\n\n${helpText()}\n`);
		process.exit(2);
	}
	if (parsed.sandbox === 'help') {
		log(helpText());
		return;
	}
	const { sandbox, n8nPort, sandboxOnly, queue } = parsed;
	// Queue mode runs in a process group of its own, so that Ctrl-C reaches only this process,
	// which stops main and the workers before Redis and Postgres (scripts/start-queue.ts).
	if (queue && !isDetachedQueueDemo()) {
		process.exitCode = await runQueueDemoDetached();
		return;
	}

	let t: TestOrg;
	try {
		t = await startTestOrg({ port: sandbox.port, seed: sandbox.seed, cases: sandbox.cases });
	} catch (e) {
		const err = e as NodeJS.ErrnoException;
		throw new Error(
			err.code === 'EADDRINUSE'
				? `port ${sandbox.port} is already in use (try --port 0 for a free one)`
				: err.message,
		);
	}
	prepareOrgForExamples(t);
	log(summaryText(t));

	let n8n: N8nInstance | undefined;
	let queueDemo: QueueDemo | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		// Once: a second Ctrl-C (or the one npm and tsx pass on) waits for the first to finish.
		if (stopping) return;
		stopping = true;
		if (queueDemo) {
			log('\nStopping the workers, main, Redis and Postgres...');
			await queueDemo.stop();
		} else await n8n?.stop();
		await t.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	if (queue) onParentGone(() => void stop(0));

	if (sandboxOnly) {
		const [token, query] = curlExamples(t);
		log(
			[
				'',
				'Try it (bash/zsh; the org speaks the real Salesforce REST API):',
				`  ${token}`,
				`  ${query}`,
				'',
				'Press Ctrl-C to stop.',
			].join('\n'),
		);
		return;
	}
	const workflows = Object.values(exampleWorkflows());
	try {
		if (queue) {
			queueDemo = await startQueueN8n(t, n8nPort, workflows);
			n8n = queueDemo.cluster.main;
		} else n8n = await startN8n(t, n8nPort, workflows);
	} catch (e) {
		process.stderr.write(`n8n could not start: ${(e as Error).message}\n`);
		if (n8nPort === DEFAULT_N8N_PORT)
			process.stderr.write(`(if port ${DEFAULT_N8N_PORT} is taken, try --n8n-port 5679)\n`);
		await stop(1);
		return;
	}
	startLiveClosings(t.org, LIVE_CLOSING_EVERY_MS);
	log(n8nSummary(n8n, workflows, queueDemo));
	log(queueDemo ? '\nPress Ctrl-C to stop everything.' : '\nPress Ctrl-C to stop both.');
	queueDemo?.followWorkers(log);
}

main().catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
	process.exit(1);
});
