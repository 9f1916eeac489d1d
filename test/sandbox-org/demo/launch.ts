// Starting the sandbox org from the command line (`npm run sandbox`, `npm start`): arguments,
// what gets printed, and running until Ctrl-C or SIGTERM.

import { parseArgs } from 'node:util';

import { startSandboxOrg, type RunningSandboxOrg } from '../index';

export const DEFAULT_PORT = 8787;
/** The API version the printed examples use. */
export const EXAMPLE_API_VERSION = '62.0';

export interface LaunchOptions {
	port: number;
	seed: number;
	cases: number;
	json: boolean;
}

export class UsageError extends Error {}

export function usage(command: string, defaults: { cases: number }): string {
	return [
		`Usage: ${command} [--port N] [--seed S] [--cases N] [--json]`,
		'',
		`  --port N    port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
		'  --seed S    seed of the demo data: the same seed gives the same data (default 1)',
		`  --cases N   how many demo cases to generate (default ${defaults.cases}; 0 for users and queues only)`,
		'  --json      print one JSON line with the URL and the demo credentials instead of the summary',
	].join('\n');
}

function integer(
	name: string,
	value: string | undefined,
	fallback: number,
	min: number,
	max: number,
): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value.trim()))
		throw new UsageError(`--${name} must be a whole number, got "${value}"`);
	const n = Number(value);
	if (n < min || n > max)
		throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
	return n;
}

/** Reads the command line; throws UsageError with a message for the user when it is wrong. */
export function parseLaunchArgs(
	args: string[],
	defaults: { cases: number },
): LaunchOptions | 'help' {
	let values: { port?: string; seed?: string; cases?: string; json?: boolean; help?: boolean };
	try {
		({ values } = parseArgs({
			args,
			strict: true,
			allowPositionals: false,
			options: {
				port: { type: 'string', short: 'p' },
				seed: { type: 'string' },
				cases: { type: 'string' },
				json: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
	if (values.help) return 'help';
	return {
		port: integer('port', values.port, DEFAULT_PORT, 0, 65535),
		seed: integer('seed', values.seed, 1, 0, 2 ** 32 - 1),
		cases: integer('cases', values.cases, defaults.cases, 0, 1_000_000),
		json: values.json ?? false,
	};
}

/** The single line `--json` prints: what a script needs to log in. */
export function connectionJson(running: RunningSandboxOrg): string {
	const { identity } = running;
	return JSON.stringify({
		url: running.url,
		clientId: identity.clientId,
		clientSecret: identity.clientSecret,
		username: identity.username,
		password: identity.password,
		privateKeyPath: identity.privateKeyPath,
		certificatePath: identity.certificatePath,
	});
}

/** The readable summary: where the org is, how to log in, what data it holds. */
export function summaryText(running: RunningSandboxOrg): string {
	const { url, identity, data } = running;
	const c = data.counts;
	return [
		`Sandbox Salesforce org at ${url}`,
		'',
		`  Login and instance URL  ${url}   (token endpoint ${url}/services/oauth2/token)`,
		`  Demo user               ${identity.username}  password ${identity.password}`,
		`  Connected app           client id ${identity.clientId}`,
		`                          client secret ${identity.clientSecret}`,
		`  JWT bearer              private key ${identity.privateKeyPath}`,
		`                          certificate ${identity.certificatePath}`,
		`  ${`Demo data (seed ${data.seed})`.padEnd(22)}  ${c.Case} cases, ${c.EmailMessage} emails, ${c.LiveChatTranscript} chat transcripts, ${c.MessagingSession} messaging sessions,`,
		`                          ${c.Contact} contacts, ${c.Account} accounts, ${c.Lead} leads, ${Object.keys(data.queueIds).length} case queues; history up to ${data.anchor}`,
		`  Control API             ${url}/__sandbox/state  (also /counters, /requests; POST /reset, /faults, /clock, /sessions/expire)`,
	].join('\n');
}

/** Two commands a newcomer can paste into a shell: get a token, then query the latest closed cases with their email threads. */
export function curlExamples(running: RunningSandboxOrg): string[] {
	const { url, identity } = running;
	const soql =
		'SELECT Id, CaseNumber, Subject, Status, ClosedDate, Owner.Name, (SELECT FromAddress, ToAddress, Subject, MessageDate, Incoming, TextBody FROM EmailMessages ORDER BY MessageDate) FROM Case WHERE IsClosed = true ORDER BY ClosedDate DESC LIMIT 5';
	return [
		`export SF_TOKEN=$(curl -s ${url}/services/oauth2/token -d grant_type=client_credentials -d client_id='${identity.clientId}' -d client_secret='${identity.clientSecret}' | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).access_token')`,
		`curl -s -G ${url}/services/data/v${EXAMPLE_API_VERSION}/query -H "Authorization: Bearer $SF_TOKEN" --data-urlencode "q=${soql}"`,
	];
}

/** Starts the org, prints what `print` makes of it, and keeps it running until SIGINT or SIGTERM. */
export async function launch(
	options: LaunchOptions,
	print: (running: RunningSandboxOrg) => string,
): Promise<void> {
	let running: RunningSandboxOrg;
	try {
		running = await startSandboxOrg({
			port: options.port,
			seed: options.seed,
			cases: options.cases,
		});
	} catch (e) {
		const err = e as NodeJS.ErrnoException;
		const reason =
			err.code === 'EADDRINUSE'
				? `port ${options.port} is already in use (try --port 0 for a free one)`
				: err.message;
		process.stderr.write(`sandbox org: cannot start: ${reason}\n`);
		process.exit(1);
	}
	process.stdout.write(`${print(running)}\n`);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		running.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

/** The shared main of the command-line entry points. */
export async function main(
	command: string,
	args: string[],
	defaults: { cases: number },
	print: (running: RunningSandboxOrg, options: LaunchOptions) => string,
): Promise<void> {
	let options: LaunchOptions | 'help';
	try {
		options = parseLaunchArgs(args, defaults);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		process.stderr.write(`${command}: ${e.message}\n\n${usage(command, defaults)}\n`);
		process.exit(2);
	}
	if (options === 'help') {
		process.stdout.write(`${usage(command, defaults)}\n`);
		return;
	}
	const chosen = options;
	await launch(chosen, (running) => print(running, chosen));
}
