// `npm start [-- --port N --n8n-port N --seed S --cases N --sandbox-only]`: the package's main job.
// Starts the sandbox Salesforce org with demo data and a real n8n (2.41.1, downloaded into
// .cache/n8n on the first run) with this package installed as the editor installs community
// nodes, a credential of each kind pointing at the org, and the example workflows from
// test/workflows; the closed-case trigger workflow is active. Prints the editor URL and login.

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
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--sandbox-only') sandboxOnly = true;
		else if (arg === '--n8n-port' || arg.startsWith('--n8n-port=')) {
			const value = arg.includes('=') ? arg.split('=')[1] : args[++i];
			if (!/^\d+$/.test(value ?? '') || Number(value) > 65535)
				throw new UsageError(`--n8n-port must be a port number, got "${value ?? ''}"`);
			n8nPort = Number(value);
		} else rest.push(arg);
	}
	const sandbox = parseLaunchArgs(rest, { cases: 200 });
	return { sandbox, n8nPort, sandboxOnly };
}

function helpText(): string {
	return [
		usage(COMMAND, { cases: 200 }).replace(`[--json]`, '[--json] [--n8n-port N] [--sandbox-only]'),
		`  --n8n-port N     port of the n8n editor (default ${DEFAULT_N8N_PORT})`,
		'  --sandbox-only   start only the sandbox org, without n8n',
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

function n8nSummary(n8n: N8nInstance, workflows: WorkflowJson[]): string {
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
	const { sandbox, n8nPort, sandboxOnly } = parsed;

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
	const stop = async (code: number) => {
		await n8n?.stop();
		await t.close();
		process.exit(code);
	};
	process.once('SIGINT', () => void stop(0));
	process.once('SIGTERM', () => void stop(0));

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
		n8n = await startN8n(t, n8nPort, workflows);
	} catch (e) {
		process.stderr.write(`n8n could not start: ${(e as Error).message}\n`);
		if (n8nPort === DEFAULT_N8N_PORT)
			process.stderr.write(`(if port ${DEFAULT_N8N_PORT} is taken, try --n8n-port 5679)\n`);
		await stop(1);
		return;
	}
	startLiveClosings(t.org, LIVE_CLOSING_EVERY_MS);
	log(n8nSummary(n8n, workflows));
	log('\nPress Ctrl-C to stop both.');
}

main().catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
	process.exit(1);
});
