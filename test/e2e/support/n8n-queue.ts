import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nWithPackage } from './e2e-env';
import { ensureN8n, n8nVersionUnderTest } from './n8n-install';
import { freePort, N8nInstance } from './n8n-instance';
import { startPostgres, startRedis, type Postgres, type Redis } from './queue-services';

// n8n in queue mode as self-hosters run it: Postgres as the database, Redis as the queue, one main
// process (editor, REST API, webhooks, triggers) and `n8n worker` processes that run the executions.
// Each process has its own user folder with the package installed in it (as each container of a
// real deployment has its own volume), the same encryption key, database and Redis.

export interface QueueModeN8n {
	main: N8nInstance;
	workers: N8nInstance[];
	postgres: Postgres;
	redis: Redis;
	/** The folder everything lives in (E2E_QUEUE_TMP, or a new temporary folder). */
	root: string;
	/** Starts main, then the workers, each waited for through its health endpoint. */
	start(): Promise<void>;
	/** Stops every process and service and removes the folders (kept when E2E_KEEP=1). */
	dispose(): Promise<void>;
	/** Stops main as a container stop does (SIGTERM; it waits for the executions it queued), then starts it again. */
	restartMain(whileDown?: () => Promise<void> | void): Promise<void>;
	/** Ends worker `i` (1-based) and its task runner at once (SIGKILL), as a crashed container. */
	killWorker(i: number): Promise<void>;
}

export interface QueueModeOptions {
	/** More environment for every process (QUEUE_WORKER_LOCK_DURATION, ...). */
	env?: Record<string, string>;
	/** The port of main (its editor); a free one when not given. */
	mainPort?: number;
	/** A folder of its own under the root (a second cluster in the same run). */
	subfolder?: string;
}

/** Postgres, Redis, and main and `workerCount` workers configured (not started); the package installed in each. */
export async function queueModeN8n(
	workerCount = 2,
	options: QueueModeOptions = {},
): Promise<QueueModeN8n> {
	const given = process.env.E2E_QUEUE_TMP;
	const base = given ?? mkdtempSync(join(tmpdir(), 'n8n-queue-e2e-'));
	const root = options.subfolder ? join(base, options.subfolder) : base;
	mkdirSync(root, { recursive: true });
	// Postgres runs as its own user (when this runs as root): it must reach a subfolder's cluster.
	if (root !== base && process.getuid?.() === 0) chmodSync(base, 0o755);
	const started: Array<() => Promise<void>> = [];
	const dispose = async () => {
		for (const stop of started.reverse()) await stop().catch(() => undefined);
		// The folder this made (all of it), or the part of the given one this used.
		const folder = given === undefined ? base : root;
		if (process.env.E2E_KEEP !== '1') rmSync(folder, { recursive: true, force: true });
	};
	try {
		const postgres = await startPostgres(root);
		started.push(postgres.stop);
		const redis = await startRedis(root);
		started.push(redis.stop);
		const shared: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: 'trust-auth-no-password',
			// The editor's "Execute workflow" (REST /run) on a worker too, as n8n 3 will always do.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Binary data in the database: n8n has no filesystem mode in queue mode.
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			...options.env,
		};
		const main = n8nWithPackage({
			userFolder: join(root, 'main'),
			env: shared,
			port: options.mainPort,
		});
		const workers: N8nInstance[] = [];
		for (let i = 1; i <= workerCount; i++) {
			const userFolder = join(root, `worker${i}`);
			// The package as main has it installed (npm install ran once; the folder is the same).
			cpSync(join(main.userFolder, '.n8n', 'nodes'), join(userFolder, '.n8n', 'nodes'), {
				recursive: true,
			});
			const healthPort = await freePort();
			workers.push(
				new N8nInstance({
					installDir: ensureN8n(n8nVersionUnderTest()),
					version: n8nVersionUnderTest(),
					userFolder,
					port: healthPort,
					command: 'worker',
					commandArgs: ['--concurrency=10'],
					echo: process.env.E2E_ECHO === '1',
					env: {
						...shared,
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					},
				}),
			);
		}
		const cluster: QueueModeN8n = {
			main,
			workers,
			postgres,
			redis,
			root,
			start: async () => {
				started.push(() => main.stop());
				await main.start();
				for (const worker of workers) started.push(() => worker.stop());
				await Promise.all(workers.map((worker) => worker.start()));
			},
			dispose,
			restartMain: async (whileDown) => {
				await main.stop();
				await whileDown?.();
				await main.start();
			},
			killWorker: async (i) => {
				const worker = workers[i - 1];
				if (!worker) throw new Error(`there is no worker ${i}`);
				await worker.kill('SIGKILL');
			},
		};
		return cluster;
	} catch (error) {
		await dispose();
		throw error;
	}
}
