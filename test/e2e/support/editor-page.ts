import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

import type { Look } from './editor-panels';
import { OWNER } from './n8n-rest';

// The n8n editor as a person uses it, in Debian's Chromium driven by Playwright (as
// oauth-browser.e2e.ts does): sign in, open a workflow, open a node's panel (NDV) by double-clicking
// it on the canvas, look at its parameters, press "Execute step" (or "Fetch Test Event"), read the
// output. The test ids are the ones n8n 1.123 and 2.41 share; where they differ both are named.

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags this machine needs: its closed network refuses Chromium's background connections. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Notices n8n itself shows on every such panel (Map Automatically's advice on field names). */
const N8N_OWN_NOTICES = /^\s*In this mode, make sure the incoming data fields are named the same/;

export interface Outcome {
	ok: boolean;
	/** The output's column names (table headers), or the error a failed run shows. */
	columns: string[];
	error: string;
	seconds: number;
}

export class Editor {
	private constructor(
		readonly browser: Browser,
		readonly page: Page,
		private readonly baseUrl: string,
		readonly log: string[],
	) {}

	static async open(baseUrl: string): Promise<Editor> {
		selectors.setTestIdAttribute('data-test-id');
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
		context.setDefaultTimeout(20_000);
		const page = await context.newPage();
		const log: string[] = [];
		page.on('pageerror', (e) => log.push(`[page error] ${e.message}`));
		const editor = new Editor(browser, page, baseUrl, log);
		await page.goto(`${baseUrl}/signin`);
		await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
		await page.locator('input[name="password"]').fill(OWNER.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		return editor;
	}

	async close(): Promise<void> {
		await this.browser.close();
	}

	/** Opens a workflow on the canvas, every node in view. */
	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor();
		const fit = this.page.getByTestId('zoom-to-fit').first();
		if (await fit.isVisible()) await fit.click();
	}

	get ndv(): Locator {
		return this.page.locator('.ndv-wrapper, [data-test-id="ndv-modal"], .data-display').first();
	}

	/** The parameters pane of the open panel. */
	get parameters(): Locator {
		return this.page.getByTestId('node-parameters');
	}

	/** Double-clicks a node on the canvas and waits for its panel's parameters. */
	async openNode(name: string): Promise<void> {
		await this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
		await this.parameters.waitFor();
		await this.settle();
	}

	async closeNode(): Promise<void> {
		await this.page
			.getByTestId('ndv-close-button')
			.or(this.page.getByTestId('back-to-canvas'))
			.first()
			.click();
		await this.parameters.waitFor({ state: 'hidden' });
	}

	/** Waits until the panel has stopped loading (option lists, field mapping). */
	async settle(): Promise<void> {
		const loading = this.parameters.locator(
			'.is-loading, [class*="loading"]:not([class*="loadingDots"]), .el-loading-mask',
		);
		const deadline = Date.now() + 15_000;
		while (Date.now() < deadline && (await loading.count()) > 0)
			await this.page.waitForTimeout(150);
		await this.page.waitForTimeout(150);
	}

	/** The credential the panel shows. */
	async credentialName(): Promise<string> {
		const select = this.page.getByTestId('node-credentials-select').locator('input').first();
		return select.inputValue();
	}

	/** Warnings and errors the parameters pane shows: parameter issues and warning/danger notices. */
	async problems(): Promise<string[]> {
		const found: string[] = [];
		const issues = this.parameters.getByTestId('parameter-issues');
		for (let i = 0; i < (await issues.count()); i++) {
			const owner = issues
				.nth(i)
				.locator('xpath=ancestor::*[starts-with(@data-test-id,"parameter-input")][1]');
			found.push(
				`issue on ${(await owner.count()) ? await owner.getAttribute('data-test-id') : 'a parameter'}`,
			);
		}
		const notices = this.parameters.locator(
			'.n8n-callout[class*="warning"], .n8n-callout[class*="danger"], .notice[class*="warning"], .notice[class*="danger"], [class*="_notice_"][class*="warning"], [class*="_notice_"][class*="danger"]',
		);
		for (let i = 0; i < (await notices.count()); i++)
			if (
				(await notices.nth(i).isVisible()) &&
				!N8N_OWN_NOTICES.test(await notices.nth(i).innerText())
			)
				found.push(`notice: ${(await notices.nth(i).innerText()).trim()}`);
		return found;
	}

	/** Presses "Execute step" (or the trigger's "Fetch Test Event") and waits for the output or an error. */
	async execute(timeoutMs = 60_000): Promise<Outcome> {
		const started = Date.now();
		const output = this.page
			.getByTestId('ndv-output-panel')
			.or(this.page.getByTestId('output-panel'))
			.first();
		await this.page.getByTestId('node-execute-button').first().click();
		const error = output.getByTestId('node-error-message');
		const items = output.getByTestId('ndv-items-count');
		// n8n refuses to start a node whose parameters have issues, and says why in a notification.
		const refused = this.page
			.locator('.el-notification')
			.filter({ hasText: /cannot start|has issues/i })
			.filter({ visible: true });
		// n8n 2.41.1's editor now and then fails to start a step right after another one ("Problem
		// executing workflow: Cannot read properties of null"); a person presses the button again.
		const glitch = this.page
			.locator('.el-notification')
			.filter({ hasText: /Problem (executing|running) workflow/i })
			.filter({ visible: true });
		let pressedAgain = false;
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if ((await error.count()) || (await items.count())) break;
			if (!pressedAgain && (await glitch.count())) {
				pressedAgain = true;
				for (const close of await this.page.locator('.el-notification__closeBtn').all())
					await close.click().catch(() => undefined);
				await this.page.waitForTimeout(500);
				await this.page.getByTestId('node-execute-button').first().click();
			}
			if (await refused.count()) {
				const text = (await refused.first().innerText()).trim();
				await refused
					.first()
					.locator('.el-notification__closeBtn')
					.click()
					.catch(() => undefined);
				return { ok: false, columns: [], error: text, seconds: (Date.now() - started) / 1000 };
			}
			await this.page.waitForTimeout(150);
		}
		const seconds = (Date.now() - started) / 1000;
		if (await error.count()) {
			const description = output.getByTestId('node-error-description');
			const text = [
				await error.first().innerText(),
				(await description.count()) ? await description.first().innerText() : '',
			]
				.join('\n')
				.trim();
			return { ok: false, columns: [], error: text, seconds };
		}
		if (!(await items.count()))
			return {
				ok: false,
				columns: [],
				error: `no output after ${timeoutMs / 1000} s: ${(await output.innerText()).slice(0, 300)}`,
				seconds,
			};
		// The output as a table (n8n shows some outputs as a schema first).
		const table = output
			.getByTestId('ndv-run-data-display-mode')
			.getByText('Table', { exact: true })
			.first();
		if (await table.isVisible()) await table.click();
		const headers = output.locator('table th');
		await headers
			.first()
			.waitFor({ timeout: 5_000 })
			.catch(() => undefined);
		const columns = (await headers.allInnerTexts()).map((h) => h.trim()).filter(Boolean);
		return { ok: true, columns, error: '', seconds };
	}

	/** Looks at something in the panel; returns what it found wrong (empty when all is as expected). */
	async look(look: Look, shot: string): Promise<string[]> {
		const page = this.page;
		if (look.kind === 'options') {
			const input = this.parameters.getByTestId(`parameter-input-${look.parameter}`).first();
			const option = page
				.getByRole('option')
				.filter({ hasText: look.expect })
				.filter({ visible: true })
				.first();
			const dropdowns = page.locator('.el-select-dropdown, .el-popper').filter({ visible: true });
			// Twice: a first click can land while the panel is still rendering.
			for (let attempt = 0; attempt < 2; attempt++) {
				await input.click();
				await dropdowns
					.first()
					.waitFor({ timeout: 10_000 })
					.catch(() => undefined);
				// As a person finds an option in a long list: by typing part of its name into the list's input.
				await input
					.locator('input')
					.first()
					.pressSequentially(look.expect)
					.catch(() => undefined);
				try {
					await option.waitFor({ timeout: 20_000 });
					await this.screenshot(shot);
					await input.click();
					return [];
				} catch {
					if (attempt === 1) {
						const shown = await dropdowns.allInnerTexts();
						return [
							`${look.what}: "${look.expect}" not in the list of ${look.parameter} (${shown.join(' ').slice(0, 200) || 'no list opened'})`,
						];
					}
					await input.click().catch(() => undefined);
				}
			}
			return [];
		}
		if (look.kind === 'search') {
			const rl = this.parameters.getByTestId(`parameter-input-${look.parameter}`).first();
			await rl.getByTestId('rlc-input').click();
			// n8n 2.x puts the test id on the search input, 1.x on its wrapper.
			const search = page.getByTestId('rlc-search').filter({ visible: true }).first();
			await search.waitFor();
			await search.locator('xpath=descendant-or-self::input').first().fill(look.text);
			const items = page.getByTestId('rlc-item').filter({ visible: true });
			const item = items.filter({ hasText: look.expect }).first();
			try {
				await item.waitFor({ timeout: 15_000 });
			} catch {
				const shown = await items.allInnerTexts();
				return [
					`${look.what}: searching "${look.text}" in ${look.parameter} did not list "${look.expect}" (${shown.slice(0, 5).join(', ') || 'nothing'})`,
				];
			}
			await this.screenshot(shot);
			await item.click();
			await this.settle();
			return [];
		}
		const mapper = this.parameters.getByTestId('resource-mapper-container').first();
		await mapper.waitFor();
		if (look.kind === 'mapperRequired') {
			const wrong: string[] = [];
			const fields = mapper.getByTestId('mapping-fields-container');
			await fields.waitFor();
			for (const field of [...look.required, ...look.optional]) {
				if (!(await fields.getByTestId(`parameter-input-${field}`).count())) {
					wrong.push(`field mapping: ${field} is not listed`);
					continue;
				}
				const removable = (await fields.getByTestId(`remove-field-button-${field}`).count()) > 0;
				if (look.required.includes(field) && removable)
					wrong.push(`field mapping: ${field} is not marked required (it can be removed)`);
				if (look.optional.includes(field) && !removable)
					wrong.push(`field mapping: ${field} is marked required`);
			}
			await this.screenshot(shot);
			return wrong;
		}
		const text = await mapper.innerText();
		await this.screenshot(shot);
		return /no fields|cannot|can't|could not/i.test(text)
			? [`automatic mapping says: ${text.slice(0, 300)}`]
			: [];
	}

	async screenshot(path: string): Promise<void> {
		mkdirSync(dirname(path), { recursive: true });
		await this.page.screenshot({ path });
	}

	/** The page's HTML, for a failure to look into. */
	async saveHtml(path: string): Promise<void> {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, await this.page.content());
	}
}
