import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One real n8n (a version from .cache/n8n) with its own user folder: the server (`n8n start`) and
// its command line (`n8n import:workflow`, `n8n execute`, ...), on free ports.

export interface N8nInstanceOptions {
	/** The folder scripts/n8n/install.sh installed n8n into. */
	installDir: string;
	version: string;
	/** The n8n user folder (n8n keeps `.n8n/` in it); a new temporary folder when not given. */
	userFolder?: string;
	port?: number;
	/** Extra environment for n8n. */
	env?: Record<string, string>;
	/** Where n8n's output goes; collected in `log` as well. */
	echo?: boolean;
	/**
	 * The n8n command `start` runs: `start` (the default; ready when its editor and REST API answer)
	 * or `worker` (queue mode; `port` is then its health server, QUEUE_HEALTH_CHECK_PORT).
	 */
	command?: 'start' | 'worker';
	/** More arguments of that command (`--concurrency=10`). */
	commandArgs?: string[];
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** A fixed key, so that credentials imported by one n8n process decrypt in the next. Test-only. */
const ENCRYPTION_KEY = 'e2e-only-encryption-key-not-a-secret';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export class N8nInstance {
	readonly version: string;
	readonly installDir: string;
	readonly userFolder: string;
	port = 0;
	/** Everything the server printed, across restarts. */
	log = '';
	private server?: ChildProcess;
	private readonly extraEnv: Record<string, string>;
	private readonly echo: boolean;
	/** The user folder is a temporary one this instance made (and removes in `dispose`). */
	private readonly ownsUserFolder: boolean;
	private readonly command: 'start' | 'worker';
	private readonly commandArgs: string[];

	constructor(options: N8nInstanceOptions) {
		this.command = options.command ?? 'start';
		this.commandArgs = options.commandArgs ?? [];
		this.version = options.version;
		this.installDir = options.installDir;
		this.ownsUserFolder = options.userFolder === undefined;
		this.userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), `n8n-${options.version}-`));
		this.port = options.port ?? 0;
		this.extraEnv = options.env ?? {};
		this.echo = options.echo ?? false;
	}

	get url(): string {
		return `http://localhost:${this.port}`;
	}

	/** The running n8n process's id (for its memory figures), or undefined when it is not running. */
	get pid(): number | undefined {
		return this.server?.pid;
	}

	get majorVersion(): number {
		return Number(this.version.split('.')[0]);
	}

	private get bin(): string {
		return join(this.installDir, 'node_modules', 'n8n', 'bin', 'n8n');
	}

	/** n8n's environment: this user folder and port, no telemetry, cookies over plain HTTP. */
	env(runnerPort: number): NodeJS.ProcessEnv {
		// Jest's NODE_ENV=test makes n8n exit at once without a word; NODE_OPTIONS would carry jest's hooks.
		const { NODE_OPTIONS, NODE_ENV, JEST_WORKER_ID, ...inherited } = process.env;
		void NODE_OPTIONS;
		void NODE_ENV;
		void JEST_WORKER_ID;
		return {
			...inherited,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: this.url,
			WEBHOOK_URL: `${this.url}/`,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
			N8N_RUNNERS_ENABLED: 'true',
			N8N_RUNNERS_BROKER_PORT: String(runnerPort),
			N8N_LOG_LEVEL: 'info',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			DB_TYPE: 'sqlite',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			...this.extraEnv,
		};
	}

	/** Starts `n8n start` and waits until its editor and REST API answer. */
	async start(timeoutMs = 180_000): Promise<void> {
		if (this.server) throw new Error('n8n is already running');
		if (!this.port) this.port = await freePort();
		const runnerPort = await freePort();
		const child = spawn(process.execPath, [this.bin, this.command, ...this.commandArgs], {
			env: this.env(runnerPort),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = child;
		const collect = (chunk: Buffer) => {
			const text = chunk.toString();
			this.log += text;
			if (this.echo) process.stderr.write(text);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		let exited: number | null = null;
		child.once('close', (code) => {
			exited = code ?? -1;
			if (this.server === child) this.server = undefined;
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited !== null)
				throw new Error(
					`n8n ${this.version} exited with code ${exited} while starting:\n${this.tail()}`,
				);
			if (await this.ready()) return;
			await new Promise((r) => setTimeout(r, 500));
		}
		await this.stop();
		throw new Error(
			`n8n ${this.version} did not start within ${timeoutMs / 1000} s:\n${this.tail()}`,
		);
	}

	private async ready(): Promise<boolean> {
		try {
			const res = await fetch(`${this.url}/healthz/readiness`);
			if (res.status !== 200) return false;
			// A worker's health server answers readiness once its database and Redis are connected.
			if (this.command === 'worker') return true;
			// The editor's settings answer once the REST API is mounted.
			return (await fetch(`${this.url}/rest/settings`)).status === 200;
		} catch {
			return false;
		}
	}

	/** Stops the server as a container stop would (SIGTERM, then SIGKILL after 30 s). */
	async stop(): Promise<void> {
		const child = this.server;
		if (!child) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
		await exited;
		clearTimeout(timer);
		this.server = undefined;
	}

	/** Stops n8n and removes the temporary user folder (kept when E2E_KEEP=1, to look into). */
	async dispose(): Promise<void> {
		await this.stop();
		if (this.ownsUserFolder && process.env.E2E_KEEP !== '1')
			rmSync(this.userFolder, { recursive: true, force: true });
	}

	get running(): boolean {
		return this.server !== undefined;
	}

	/**
	 * Ends the server and the processes it started (its task runner) at once with `signal`, as a
	 * crashed container or `kill -9` would, and waits for it to exit.
	 */
	async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
		const child = this.server;
		if (!child?.pid) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		for (const pid of [child.pid, ...descendantsOf(child.pid)]) {
			try {
				process.kill(pid, signal);
			} catch {
				// already gone
			}
		}
		await exited;
		this.server = undefined;
	}

	/** The last lines the server printed, for error messages. */
	tail(lines = 40): string {
		return this.log.split('\n').slice(-lines).join('\n');
	}

	/** Runs an n8n command (`import:workflow --input=...`, `execute --id=...`) on this user folder. */
	async cli(args: string[], timeoutMs = 300_000): Promise<CliResult> {
		if (!this.port) this.port = await freePort();
		const runnerPort = await freePort();
		return new Promise((resolve) => {
			execFile(
				process.execPath,
				[this.bin, ...args],
				{ env: this.env(runnerPort), timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024 },
				(error, stdout, stderr) => {
					const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
					resolve({ code, stdout, stderr });
				},
			);
		});
	}

	/** Runs an n8n command and fails with its output when it does not exit 0. */
	async cliOk(args: string[], timeoutMs?: number): Promise<CliResult> {
		const result = await this.cli(args, timeoutMs);
		if (result.code !== 0)
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`,
			);
		return result;
	}

	/** Imports credentials (decrypted `data`, which n8n encrypts on import). */
	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** Imports workflows (each needs `id` and, for n8n 2.x, `versionId`). */
	async importWorkflows(workflows: object[]): Promise<void> {
		const file = join(this.userFolder, `workflows-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(workflows));
		await this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/** Makes a workflow active from the next start: `publish:workflow` on n8n 2.x, `update:workflow --active=true` on 1.x. */
	async activateWorkflow(id: string): Promise<void> {
		if (this.majorVersion >= 2) await this.cliOk(['publish:workflow', `--id=${id}`]);
		else await this.cliOk(['update:workflow', `--id=${id}`, '--active=true']);
	}

	/** `n8n execute --id --rawOutput`: the run's data (IRun), or the error n8n printed. */
	async execute(id: string): Promise<ExecutedRun> {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		const start = result.stdout.search(/^\{$/m);
		if (result.code !== 0 || start < 0) {
			throw new Error(
				`n8n execute --id=${id} failed (exit ${result.code}):\n${result.stdout.slice(-6000)}\n${result.stderr.slice(-4000)}`,
			);
		}
		// n8n may log more lines after the run's JSON; it ends at the first "}" at the start of a line.
		const end = result.stdout.indexOf('\n}', start);
		return JSON.parse(result.stdout.slice(start, end < 0 ? undefined : end + 2)) as ExecutedRun;
	}
}

/** The ids of the processes `pid` started, and of the ones they started (read from /proc). */
function descendantsOf(pid: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
		try {
			// "pid (comm) state ppid ...": comm may hold spaces and parentheses.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
		} catch {
			// ended meanwhile
		}
	}
	const found: number[] = [];
	const walk = (p: number) => {
		for (const c of children.get(p) ?? []) {
			found.push(c);
			walk(c);
		}
	};
	walk(pid);
	return found;
}

/** The part of n8n's IRun the tests read. */
export interface ExecutedRun {
	finished?: boolean;
	status?: string;
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: {
						main: Array<Array<{
							json: Record<string, unknown>;
							binary?: Record<string, Record<string, unknown>>;
						}> | null>;
					};
					error?: { message: string };
				}>
			>;
			error?: { message: string };
		};
	};
}

/** The items a node put out (first output) in its last run. */
export function nodeOutput(run: ExecutedRun, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length)
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	const last = runs[runs.length - 1];
	if (last.error) throw new Error(`node "${nodeName}" failed: ${last.error.message}`);
	return (last.data?.main[0] ?? []).map((i) => i.json);
}

/** The binary data (n8n's metadata, and the bytes as base64 in n8n's default mode) of a node's items. */
export function nodeBinaries(
	run: ExecutedRun,
	nodeName: string,
): Array<Record<string, Record<string, unknown>>> {
	const runs = run.data.resultData.runData[nodeName] ?? [];
	const last = runs[runs.length - 1];
	return (last?.data?.main[0] ?? []).map((i) => i.binary ?? {});
}
