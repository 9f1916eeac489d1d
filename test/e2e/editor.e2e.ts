import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { credentialData } from '../connection/credentialData';
import { CHROMIUM, Editor, type Outcome } from './support/editor-page';
import {
	actionOperationsOfDescription,
	actionPanels,
	seedOrg,
	triggerEventsOfDescription,
	triggerPanels,
	wronglyFilledPanels,
	type Panel,
	type Seed,
} from './support/editor-panels';
import { CREDENTIAL_TYPES, n8nWithPackage, NODE_TYPES } from './support/e2e-env';
import type { N8nInstance } from './support/n8n-instance';
import { n8nVersionUnderTest, REPO_ROOT } from './support/n8n-install';
import { N8nRestClient } from './support/n8n-rest';

// Every panel of both nodes as a person sees it in the real n8n editor (Chromium driven by
// Playwright): for each trigger event and each resource and operation of the action node (as the
// nodes' descriptions list them; a new one without a check in support/editor-panels.ts fails the
// first test), open the node's panel in a prepared workflow, see the credential, no warning or
// parameter issue, the option lists and record searches loading from the sandbox org and the field
// mapping; press "Execute step" ("Fetch Test Event" for the trigger) and see the output's columns.
// Two panels filled in wrongly show our message. Every panel is saved as a screenshot in
// test-results/editor/<n8n version>/ for a reviewer.

const VERSION = n8nVersionUnderTest();
const SHOTS = join(REPO_ROOT, 'test-results', 'editor', VERSION);
const KIND = 'clientCredentials' as const;
const CREDENTIAL_NAME = 'Sandbox org (client credentials)';
/** How long "Fetch Test Event" may take: "within seconds". */
const FETCH_SECONDS = 15;
/** The action panels' test may take this long on a busy machine (jest would otherwise start the next test beside it). */
const WALK_TIMEOUT_MS = 40 * 60 * 1000;
/** E2E_PANELS=case/get,caseClosed walks only these panels (to look at a few while changing them). */
const ONLY = process.env.E2E_PANELS?.split(',').filter(Boolean);
const chosen = <T>(panels: Record<string, T>): Array<[string, T]> =>
	Object.entries(panels).filter(([key]) => !ONLY || ONLY.includes(key));

interface SavedWorkflow {
	id: string;
}

describe(`every node panel in the n8n editor, n8n ${VERSION}`, () => {
	let t: TestOrg;
	let n8n: N8nInstance;
	let seed: Seed;
	let editor: Editor;
	const workflows: Record<'action' | 'trigger', string> = { action: '', trigger: '' };
	const timings: string[] = [];

	beforeAll(async () => {
		if (!existsSync(CHROMIUM))
			throw new Error(
				`Chromium is not installed at ${CHROMIUM}: install Debian's Chromium with \`apt-get install -y chromium\` (or set CHROMIUM_PATH). The test does not download a browser.`,
			);
		const started = Date.now();
		t = await startTestOrg({ cases: 20 });
		seed = seedOrg(t);
		n8n = n8nWithPackage();
		await n8n.start();
		const api = new N8nRestClient(n8n.url);
		await api.signInAsOwner();
		const credential = await api.ok<{ id: string }>('POST', '/rest/credentials', {
			name: CREDENTIAL_NAME,
			type: CREDENTIAL_TYPES[KIND],
			data: await credentialData(t, KIND),
		});
		const credentials = { [CREDENTIAL_TYPES[KIND]]: { id: credential.id, name: CREDENTIAL_NAME } };
		const save = async (workflow: object) =>
			(await api.ok<SavedWorkflow>('POST', '/rest/workflows', workflow)).id;
		workflows.action = await save(actionWorkflow(seed, credentials));
		workflows.trigger = await save(triggerWorkflow(seed, credentials));
		editor = await Editor.open(n8n.url);
		timings.push(`set up (org, n8n, browser) in ${seconds(started)} s`);
	});

	afterAll(async () => {
		if (timings.length)
			process.stderr.write(`editor walkthrough, n8n ${VERSION}:\n  ${timings.join('\n  ')}\n`);
		await editor?.close();
		await n8n?.dispose();
		await t?.close();
	});

	it('has a check for every event, resource and operation the nodes offer', () => {
		const s = seed;
		expect(Object.keys(actionPanels(s)).sort()).toEqual(actionOperationsOfDescription().sort());
		expect(Object.keys(triggerPanels(s)).sort()).toEqual(triggerEventsOfDescription().sort());
	});

	/** Opens a panel, checks it, executes it; what was wrong, as lines for the failure message. */
	async function walk(
		node: string,
		panel: Panel,
		shot: string,
		fetchSeconds?: number,
	): Promise<string[]> {
		const wrong: string[] = [];
		try {
			await editor.openNode(node);
			const credential = await editor.credentialName();
			if (credential !== CREDENTIAL_NAME) wrong.push(`credential shown: "${credential}"`);
			for (const look of panel.look ?? [])
				wrong.push(...(await editor.look(look, join(SHOTS, `${shot}-${look.kind}.png`))));
			wrong.push(...(await editor.problems()));
			const outcome = await editor.execute();
			wrong.push(...outputProblems(outcome, panel.columns));
			if (fetchSeconds !== undefined && outcome.seconds > fetchSeconds)
				wrong.push(`"Fetch Test Event" took ${outcome.seconds} s (more than ${fetchSeconds} s)`);
			await editor.screenshot(join(SHOTS, `${shot}.png`));
			if (wrong.length) await editor.saveHtml(join(SHOTS, `${shot}.html`));
			await editor.closeNode();
		} catch (error) {
			wrong.push(`could not walk the panel: ${(error as Error).message.split('\n')[0]}`);
			await editor.screenshot(join(SHOTS, `${shot}-failed.png`)).catch(() => undefined);
			await editor.saveHtml(join(SHOTS, `${shot}.html`)).catch(() => undefined);
			await editor
				.openWorkflow(node.includes('/') ? workflows.action : workflows.trigger)
				.catch(() => undefined);
		}
		return wrong.map((w) => `${node}: ${w}`);
	}

	it(
		'shows every action panel correctly filled, with lists from the org, and runs it',
		async () => {
			const started = Date.now();
			await editor.openWorkflow(workflows.action);
			const wrong: string[] = [];
			for (const [key, panel] of chosen(actionPanels(seed)))
				wrong.push(...(await walk(key, panel, `action-${key.replace('/', '-')}`)));
			timings.push(`${chosen(actionPanels(seed)).length} action panels in ${seconds(started)} s`);
			expect(wrong).toEqual([]);
		},
		WALK_TIMEOUT_MS,
	);

	it('shows our message after executing a wrongly filled panel', async () => {
		const started = Date.now();
		const wrong: string[] = [];
		for (const [what, panel] of chosen(wronglyFilledPanels(seed))) {
			const node = `wrong: ${what}`;
			try {
				await editor.openNode(node);
				const outcome = await editor.execute();
				await editor.screenshot(
					join(
						SHOTS,
						`action-${panel.resource}-${panel.operation}-${what.replace(/\W+/g, '-')}.png`,
					),
				);
				if (outcome.ok) wrong.push(`${node}: ran without an error`);
				else if (!panel.message.test(outcome.error))
					wrong.push(`${node}: the error does not say ${panel.message}: ${outcome.error}`);
				await editor.closeNode();
			} catch (error) {
				wrong.push(`${node}: ${(error as Error).message.split('\n')[0]}`);
			}
		}
		timings.push(`wrongly filled panels in ${seconds(started)} s`);
		expect(wrong).toEqual([]);
	});

	it('shows every trigger event and fetches a test event within seconds', async () => {
		const started = Date.now();
		await editor.openWorkflow(workflows.trigger);
		const wrong: string[] = [];
		for (const [event, panel] of chosen(triggerPanels(seed)))
			wrong.push(...(await walk(event, panel, `trigger-event-${event}`, FETCH_SECONDS)));
		timings.push(`${chosen(triggerPanels(seed)).length} trigger panels in ${seconds(started)} s`);
		expect(wrong).toEqual([]);
	});
});

function outputProblems(outcome: Outcome, columns: string[]): string[] {
	if (!outcome.ok) return [`executing failed: ${outcome.error.slice(0, 400)}`];
	const missing = columns.filter((c) => !outcome.columns.includes(c));
	return missing.length
		? [`output lacks ${missing.join(', ')} (shows ${outcome.columns.join(', ') || 'no columns'})`]
		: [];
}

function seconds(since: number): number {
	return Math.round((Date.now() - since) / 1000);
}

type Credentials = Record<string, { id: string; name: string }>;

/** A node of ours at a place on a grid of 8 columns. */
function place(i: number): [number, number] {
	return [(i % 8) * 260, Math.floor(i / 8) * 220 + 220];
}

/** The workflow of the action panels: a manual trigger (and a file for Upload), a node for each panel. */
function actionWorkflow(seed: Seed, credentials: Credentials) {
	const panels: Array<[string, string, string, Panel]> = [
		...Object.entries(actionPanels(seed)).map(([key, panel]): [string, string, string, Panel] => {
			const [resource, operation] = key.split('/');
			return [key, resource, operation, panel];
		}),
		...Object.entries(wronglyFilledPanels(seed)).map(
			([what, p]): [string, string, string, Panel] => [
				`wrong: ${what}`,
				p.resource,
				p.operation,
				p,
			],
		),
	];
	const nodes: object[] = [
		{
			id: randomUUID(),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: randomUUID(),
			name: 'A Lead With a File',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [260, 0],
			parameters: {
				jsCode:
					"return [{ json: { LastName: 'Auto Walker', Company: 'Auto Co', External_Id__c: 'walk-auto-' + Date.now() }, binary: { data: { data: Buffer.from('Walkthrough file\\n').toString('base64'), mimeType: 'text/plain', fileName: 'walkthrough.txt' } } }];",
			},
		},
	];
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	> = {
		Start: { main: [[{ node: 'A Lead With a File', type: 'main', index: 0 }]] },
		'A Lead With a File': { main: [[]] },
	};
	panels.forEach(([name, resource, operation, panel], i) => {
		nodes.push({
			id: randomUUID(),
			name,
			type: NODE_TYPES.action,
			typeVersion: 1,
			position: place(i),
			parameters: { authentication: KIND, resource, operation, ...panel.parameters },
			credentials,
		});
		const from = panel.fromInput ? 'A Lead With a File' : 'Start';
		connections[from].main[0].push({ node: name, type: 'main', index: 0 });
	});
	return {
		name: `Every action panel (${VERSION})`,
		nodes,
		connections,
		settings: {},
		active: false,
	};
}

/** The workflow of the trigger panels: one trigger node for each event. */
function triggerWorkflow(seed: Seed, credentials: Credentials) {
	const nodes = Object.entries(triggerPanels(seed)).map(([event, panel], i) => ({
		id: randomUUID(),
		name: event,
		type: NODE_TYPES.trigger,
		typeVersion: 1,
		position: place(i),
		parameters: { authentication: KIND, event, ...panel.parameters },
		credentials,
	}));
	return {
		name: `Every trigger event (${VERSION})`,
		nodes,
		connections: {},
		settings: {},
		active: false,
	};
}
