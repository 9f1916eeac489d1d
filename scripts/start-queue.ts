// `./run start --queue` (scripts/start.ts): the demo's n8n in queue mode, as self-hosters scale it:
// a throwaway Postgres and Redis on free ports, one main process (editor, REST API, the trigger's
// polls) and two `n8n worker` processes that run the executions, the package installed in each
// (test/e2e/support/n8n-queue.ts, as `./run e2e:queue` runs it). Installs Debian's postgresql and
// redis-server with apt when they are missing, as scripts/e2e-queue.sh does.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

import { queueModeN8n, type QueueModeN8n } from '../test/e2e/support/n8n-queue';
import { N8nRestClient } from '../test/e2e/support/n8n-rest';
import { demoCredentials, type WorkflowJson } from '../test/e2e/support/e2e-env';
import type { TestOrg } from '../test/sandbox-org/testing';

const WORKERS = 2;
/** Set in the detached process that runs the queue-mode demo. */
const DETACHED = 'N8N_DEMO_QUEUE_DETACHED';

export function isDetachedQueueDemo(): boolean {
	return process.env[DETACHED] === '1';
}

/**
 * Runs this same command again in a process group of its own and waits for it. A terminal's
 * Ctrl-C goes to its whole foreground group: Redis and n8n would get it at the same moment, and
 * n8n's shutdown then waits for a Redis that is gone. Here only this process gets it, and passes
 * one SIGTERM on, so that the demo stops the workers and main first, then Redis and Postgres.
 */
export async function runQueueDemoDetached(): Promise<number> {
	const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
		detached: true,
		stdio: 'inherit',
		env: { ...process.env, [DETACHED]: '1' },
	});
	let forwarded = false;
	const forward = () => {
		if (forwarded) return;
		forwarded = true;
		child.kill('SIGTERM');
	};
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	return await new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

/** Calls `stop` when the process that started this one is gone (killed without passing a signal on). */
export function onParentGone(stop: () => void): void {
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) stop();
	}, 2000).unref();
}

function hasPostgres(): boolean {
	const base = '/usr/lib/postgresql';
	return existsSync(base) && readdirSync(base).some((v) => existsSync(`${base}/${v}/bin/initdb`));
}

function onPath(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** apt-get installs postgresql and redis-server when missing (as root, or with sudo). */
export function ensureQueueServices(log: (line: string) => void): void {
	const missing = [
		...(hasPostgres() ? [] : ['postgresql']),
		...(onPath('redis-server') ? [] : ['redis-server']),
	];
	if (missing.length === 0) return;
	log(`Installing ${missing.join(' and ')} with apt (queue mode needs them)...`);
	const asRoot = process.getuid?.() === 0;
	const apt = (args: string[]) =>
		execFileSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

export interface QueueDemo {
	cluster: QueueModeN8n;
	/** The lines that say which processes run: role, pid, port. */
	processes(): string[];
	/** Prints a line when a worker starts an execution, until stopped. */
	followWorkers(log: (line: string) => void): void;
	stop(): Promise<void>;
}

/** Postgres, Redis, main on `port` and two workers, with the demo credentials and `workflows` (`active` ones published). */
export async function startQueueDemo(
	t: TestOrg,
	port: number,
	workflows: WorkflowJson[],
	active: WorkflowJson[],
): Promise<QueueDemo> {
	const cluster = await queueModeN8n(WORKERS, { mainPort: port });
	let follower: NodeJS.Timeout | undefined;
	const stop = async () => {
		if (follower) clearInterval(follower);
		await cluster.dispose();
	};
	try {
		const { main } = cluster;
		await main.importCredentials(await demoCredentials(t));
		await main.importWorkflows(workflows);
		for (const workflow of active) await main.activateWorkflow(workflow.id);
		await cluster.start();
		await new N8nRestClient(main.url).signInAsOwner();
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		cluster,
		processes: () => [
			`  Postgres               pid ${cluster.postgres.pid() ?? '?'}, port ${cluster.postgres.port} (database ${cluster.postgres.database}, user ${cluster.postgres.user})`,
			`  Redis                  pid ${cluster.redis.pid ?? '?'}, port ${cluster.redis.port} (the queue)`,
			`  n8n main               pid ${cluster.main.pid ?? '?'}, port ${cluster.main.port} (editor, REST API, webhooks, the trigger's polls)`,
			...cluster.workers.map(
				(w, i) =>
					`  n8n worker ${i + 1}           pid ${w.pid ?? '?'}, health port ${w.port} (runs executions, concurrency 10)`,
			),
			`  Folder                 ${cluster.root} (removed on stop)`,
		],
		followWorkers: (log) => {
			const seen = cluster.workers.map(() => 0);
			follower = setInterval(() => {
				cluster.workers.forEach((worker, i) => {
					const started = [...worker.log.matchAll(/Worker started execution (\d+)/g)];
					for (const match of started.slice(seen[i]))
						log(`worker ${i + 1} started execution ${match[1]}`);
					seen[i] = started.length;
				});
			}, 1000);
		},
		stop,
	};
}
