import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIAL_BLANKING_VALUE } from 'n8n-workflow';
import {
	chromium,
	selectors,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
} from 'playwright-core';

import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { CREDENTIAL_TYPES, n8nWithPackage } from './support/e2e-env';
import { CHROMIUM, CHROMIUM_ARGS } from './support/editor-page';
import type { N8nInstance } from './support/n8n-instance';
import { n8nVersionUnderTest, REPO_ROOT } from './support/n8n-install';
import { N8nRestClient, OWNER } from './support/n8n-rest';

// The OAuth2 web-server flow as a person runs it: in a real browser (Debian's Chromium, driven by
// Playwright), sign in to the real n8n editor, create a "Salesforce Service Cloud OAuth2 API"
// credential pointing at the sandbox org, press Connect, log in and allow on the org's page in the
// popup, and come back connected. The saved credential is then checked through n8n's REST API and
// its credential test, and the org's counters show the authorization-code exchange.
//
// The editors differ: n8n 2.x shows a "Connect" button in a banner (quick-connect-button) and keeps
// the Save button disabled once saved; 1.x shows "Connect my account" (oauth-connect-button) and a
// "Saved" label. Both save the credential before opening the popup and show "Account connected".
// Neither tests an OAuth2 credential on save (the editor's isCredentialTestable is false for OAuth
// types), so the test runs through POST /rest/credentials/test, as the editor does for other types.

const VERSION = n8nVersionUnderTest();
const SCREENSHOTS = join(REPO_ROOT, '.cache', 'e2e-screenshots', 'oauth-browser', VERSION);
const CREDENTIAL_DISPLAY_NAME = 'Salesforce Service Cloud OAuth2 API';
const CREDENTIAL_NAME = `Sandbox org via the browser ${VERSION}`;

interface CredentialListEntry {
	id: string;
	name: string;
	type: string;
}

describe(`OAuth2 "Connect" in a real browser, n8n ${VERSION}`, () => {
	let t: TestOrg;
	let n8n: N8nInstance;
	let api: N8nRestClient;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	/** What the pages said when something went wrong, for the failure message. */
	const browserLog: string[] = [];
	/** Every URL the OAuth popup showed. */
	const popupUrls: string[] = [];
	let tokenRequestsBefore: Record<string, number> = {};

	beforeAll(async () => {
		if (!existsSync(CHROMIUM)) {
			throw new Error(
				`Chromium is not installed at ${CHROMIUM}: install Debian's Chromium with \`apt-get install -y chromium chromium-driver\` (or set CHROMIUM_PATH). The test does not download a browser.`,
			);
		}
		selectors.setTestIdAttribute('data-test-id');
		t = await startTestOrg({ cases: 0 });
		n8n = n8nWithPackage();
		await n8n.start();
		api = new N8nRestClient(n8n.url);
		await api.signInAsOwner();
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		context.setDefaultTimeout(30_000);
		context.on('page', (p) => watch(p));
		page = await context.newPage();
		tokenRequestsBefore = { ...t.org.counters.tokenRequestsByGrant };
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.dispose();
		await t?.close();
	});

	function watch(p: Page): void {
		p.on('console', (m) => {
			if (m.type() === 'error') browserLog.push(`[console ${withoutQuery(p.url())}] ${m.text()}`);
		});
		p.on('pageerror', (e) => browserLog.push(`[page error ${withoutQuery(p.url())}] ${e.message}`));
	}

	/** Runs one step of the flow; on failure saves a screenshot and the HTML of every open page, and says where. */
	async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
		try {
			return await run();
		} catch (error) {
			mkdirSync(SCREENSHOTS, { recursive: true });
			const saved: string[] = [];
			for (const [i, p] of context.pages().entries()) {
				const base = join(SCREENSHOTS, `${name.replace(/\W+/g, '-')}-${i}`);
				try {
					await p.screenshot({ path: `${base}.png`, timeout: 5_000 });
					writeFileSync(`${base}.html`, await p.content());
					saved.push(`${base}.png (${withoutQuery(p.url())})`);
				} catch {
					// the page went away
				}
			}
			const message = error instanceof Error ? error.message : String(error);
			throw new Error(
				`step "${name}" failed: ${message}\nscreenshots: ${saved.join(', ') || 'none'}\npopup went to: ${popupUrls.map(withoutQuery).join(' -> ') || 'no popup'}\n` +
					`browser errors:\n${browserLog.slice(-15).join('\n')}\nn8n log:\n${n8n.tail(25)}`,
			);
		}
	}

	/** Polls `check` until it is true. */
	async function waitUntil(
		what: string,
		check: () => Promise<boolean>,
		timeoutMs = 30_000,
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (await check()) return;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
	}

	async function savedCredential(): Promise<CredentialListEntry | undefined> {
		const list = await api.ok<CredentialListEntry[]>('GET', '/rest/credentials');
		return list.find((c) => c.name === CREDENTIAL_NAME);
	}

	it("signs in, creates the credential, connects through the org's login page and saves it", async () => {
		await step('sign in', async () => {
			await page.goto(`${n8n.url}/signin`);
			await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
			await page.locator('input[name="password"]').fill(OWNER.password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		});

		const modal = page.getByTestId('editCredential-modal');
		await step('open a new credential', async () => {
			await page.goto(`${n8n.url}/home/credentials`);
			await page.getByTestId('add-resource-credential').click();
			await page
				.getByTestId('new-credential-type-select')
				.locator('input')
				.fill('Salesforce Service Cloud OAuth2');
			await page.getByRole('option', { name: CREDENTIAL_DISPLAY_NAME, exact: true }).click();
			await page.getByTestId('new-credential-type-button').click();
			await modal.waitFor();
			expect(await modal.innerText()).toContain(CREDENTIAL_DISPLAY_NAME);
		});

		await step('fill in the credential', async () => {
			const name = modal.getByTestId('credential-name');
			await name.click();
			await name.locator('input').fill(CREDENTIAL_NAME);
			await name.locator('input').press('Enter');
			await fieldInput(modal, 'clientId').fill(t.identity.clientId);
			await fieldInput(modal, 'clientSecret').fill(t.identity.clientSecret);
			await fieldInput(modal, 'environment').click();
			await page
				.getByRole('option')
				.filter({ hasText: 'My Domain' })
				.filter({ visible: true })
				.first()
				.click();
			// My Domain URL shows once My Domain is picked.
			await fieldInput(modal, 'myDomainUrl').fill(t.url);
			expect(await fieldInput(modal, 'environment').inputValue()).toBe('My Domain');
			expect(await fieldInput(modal, 'scope').inputValue()).toBe('api refresh_token');
		});

		const popup = await step('press Connect', async () => {
			// 2.x: "Connect" in the not-connected banner; 1.x: "Connect my account" below the fields.
			const connect = modal
				.getByTestId('quick-connect-button')
				.or(modal.getByTestId('oauth-connect-button').getByRole('button'))
				.filter({ visible: true })
				.first();
			const [opened] = await Promise.all([page.waitForEvent('popup'), connect.click()]);
			popupUrls.push(opened.url());
			opened.on('framenavigated', (frame) => {
				if (frame === opened.mainFrame()) popupUrls.push(frame.url());
			});
			await opened.waitForURL(
				(url) => url.origin === t.url && url.pathname === '/services/oauth2/authorize',
			);
			return opened;
		});

		await step("log in and allow on the org's page", async () => {
			await popup.locator('#username').waitFor();
			expect(await popup.title()).toBe('Login | Salesforce (sandbox org)');
			const authorize = new URL(popup.url());
			expect(authorize.searchParams.get('client_id')).toBe(t.identity.clientId);
			expect(authorize.searchParams.get('redirect_uri')).toBe(
				`${n8n.url}/rest/oauth2-credential/callback`,
			);
			expect(authorize.searchParams.get('scope')).toBe('api refresh_token');
			await popup.locator('#username').fill(t.identity.username);
			await popup.locator('#password').fill(t.identity.password);
			// n8n's callback page closes the popup once it has exchanged the code.
			await Promise.all([
				popup.waitForEvent('close', { timeout: 60_000 }),
				popup.getByRole('button', { name: 'Allow' }).click(),
			]);
		});

		await step('see the account connected', async () => {
			const callback = popupUrls.find((u) =>
				u.startsWith(`${n8n.url}/rest/oauth2-credential/callback?`),
			);
			expect(callback).toBeDefined();
			expect(new URL(callback ?? 'http://x').searchParams.get('code')).toMatch(/^aPrx/);
			const connected = modal.getByTestId('oauth-connect-success-banner');
			await connected.waitFor({ state: 'visible' });
			expect(await connected.innerText()).toContain('Account connected');
		});

		await step('save', async () => {
			// Connect saved the credential already; Save is there if anything changed since.
			const save = modal
				.getByTestId('credential-save-button')
				.getByRole('button', { name: 'Save' });
			if ((await save.isVisible()) && (await save.isEnabled())) await save.click();
			await waitUntil('the editor shows the credential saved', async () => {
				const label = await modal.getByTestId('credential-save-button').innerText();
				return label.includes('Saved') || ((await save.isVisible()) && (await save.isDisabled()));
			});
			await waitUntil(
				'n8n has the credential',
				async () => (await savedCredential()) !== undefined,
			);
		});

		await step('find it in the credential list', async () => {
			await modal.getByRole('button', { name: 'Close this dialog' }).click();
			await modal.waitFor({ state: 'hidden' });
			await page.goto(`${n8n.url}/home/credentials`);
			const card = page.getByTestId('resources-list-item').filter({ hasText: CREDENTIAL_NAME });
			await card.waitFor();
			expect(await card.innerText()).toContain(CREDENTIAL_DISPLAY_NAME);
		});
	});

	it('is saved in n8n, with the token response of the flow', async () => {
		const credential = await savedCredential();
		expect(credential).toMatchObject({ name: CREDENTIAL_NAME, type: CREDENTIAL_TYPES.oAuth2 });
		const withData = await api.ok<{ data: Record<string, unknown> }>(
			'GET',
			`/rest/credentials/${credential?.id}?includeData=true`,
		);
		// n8n shows a connected credential's token data as `true` and blanks the secret.
		expect(withData.data).toMatchObject({
			environment: 'myDomain',
			myDomainUrl: t.url,
			clientId: t.identity.clientId,
			oauthTokenData: true,
		});
	});

	it('passes its credential test', async () => {
		const credential = await savedCredential();
		if (!credential) throw new Error('the credential was not saved');
		const stored = await api.ok<{ data: Record<string, unknown> }>(
			'GET',
			`/rest/credentials/${credential.id}?includeData=true`,
		);
		// The editor sends the fields it shows; n8n fills each blanked one from the stored credential
		// (tokens included), so this tests what was saved.
		const data = Object.fromEntries(
			Object.keys(stored.data).map((key) => [key, CREDENTIAL_BLANKING_VALUE]),
		);
		const apiCallsBefore = t.org.counters.apiCalls;
		const result = await api.ok<{ status: string; message: string }>(
			'POST',
			'/rest/credentials/test',
			{ credentials: { id: credential.id, name: credential.name, type: credential.type, data } },
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(t.org.counters.apiCalls).toBe(apiCallsBefore + 1);
	});

	it('made the org exchange an authorization code for tokens, once', () => {
		const after = t.org.counters.tokenRequestsByGrant;
		expect((after.authorization_code ?? 0) - (tokenRequestsBefore.authorization_code ?? 0)).toBe(1);
	});
});

/** The input of a credential field (`parameter-input-<name>`), as both editors render it. */
function fieldInput(modal: Locator, name: string): Locator {
	return modal.getByTestId(`parameter-input-${name}`).locator('input').first();
}

function withoutQuery(url: string): string {
	return url.replace(/[?#].*$/, '');
}
