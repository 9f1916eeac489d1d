import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Authentication } from '../../nodes/shared/transport/credentialTypes';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { probeHooks } from './probe.node';
import { AUTHENTICATIONS, harness, probe, saveCredential } from './setup';

// The connection layer through n8n's real engine against the sandbox org: sessions that end in the
// middle of a run heal themselves, and are stored; transient failures are ridden out; a spent API
// allowance stops the run at once with the usage.

describe('the Salesforce connection', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
		for (let i = 0; i < 1000; i++)
			t.org.store.insert('Case', { Subject: `Case ${i}`, Status: 'New' });
	});
	afterAll(async () => {
		await t.close();
	});
	afterEach(() => {
		probeHooks.betweenPages = undefined;
		t.org.sessions.rotateRefreshTokens = false;
		t.org.faults.failNext = { count: 0, kind: 'SERVER_UNAVAILABLE' };
		t.org.apiUsageOffset = 0;
	});

	const run = async (
		n8n: ReturnType<typeof harness>,
		authentication: Authentication,
		credentials: object,
		parameters: INodeParameters,
	) => {
		const tokensBefore = t.org.counters.tokenRequests;
		const result = await n8n.execute({
			type: probe,
			parameters: { authentication, ...parameters },
			credentials: credentials as never,
		});
		return {
			...result,
			json: result.output?.[0]?.[0]?.json as IDataObject | undefined,
			tokenRequests: t.org.counters.tokenRequests - tokensBefore,
		};
	};

	it.each(AUTHENTICATIONS)(
		'%s: a session that ends in the middle of a paged query is renewed, once, and stored',
		async (authentication) => {
			const n8n = harness();
			const { ref, credentials } = await saveCredential(n8n, t, authentication);
			probeHooks.betweenPages = (page) => {
				if (page === 2) t.org.sessions.expireAll();
			};
			const result = await run(n8n, authentication, credentials, {
				action: 'pagedQuery',
				soql: 'SELECT Id, Subject FROM Case',
			});
			expect(result.error).toBeUndefined();
			expect(result.json).toMatchObject({ records: 1000, pages: 5 });
			// OAuth2 came connected (its token request was the Connect); JWT and client credentials log in once, then once more.
			expect(result.tokenRequests).toBe(authentication === 'oAuth2' ? 1 : 2);
			const stored = n8n.storedCredential(ref.id);
			const token =
				authentication === 'oAuth2'
					? (stored.oauthTokenData as IDataObject).access_token
					: stored.sessionToken;
			expect(t.org.sessions.validate(String(token))).toBeDefined();
		},
	);

	it.each(AUTHENTICATIONS)(
		'%s: 1,000 API calls cost one token request at most, and the next execution reuses the stored session',
		async (authentication) => {
			const n8n = harness();
			const { credentials } = await saveCredential(n8n, t, authentication);
			const callsBefore = t.org.counters.apiCalls;
			const first = await run(n8n, authentication, credentials, {
				action: 'manyCalls',
				count: 1000,
			});
			expect(first.error).toBeUndefined();
			expect(t.org.counters.apiCalls - callsBefore).toBe(1000);
			expect(first.tokenRequests).toBe(authentication === 'oAuth2' ? 0 : 1);
			const second = await run(n8n, authentication, credentials, {
				action: 'manyCalls',
				count: 10,
			});
			expect(second.tokenRequests).toBe(0);
		},
	);

	it.each(['jwt', 'clientCredentials'] as const)(
		'%s: concurrent calls without a session log in once',
		async (authentication) => {
			const n8n = harness();
			const { credentials } = await saveCredential(n8n, t, authentication);
			const result = await run(n8n, authentication, credentials, {
				action: 'concurrentCalls',
				count: 10,
			});
			expect(result.error).toBeUndefined();
			expect(result.tokenRequests).toBe(1);
		},
	);

	it('OAuth2 with refresh-token rotation: the rotated refresh token is stored and the next execution works', async () => {
		t.org.sessions.rotateRefreshTokens = true;
		const n8n = harness();
		const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
		const original = String(
			(n8n.storedCredential(ref.id).oauthTokenData as IDataObject).refresh_token,
		);

		t.org.sessions.expireAll();
		const first = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 3 });
		expect(first.error).toBeUndefined();
		expect(first.tokenRequests).toBe(1);
		const rotated = String(
			(n8n.storedCredential(ref.id).oauthTokenData as IDataObject).refresh_token,
		);
		expect(rotated).not.toBe(original);
		expect(t.org.sessions.refreshGrant(original)).toBeUndefined();

		t.org.sessions.expireAll();
		const second = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 3 });
		expect(second.error).toBeUndefined();
		expect(second.tokenRequests).toBe(1);
	});

	it('OAuth2 with a revoked refresh token: says to reconnect the credential', async () => {
		const n8n = harness();
		const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
		t.org.sessions.revoke(
			String((n8n.storedCredential(ref.id).oauthTokenData as IDataObject).refresh_token),
		);
		t.org.sessions.expireAll();
		const result = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 1 });
		expect(result.error?.message).toBe(
			'The Salesforce credential could not start a session [CREDENTIAL_ERROR]',
		);
		expect(result.error?.description).toMatch(/needs to be reconnected.*"Reconnect"/);
	});

	it('JWT whose login Salesforce now refuses (certificate replaced): says what to fix', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'jwt');
		const app = t.org.app(t.identity.clientId)!;
		const certificates = app.certificates;
		app.certificates = [];
		try {
			const result = await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
			expect(result.error?.message).toBe(
				'The Salesforce credential could not start a session [CREDENTIAL_ERROR]',
			);
			expect(result.error?.description).toMatch(
				/private key does not match the certificate uploaded to the connected app/,
			);
		} finally {
			app.certificates = certificates;
		}
	});

	describe('an OAuth2 credential whose token data lost its instance URL (n8n issue #34916)', () => {
		const strip = (n8n: ReturnType<typeof harness>, id: string, fields: string[]) => {
			const token = { ...(n8n.storedCredential(id).oauthTokenData as IDataObject) };
			for (const f of fields) delete token[f];
			n8n.store.edit(id, { oauthTokenData: token });
		};
		const identityRequests = (since: number) =>
			t.org.counters.log
				.slice(since)
				.filter((e) => e.path.startsWith('/id/') || e.path === '/services/oauth2/userinfo');

		it('learns it from the identity URL, once, and keeps working', async () => {
			const n8n = harness();
			const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
			strip(n8n, ref.id, ['instance_url']);
			const logStart = t.org.counters.log.length;
			const first = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 2 });
			expect(first.error).toBeUndefined();
			expect(first.json?.requestsSent).toBe(2);
			const second = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 1 });
			expect(second.error).toBeUndefined();
			expect(identityRequests(logStart).map((e) => [e.method, e.status])).toEqual([['GET', 200]]);
		});

		it('asks the login server (UserInfo) when the identity URL is gone too', async () => {
			const n8n = harness();
			const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
			strip(n8n, ref.id, ['instance_url', 'id']);
			const logStart = t.org.counters.log.length;
			const result = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 1 });
			expect(result.error).toBeUndefined();
			expect(identityRequests(logStart).map((e) => e.path)).toEqual(['/services/oauth2/userinfo']);
		});

		it('renews an ended session on the way (the identity service answers it with 403)', async () => {
			const n8n = harness();
			const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
			strip(n8n, ref.id, ['instance_url', 'id']);
			t.org.sessions.expireAll();
			const result = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 1 });
			expect(result.error).toBeUndefined();
			expect(result.tokenRequests).toBe(1);
			// The refreshed token data carries the instance URL again.
			expect((n8n.storedCredential(ref.id).oauthTokenData as IDataObject).instance_url).toBe(t.url);
		});

		it('a credential never connected still says so', async () => {
			const n8n = harness();
			const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
			n8n.store.edit(ref.id, { oauthTokenData: {} });
			const result = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 1 });
			expect(result.error?.message).toBe('The Salesforce OAuth2 credential is not connected yet');
		});
	});

	it('a server that does not answer: says where it tried', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'oAuth2');
		const closed = await startTestOrg();
		await closed.close();
		const ref = Object.values(credentials)[0] as { id: string };
		const data = n8n.storedCredential(ref.id);
		n8n.store.edit(ref.id, {
			oauthTokenData: { ...(data.oauthTokenData as IDataObject), instance_url: closed.url },
		});
		const result = await run(n8n, 'oAuth2', credentials, { action: 'manyCalls', count: 1 });
		expect(result.error?.message).toBe('Could not reach Salesforce [ECONNREFUSED]');
		expect(result.error?.description).toContain(
			`No answer from ${new URL(closed.url).host} after 4 tries`,
		);
	});

	it('rides out a storm of 503s on a read', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'jwt');
		await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
		t.org.faults.failNext = { count: 3, kind: 'SERVER_UNAVAILABLE' };
		const result = await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
		expect(result.error).toBeUndefined();
		expect(result.json?.requestsSent).toBe(4);
	});

	it('repeats an update that met UNABLE_TO_LOCK_ROW', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'clientCredentials');
		const id = t.org.store.insert('Account', { Name: 'Locked Inc' });
		await run(n8n, 'clientCredentials', credentials, { action: 'manyCalls', count: 1 });
		t.org.faults.failNext = { count: 2, kind: 'UNABLE_TO_LOCK_ROW' };
		const result = await run(n8n, 'clientCredentials', credentials, {
			action: 'update',
			object: 'Account',
			record: JSON.stringify({ Id: id, Phone: '555-0100' }),
		});
		expect(result.error).toBeUndefined();
		expect(t.org.store.get(id)?.Phone).toBe('555-0100');
	});

	it('sends a create again when Salesforce answered 503 (it applied nothing), and writes it once', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'jwt');
		await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
		t.org.faults.failNext = { count: 1, kind: 'SERVER_UNAVAILABLE' };
		const accountsBefore = t.org.store.count('Account');
		const posts = () =>
			t.org.counters.log.filter((e) => e.method === 'POST' && e.path.endsWith('/sobjects/Account'))
				.length;
		const postsBefore = posts();
		const result = await run(n8n, 'jwt', credentials, {
			action: 'create',
			object: 'Account',
			record: JSON.stringify({ Name: 'Once Only' }),
		});
		expect(result.error).toBeUndefined();
		expect(posts() - postsBefore).toBe(2);
		expect(t.org.store.count('Account')).toBe(accountsBefore + 1);
	});

	it('never repeats a create whose answer was lost after it reached Salesforce', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'jwt');
		await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
		t.org.faults.plan = [{ kind: 'RESET', method: 'POST', path: '/sobjects/Account' }];
		const accountsBefore = t.org.store.count('Account');
		const posts = () =>
			t.org.counters.log.filter((e) => e.method === 'POST' && e.path.endsWith('/sobjects/Account'))
				.length;
		const postsBefore = posts();
		const result = await run(n8n, 'jwt', credentials, {
			action: 'create',
			object: 'Account',
			record: JSON.stringify({ Name: 'Once Only' }),
		});
		expect(result.error?.message).toMatch(/Could not reach Salesforce/);
		expect(posts() - postsBefore).toBe(1);
		expect(t.org.store.count('Account')).toBe(accountsBefore + 1);
	});

	it('gives up after the retries with a plain-words error', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'jwt');
		await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
		t.org.faults.failNext = { count: 50, kind: 'SERVER_UNAVAILABLE' };
		const result = await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
		expect(result.error?.message).toBe(
			'Salesforce is not available right now [SERVER_UNAVAILABLE]',
		);
		expect(result.error?.description).toMatch(/^Salesforce said: Server temporarily unavailable/);
		expect(t.org.faults.failNext.count).toBe(46);
	});

	it('stops at once when the daily API allowance is spent, with the usage figures', async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'jwt');
		await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 1 });
		t.org.apiUsageOffset = t.org.dailyApiLimit - t.org.counters.apiCalls;
		const before = t.org.counters.log.length;
		const result = await run(n8n, 'jwt', credentials, { action: 'manyCalls', count: 5 });
		expect(result.error?.message).toBe(
			"Your Salesforce org's daily API allowance is spent [REQUEST_LIMIT_EXCEEDED]",
		);
		expect(result.error?.description).toMatch(
			/15,000 of 15,000 calls used in the last 24 hours\); retrying soon does not help/,
		);
		expect((result.error as { context?: IDataObject } | undefined)?.context?.errorCode).toBe(
			'REQUEST_LIMIT_EXCEEDED',
		);
		expect(t.org.counters.log.length - before).toBe(1);
	});

	it("names the field and Salesforce's message for a refused write", async () => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, 'oAuth2');
		const result = await run(n8n, 'oAuth2', credentials, {
			action: 'create',
			object: 'Contact',
			record: JSON.stringify({ LastName: 'Doe', Email: 'not an email' }),
		});
		expect(result.error?.message).toBe('An email address is not valid [INVALID_EMAIL_ADDRESS]');
		expect(result.error?.description).toBe(
			'Salesforce said: Email: invalid email address: not an email. Fields: Email. Correct the email address.',
		);
		expect((result.error as { context?: IDataObject } | undefined)?.context).toMatchObject({
			errorCode: 'INVALID_EMAIL_ADDRESS',
			fields: ['Email'],
		});
	});
});
