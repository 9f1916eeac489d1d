import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { curlExamples, parseLaunchArgs, summaryText, UsageError } from './launch';
import { startSandboxOrg } from '../index';

const ROOT = join(__dirname, '..', '..', '..');

/** Runs the CLI with Node and tsx, as `npm run sandbox` does, without npm in between. */
function runCli(args: string[]): ChildProcessWithoutNullStreams {
	return spawn(process.execPath, ['--import', 'tsx', 'test/sandbox-org/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, NODE_OPTIONS: '' },
	});
}

function collect(child: ChildProcessWithoutNullStreams): {
	stdout: () => string;
	stderr: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
} {
	let out = '';
	let err = '';
	child.stdout.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr.on('data', (d: Buffer) => (err += d.toString()));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	return { stdout: () => out, stderr: () => err, exited };
}

async function firstLine(
	child: ChildProcessWithoutNullStreams,
	stdout: () => string,
	timeoutMs: number,
): Promise<string> {
	const started = Date.now();
	while (!stdout().includes('\n')) {
		if (child.exitCode !== null) throw new Error(`CLI exited early with ${child.exitCode}`);
		if (Date.now() - started > timeoutMs) throw new Error('no output from the CLI in time');
		await new Promise((r) => setTimeout(r, 50));
	}
	return stdout().split('\n')[0];
}

describe('npm run sandbox (test/sandbox-org/cli.ts)', () => {
	it('with --json --port 0 prints one JSON line to log in with, answers on the URL, and stops on SIGTERM', async () => {
		const child = runCli(['--json', '--port', '0', '--cases', '10']);
		const io = collect(child);
		try {
			const line = await firstLine(child, io.stdout, 25_000);
			const info = JSON.parse(line) as Record<string, string>;
			expect(Object.keys(info).sort()).toEqual([
				'certificatePath',
				'clientId',
				'clientSecret',
				'password',
				'privateKeyPath',
				'url',
				'username',
			]);
			expect(existsSync(info.privateKeyPath)).toBe(true);
			expect(existsSync(info.certificatePath)).toBe(true);
			expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const res = await fetch(`${info.url}/services/data`);
			expect(res.status).toBe(200);
			expect(Array.isArray(await res.json())).toBe(true);
		} finally {
			child.kill('SIGTERM');
		}
		const { code } = await io.exited;
		expect(code).toBe(0);
		expect(io.stdout().trim().split('\n')).toHaveLength(1);
	}, 40_000);

	it('rejects bad arguments with a message and exit code 2', async () => {
		for (const args of [['--port', 'eighty'], ['--cases', '-5'], ['--verbose']]) {
			const io = collect(runCli(args));
			const { code } = await io.exited;
			expect(code).toBe(2);
			expect(io.stderr()).toMatch(/--port|--cases|verbose/);
			expect(io.stderr()).toContain('Usage:');
		}
	}, 40_000);
});

describe('command-line options and the printed guide', () => {
	it('reads --port, --seed, --cases and --json, with defaults', () => {
		expect(parseLaunchArgs([], { cases: 200 })).toEqual({
			port: 8787,
			seed: 1,
			cases: 200,
			json: false,
		});
		expect(
			parseLaunchArgs(['--port', '0', '--seed', '42', '--cases', '10', '--json'], { cases: 200 }),
		).toEqual({ port: 0, seed: 42, cases: 10, json: true });
		expect(() => parseLaunchArgs(['--port', '70000'], { cases: 1 })).toThrow(UsageError);
		expect(() => parseLaunchArgs(['extra'], { cases: 1 })).toThrow(UsageError);
	});

	it('prints the URL, the demo login and connected app, and curl commands for the real API', async () => {
		const running = await startSandboxOrg({ cases: 5 });
		try {
			const summary = summaryText(running);
			for (const s of [
				running.url,
				running.identity.username,
				running.identity.password,
				running.identity.clientId,
				running.identity.clientSecret,
				'/__sandbox/',
			])
				expect(summary).toContain(s);
			const [token, query] = curlExamples(running);
			expect(token).toContain(
				`curl -s ${running.url}/services/oauth2/token -d grant_type=client_credentials`,
			);
			expect(token).toContain(`client_id='${running.identity.clientId}'`);
			expect(query).toContain(`${running.url}/services/data/v62.0/query`);
			expect(query).toContain('-H "Authorization: Bearer $SF_TOKEN"');
			expect(query).toMatch(
				/--data-urlencode "q=SELECT .*\(SELECT .* FROM EmailMessages ORDER BY MessageDate\) FROM Case WHERE IsClosed = true ORDER BY ClosedDate DESC LIMIT 5"$/,
			);
		} finally {
			await running.close();
		}
	});
});
