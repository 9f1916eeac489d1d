import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import { freePort } from './n8n-instance';

// The two services n8n's queue mode needs, each a throwaway on a free port in a folder of the test
// run: a Postgres cluster (Debian's postgresql: initdb and pg_ctl, no system service) and a Redis
// (Debian's redis-server, nothing saved to disk). scripts/e2e-queue.sh installs both with apt when
// they are missing, and ends what is left of them if the test run dies before its own cleanup.

/** The binaries folder of the newest Postgres under /usr/lib/postgresql. */
function postgresBin(): string {
	const base = '/usr/lib/postgresql';
	const versions = existsSync(base)
		? readdirSync(base)
				.filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length === 0)
		throw new Error(
			'Postgres is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/e2e-queue.sh, which installs it',
		);
	return join(base, versions[0], 'bin');
}

/** Postgres refuses to run as root: as root, its commands run as the `postgres` user the package made. */
function asPostgresUser(bin: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0
		? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
		: [bin, args];
}

export interface Postgres {
	port: number;
	/** The postmaster's process id (from its postmaster.pid). */
	pid(): number | undefined;
	database: string;
	user: string;
	stop(): Promise<void>;
}

/** A new Postgres cluster in `<root>/postgres`, on a free port of 127.0.0.1; trust authentication. */
export async function startPostgres(root: string): Promise<Postgres> {
	const bin = postgresBin();
	const dataDir = join(root, 'postgres');
	mkdirSync(dataDir, { recursive: true });
	if (process.getuid?.() === 0) {
		chmodSync(root, 0o755);
		execFileSync('chown', ['postgres', dataDir]);
	}
	const user = 'n8n';
	const run = (tool: string, args: string[]) => {
		const [file, argv] = asPostgresUser(join(bin, tool), args);
		execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
	};
	run('initdb', [
		'-D',
		join(dataDir, 'data'),
		'-U',
		user,
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	const port = await freePort();
	// A test database: no fsync, no socket file outside its folder, no service.
	const options = [
		`-p ${port}`,
		`-k ${dataDir}`,
		"-c listen_addresses='127.0.0.1'",
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=100',
	].join(' ');
	// `-w`: pg_ctl returns once the server accepts connections.
	run('pg_ctl', [
		'-D',
		join(dataDir, 'data'),
		'-l',
		join(dataDir, 'log'),
		'-o',
		options,
		'-w',
		'start',
	]);
	const database = 'n8n';
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, database]);
	return {
		port,
		database,
		user,
		pid: () => {
			const file = join(dataDir, 'data', 'postmaster.pid');
			return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
		},
		stop: async () => {
			if (!existsSync(join(dataDir, 'data', 'postmaster.pid'))) return;
			run('pg_ctl', ['-D', join(dataDir, 'data'), '-m', 'fast', '-w', 'stop']);
		},
	};
}

export interface Redis {
	port: number;
	pid: number | undefined;
	stop(): Promise<void>;
}

/** Answers whether Redis on `port` answers PING. */
function pingRedis(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/** A Redis in `<root>/redis` on a free port of 127.0.0.1, keeping nothing on disk; ready when it answers PING. */
export async function startRedis(root: string, timeoutMs = 30_000): Promise<Redis> {
	const dir = join(root, 'redis');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const server: ChildProcess = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ stdio: 'ignore' },
	);
	let exited = false;
	const closed = new Promise<void>((resolve) =>
		server.once('close', () => {
			exited = true;
			resolve();
		}),
	);
	server.once('error', () => (exited = true));
	const deadline = Date.now() + timeoutMs;
	while (!(await pingRedis(port))) {
		if (exited) throw new Error('redis-server exited while starting (is redis-server installed?)');
		if (Date.now() > deadline) {
			server.kill('SIGKILL');
			throw new Error(`Redis did not answer PING on port ${port} within ${timeoutMs / 1000} s`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		port,
		pid: server.pid,
		stop: async () => {
			if (exited) return;
			server.kill('SIGTERM');
			await closed;
		},
	};
}
