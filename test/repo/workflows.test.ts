import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

// The GitHub workflows cannot run here: this reads them as GitHub would and checks what they do.

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string | number>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	on: Record<string, { tags?: string[]; branches?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const root = join(__dirname, '..', '..');
const readWorkflow = (file: string): Workflow =>
	parse(readFileSync(join(root, '.github', 'workflows', file), 'utf8')) as Workflow;
const onlyJob = (workflow: Workflow): Job => {
	const jobs = Object.values(workflow.jobs);
	expect(jobs).toHaveLength(1);
	return jobs[0];
};
/** The position of the first step that runs `command` (a whole line of its script); fails when none does. */
const stepRunning = (job: Job, command: string): number => {
	const index = job.steps.findIndex((step) =>
		(step.run ?? '').split('\n').some((line) => line.trim() === command),
	);
	if (index < 0) throw new Error(`no step runs "${command}"`);
	return index;
};
const scripts = (
	JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
	}
).scripts;

describe('CI workflow (.github/workflows/ci.yml)', () => {
	const workflow = readWorkflow('ci.yml');
	const job = onlyJob(workflow);

	it('runs on every push and pull request', () => {
		expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
		expect(workflow.on.push).toBeNull();
	});

	it('checks out, sets up Node 22, installs from the lockfile, then lints and runs the tests', () => {
		expect(job.steps[0].uses).toMatch(/^actions\/checkout@/);
		const setupNode = job.steps.findIndex((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(job.steps[setupNode].with?.['node-version']).toBe(22);
		const install = stepRunning(job, 'npm ci --no-audit --no-fund');
		const lint = stepRunning(job, 'npm run lint');
		const test = stepRunning(job, './run test');
		expect(setupNode).toBeLessThan(install);
		expect(install).toBeLessThan(lint);
		expect(lint).toBeLessThan(test);
	});

	it("runs n8n's community-package scan", () => {
		expect(stepRunning(job, 'npm run scan')).toBeGreaterThan(
			stepRunning(job, 'npm ci --no-audit --no-fund'),
		);
	});
});

describe('Publish workflow (.github/workflows/publish.yml)', () => {
	const workflow = readWorkflow('publish.yml');
	const job = onlyJob(workflow);

	it('runs only when a version tag is pushed', () => {
		expect(Object.keys(workflow.on)).toEqual(['push']);
		expect(workflow.on.push).toEqual({ tags: ['v*'] });
	});

	it('may mint the OIDC token that signs the provenance statement, and only read the repository', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(workflow.permissions).toBeUndefined();
	});

	it('publishes publicly with provenance, after lint, tests and the scan (which builds dist/) passed', () => {
		const publish = stepRunning(job, 'npm publish --provenance --access public');
		const install = stepRunning(job, 'npm ci --no-audit --no-fund');
		for (const command of ['npm run lint', './run test', 'npm run scan']) {
			const step = stepRunning(job, command);
			expect(step).toBeGreaterThan(install);
			expect(step).toBeLessThan(publish);
		}
		expect(scripts.scan).toMatch(/^npm run build && /);
		expect(job.steps.filter((step) => step.run?.includes('npm publish'))).toHaveLength(1);
	});

	it('refuses a tag that does not match the version in package.json', () => {
		const check = job.steps.findIndex((step) => step.run?.includes('$GITHUB_REF_NAME'));
		expect(job.steps[check].run).toMatch(/require\('\.\/package\.json'\)\.version/);
		expect(job.steps[check].run).toMatch(/exit 1/);
		expect(check).toBeLessThan(stepRunning(job, 'npm publish --provenance --access public'));
	});

	it('never writes the npm token into the log or the repository', () => {
		const publishStep = job.steps[stepRunning(job, 'npm publish --provenance --access public')];
		expect(publishStep.env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		expect(publishStep.run).not.toMatch(/echo .*NPM_TOKEN/);
	});
});

describe('what the workflows call exists', () => {
	it.each(['ci.yml', 'publish.yml'])('%s: every `npm run` script is in package.json', (file) => {
		const commands = onlyJob(readWorkflow(file)).steps.flatMap((step) =>
			[...(step.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]),
		);
		expect(commands.length).toBeGreaterThan(0);
		for (const script of commands) expect(Object.keys(scripts)).toContain(script);
	});
});
