import { createHmac } from 'node:crypto';

import { fixture } from '../contract/fixtures';
import { expectSameShape } from '../contract/shape';
import { startTestOrg, type TestOrg } from '../testing';
import {
	authorizeAndAllow,
	authorizeUrl,
	basicAuth,
	CALLBACK_URL,
	callbackQuery,
	dataApiCall,
	formFieldsOf,
	get,
	newPkce,
	postForm,
	submitLoginPage,
	tokenUrl,
} from './oauth-test-client';

// The web-server flow driven over HTTP as n8n's OAuth2 "Connect" button drives it: the authorize
// URL opened in a browser, the login page filled in, the callback's code exchanged for tokens.

const TOKEN_KEYS_WITH_REFRESH = [
	'access_token',
	'refresh_token',
	'signature',
	'scope',
	'instance_url',
	'id',
	'token_type',
	'issued_at',
];

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
});
afterAll(async () => {
	await t.close();
});

function n8nAuthorizeParams(extra: Record<string, string> = {}): Record<string, string> {
	return {
		client_id: t.identity.clientId,
		redirect_uri: CALLBACK_URL,
		response_type: 'code',
		state: 'eyJ0b2tlbiI6Im44bi1jc3JmIn0=',
		scope: 'full refresh_token',
		...extra,
	};
}

function exchangeWithBasic(code: string, extra: Record<string, string> = {}) {
	return postForm(
		tokenUrl(t),
		{ code, grant_type: 'authorization_code', redirect_uri: CALLBACK_URL, ...extra },
		{ Authorization: basicAuth(t.identity.clientId, t.identity.clientSecret) },
	);
}

describe('the authorize page', () => {
	it('is a login form a person or a script can fill, carrying the request through', async () => {
		const page = await get(authorizeUrl(t, n8nAuthorizeParams()));
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		for (const id of ['username', 'password', 'oaapprove', 'oadeny'])
			expect(page.text).toContain(`id="${id}"`);
		expect(formFieldsOf(page.text)).toMatchObject({
			client_id: t.identity.clientId,
			redirect_uri: CALLBACK_URL,
			response_type: 'code',
			state: 'eyJ0b2tlbiI6Im44bi1jc3JmIn0=',
			scope: 'full refresh_token',
		});
	});

	it('redirects to the callback with a code and the state after Allow', async () => {
		const query = await authorizeAndAllow(t, n8nAuthorizeParams());
		expect(query.get('state')).toBe('eyJ0b2tlbiI6Im44bi1jc3JmIn0=');
		expect(query.get('code')).toMatch(/^aPrx/);
	});

	it('carries a state with markup in it through the page unharmed, and returns it as it was', async () => {
		const state = '"><script>alert(1)</script>&x=1';
		const page = await get(authorizeUrl(t, n8nAuthorizeParams({ state })));
		expect(page.text).not.toContain('<script>');
		const query = await authorizeAndAllow(t, n8nAuthorizeParams({ state }));
		expect(query.get('state')).toBe(state);
	});

	it('sends access_denied to the callback on Deny', async () => {
		const page = await get(authorizeUrl(t, n8nAuthorizeParams()));
		const denied = await submitLoginPage(t, page.text, { decision: 'deny' });
		expect(denied.status).toBe(302);
		const query = callbackQuery(denied);
		expect(denied.headers.get('location')).toMatch(new RegExp(`^${CALLBACK_URL}\\?`));
		expect(Object.fromEntries(query)).toEqual({
			error: 'access_denied',
			error_description: 'end-user denied authorization',
			state: 'eyJ0b2tlbiI6Im44bi1jc3JmIn0=',
		});
	});

	it('shows the page again with an error after a wrong password, and no code', async () => {
		const page = await get(authorizeUrl(t, n8nAuthorizeParams()));
		const codesBefore = t.org.authorizationCodes.size;
		const retry = await submitLoginPage(t, page.text, {
			username: t.identity.username,
			password: 'not the password',
			decision: 'allow',
		});
		expect(retry.status).toBe(200);
		expect(retry.headers.get('location')).toBeNull();
		expect(retry.text).toContain('Please check your username and password.');
		expect(retry.text).toContain(`value="${t.identity.username}"`);
		expect(t.org.authorizationCodes.size).toBe(codesBefore);
	});

	it('shows an error page, not a redirect, for an unknown consumer key', async () => {
		const page = await get(
			authorizeUrl(t, n8nAuthorizeParams({ client_id: 'not-a-consumer-key' })),
		);
		expect(page.status).toBe(400);
		expect(page.headers.get('location')).toBeNull();
		expect(page.text).toContain(
			'error=invalid_client_id&amp;error_description=client%20identifier%20invalid',
		);
	});

	it('shows an error page, not a redirect, for a callback URL the app does not list', async () => {
		const app = t.org.addConnectedApp({
			clientId: 'strict-callback-app',
			clientSecret: 'strict-secret',
			callbackUrls: ['https://n8n.example.com/rest/oauth2-credential/callback'],
		});
		const page = await get(
			authorizeUrl(
				t,
				n8nAuthorizeParams({
					client_id: app.clientId,
					redirect_uri: 'https://evil.example.com/callback',
				}),
			),
		);
		expect(page.status).toBe(400);
		expect(page.headers.get('location')).toBeNull();
		expect(page.text).toContain(
			'error=redirect_uri_mismatch&amp;error_description=redirect_uri%20must%20match%20configuration',
		);

		const listed = await get(
			authorizeUrl(
				t,
				n8nAuthorizeParams({
					client_id: app.clientId,
					redirect_uri: 'https://n8n.example.com/rest/oauth2-credential/callback',
				}),
			),
		);
		expect(listed.status).toBe(200);
	});

	it('reports an unsupported response_type to the callback', async () => {
		const res = await get(authorizeUrl(t, n8nAuthorizeParams({ response_type: 'id_token' })));
		expect(res.status).toBe(302);
		expect(Object.fromEntries(callbackQuery(res))).toEqual({
			error: 'unsupported_response_type',
			error_description: 'response type not supported',
			state: 'eyJ0b2tlbiI6Im44bi1jc3JmIn0=',
		});
	});
});

describe('exchanging the code', () => {
	it("answers as Salesforce does, with client credentials in an HTTP Basic header (n8n's default)", async () => {
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		const res = await exchangeWithBasic(code);
		expect(res.status).toBe(200);
		const body = res.json ?? {};
		expect(Object.keys(body)).toEqual(TOKEN_KEYS_WITH_REFRESH);
		expect(body).not.toHaveProperty('expires_in');
		expectSameShape(body, fixture('restforce__oauth-token-success.json'), { allowExtra: true });
		expect(body.instance_url).toBe(t.url);
		expect(body.id).toBe(`${t.url}/id/${t.org.orgId}/${t.identity.userId}`);
		expect(body.token_type).toBe('Bearer');
		expect(body.scope).toBe('full refresh_token');
		expect(String(body.issued_at)).toMatch(/^\d{13}$/);
		expect(Math.abs(Number(body.issued_at) - Date.now())).toBeLessThan(60_000);
		const expectedSignature = createHmac('sha256', t.identity.clientSecret)
			.update(`${String(body.id)}${String(body.issued_at)}`)
			.digest('base64');
		expect(body.signature).toBe(expectedSignature);
		expect(res.headers.get('cache-control')).toContain('no-store');

		expect((await dataApiCall(t, String(body.access_token))).status).not.toBe(401);
	});

	it('accepts the client id and secret in the body', async () => {
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		const res = await postForm(tokenUrl(t), {
			code,
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK_URL,
			client_id: t.identity.clientId,
			client_secret: t.identity.clientSecret,
		});
		expect(res.status).toBe(200);
		expect(res.json?.refresh_token).toMatch(/^5Aep861/);
	});

	it('returns no refresh token when the refresh_token scope was not asked for', async () => {
		const code =
			(await authorizeAndAllow(t, n8nAuthorizeParams({ scope: 'api' }))).get('code') ?? '';
		const res = await exchangeWithBasic(code);
		expect(res.status).toBe(200);
		expect(res.json).not.toHaveProperty('refresh_token');
		expect(res.json?.scope).toBe('api');
	});

	it('takes a code once only', async () => {
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		expect((await exchangeWithBasic(code)).status).toBe(200);
		const again = await exchangeWithBasic(code);
		expect(again.status).toBe(400);
		expect(again.json).toEqual({
			error: 'invalid_grant',
			error_description: 'expired authorization code',
		});
	});

	it('lets a code expire after 15 minutes', async () => {
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		t.org.clock.advance(15 * 60 * 1000);
		try {
			const res = await exchangeWithBasic(code);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_grant',
				error_description: 'expired authorization code',
			});
		} finally {
			t.org.clock.reset();
		}
	});

	it('refuses a code it never issued', async () => {
		const res = await exchangeWithBasic('aPrxNotACodeThisOrgIssued==');
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'invalid_grant',
			error_description: 'invalid authorization code',
		});
	});

	it('requires the redirect_uri the code was issued for', async () => {
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		const res = await exchangeWithBasic(code, {
			redirect_uri: 'http://localhost:5678/another/callback',
		});
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'redirect_uri_mismatch',
			error_description: 'redirect_uri must match configuration',
		});
	});

	it('refuses a wrong secret and an unknown consumer key, in the recorded wording', async () => {
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		const wrongSecret = await postForm(
			tokenUrl(t),
			{ code, grant_type: 'authorization_code', redirect_uri: CALLBACK_URL },
			{ Authorization: basicAuth(t.identity.clientId, 'wrong-secret') },
		);
		expect(wrongSecret.status).toBe(400);
		expect(wrongSecret.json).toEqual({
			error: 'invalid_client',
			error_description: 'invalid client credentials',
		});

		const unknownClient = await postForm(tokenUrl(t), {
			code,
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK_URL,
			client_id: 'bogus',
			client_secret: 'x',
		});
		expect(unknownClient.status).toBe(400);
		expect(unknownClient.json).toEqual(
			fixture('nodesfconn__oauth-token-error-invalid_client_id.json'),
		);
	});

	it('requires the secret unless the app lets the web-server flow run without one', async () => {
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		const noSecret = await postForm(tokenUrl(t), {
			code,
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK_URL,
			client_id: t.identity.clientId,
		});
		expect(noSecret.status).toBe(400);
		expect(noSecret.json).toEqual({
			error: 'invalid_client',
			error_description: 'invalid client credentials',
		});
	});
});

describe('PKCE', () => {
	it("exchanges the code with the verifier of the S256 challenge (n8n's PKCE grant)", async () => {
		const pkce = newPkce();
		const code =
			(
				await authorizeAndAllow(
					t,
					n8nAuthorizeParams({ code_challenge: pkce.challenge, code_challenge_method: 'S256' }),
				)
			).get('code') ?? '';
		const res = await exchangeWithBasic(code, { code_verifier: pkce.verifier });
		expect(res.status).toBe(200);
		expect(res.json?.access_token).toEqual(expect.any(String));
	});

	it('refuses a wrong or missing verifier', async () => {
		const pkce = newPkce();
		const first =
			(
				await authorizeAndAllow(
					t,
					n8nAuthorizeParams({ code_challenge: pkce.challenge, code_challenge_method: 'S256' }),
				)
			).get('code') ?? '';
		const wrong = await exchangeWithBasic(first, { code_verifier: newPkce().verifier });
		expect(wrong.status).toBe(400);
		expect(wrong.json).toEqual({
			error: 'invalid_grant',
			error_description: 'invalid code verifier',
		});

		const second =
			(
				await authorizeAndAllow(
					t,
					n8nAuthorizeParams({ code_challenge: pkce.challenge, code_challenge_method: 'S256' }),
				)
			).get('code') ?? '';
		const missing = await exchangeWithBasic(second);
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({
			error: 'invalid_grant',
			error_description: 'invalid code verifier',
		});
	});

	it('honours the plain method when asked for by name', async () => {
		const code =
			(
				await authorizeAndAllow(
					t,
					n8nAuthorizeParams({
						code_challenge: 'plain-challenge-0123456789-0123456789-0123456789',
						code_challenge_method: 'plain',
					}),
				)
			).get('code') ?? '';
		const res = await exchangeWithBasic(code, {
			code_verifier: 'plain-challenge-0123456789-0123456789-0123456789',
		});
		expect(res.status).toBe(200);
	});

	it('lets a public client exchange without a secret when the app does not require one', async () => {
		const app = t.org.addConnectedApp({
			clientId: 'public-pkce-app',
			clientSecret: 'unused-secret',
			requireSecretForWebServerFlow: false,
		});
		const pkce = newPkce();
		const code =
			(
				await authorizeAndAllow(
					t,
					n8nAuthorizeParams({ client_id: app.clientId, code_challenge: pkce.challenge }),
				)
			).get('code') ?? '';
		const res = await postForm(tokenUrl(t), {
			code,
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK_URL,
			client_id: app.clientId,
			code_verifier: pkce.verifier,
		});
		expect(res.status).toBe(200);
	});
});

describe('the token endpoint', () => {
	it('answers unsupported_grant_type to an unknown grant type and to parameters posted as JSON', async () => {
		const unknown = await postForm(tokenUrl(t), {
			grant_type: 'implicit',
			client_id: t.identity.clientId,
		});
		expect(unknown.status).toBe(400);
		expect(unknown.json).toEqual({
			error: 'unsupported_grant_type',
			error_description: 'grant type not supported',
		});

		const asJson = await fetch(tokenUrl(t), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ grant_type: 'password', client_id: t.identity.clientId }),
		});
		expect(asJson.status).toBe(400);
		expect(await asJson.json()).toEqual({
			error: 'unsupported_grant_type',
			error_description: 'grant type not supported',
		});
	});

	it('counts every token request by grant type, failed ones included', async () => {
		const before = t.org.counters.snapshot();
		const code = (await authorizeAndAllow(t, n8nAuthorizeParams())).get('code') ?? '';
		await exchangeWithBasic(code);
		await exchangeWithBasic(code);
		const after = t.org.counters.snapshot();
		expect(after.tokenRequests - before.tokenRequests).toBe(2);
		expect(
			(after.tokenRequestsByGrant.authorization_code ?? 0) -
				(before.tokenRequestsByGrant.authorization_code ?? 0),
		).toBe(2);
	});
});
