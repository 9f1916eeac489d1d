import { fixture } from '../contract/fixtures';
import { expectSameShape } from '../contract/shape';
import { startTestOrg, type TestOrg } from '../testing';
import { connect, dataApiCall, postForm, refresh, tokenUrl } from './oauth-test-client';

// Refreshing as n8n does it when a request answers 401: with and without refresh-token rotation.

const REFRESH_RESPONSE_KEYS = [
	'access_token',
	'signature',
	'scope',
	'instance_url',
	'id',
	'token_type',
	'issued_at',
];

let t: TestOrg;
beforeEach(async () => {
	t = await startTestOrg();
});
afterEach(async () => {
	await t.close();
});

describe('without rotation', () => {
	it('returns a new access token and no refresh token; the refresh token keeps working', async () => {
		const connected = await connect(t);
		const first = await refresh(t, connected.refresh_token);
		expect(first.status).toBe(200);
		expect(Object.keys(first.json ?? {})).toEqual(REFRESH_RESPONSE_KEYS);
		expectSameShape(first.json, fixture('restforce__oauth-token-success.json'), {
			allowExtra: true,
		});
		expect(first.json?.access_token).not.toBe(connected.access_token);
		expect(first.json?.scope).toBe('full refresh_token');
		expect((await dataApiCall(t, String(first.json?.access_token))).status).not.toBe(401);

		const second = await refresh(t, connected.refresh_token);
		expect(second.status).toBe(200);
	});

	it('brings a client back after its session ended (401 INVALID_SESSION_ID, then refresh)', async () => {
		const connected = await connect(t);
		t.org.sessions.expireAll();
		expect(await dataApiCall(t, connected.access_token)).toEqual({
			status: 401,
			body: fixture('restforce__error-401-INVALID_SESSION_ID.json'),
		});
		const refreshed = await refresh(t, connected.refresh_token);
		expect(refreshed.status).toBe(200);
		expect((await dataApiCall(t, String(refreshed.json?.access_token))).status).not.toBe(401);
	});

	it('takes the client id alone (a public client) and checks a secret when one is given', async () => {
		const connected = await connect(t);
		expect((await refresh(t, connected.refresh_token, t.identity.clientId, undefined)).status).toBe(
			200,
		);
		const wrongSecret = await refresh(
			t,
			connected.refresh_token,
			t.identity.clientId,
			'wrong-secret',
		);
		expect(wrongSecret.status).toBe(400);
		expect(wrongSecret.json).toEqual({
			error: 'invalid_client',
			error_description: 'invalid client credentials',
		});
	});

	it('refuses an unknown refresh token in the recorded wording', async () => {
		const res = await refresh(t, '5Aep861NotARefreshTokenOfThisOrg');
		expect(res.status).toBe(400);
		expect(res.json).toEqual(fixture('restforce__oauth-token-error-expired-refresh-token.json'));
	});

	it('refuses a refresh token presented by another app', async () => {
		const connected = await connect(t);
		t.org.addConnectedApp({ clientId: 'other-app', clientSecret: 'other-secret' });
		const res = await refresh(t, connected.refresh_token, 'other-app', 'other-secret');
		expect(res.status).toBe(400);
		expect(res.json).toEqual(fixture('restforce__oauth-token-error-expired-refresh-token.json'));
	});

	it('counts each refresh as a refresh_token request', async () => {
		const connected = await connect(t);
		const before = t.org.counters.tokenRequestsByGrant.refresh_token ?? 0;
		await refresh(t, connected.refresh_token);
		await refresh(t, 'unknown');
		expect(t.org.counters.tokenRequestsByGrant.refresh_token).toBe(before + 2);
	});
});

describe('with rotation', () => {
	it('org-wide: returns a new refresh token and refuses the old one from then on', async () => {
		t.org.sessions.rotateRefreshTokens = true;
		const connected = await connect(t);
		const rotated = await refresh(t, connected.refresh_token);
		expect(rotated.status).toBe(200);
		expect(Object.keys(rotated.json ?? {})).toEqual([
			'access_token',
			'refresh_token',
			...REFRESH_RESPONSE_KEYS.slice(1),
		]);
		const newRefreshToken = String(rotated.json?.refresh_token);
		expect(newRefreshToken).toMatch(/^5Aep861/);
		expect(newRefreshToken).not.toBe(connected.refresh_token);

		const old = await refresh(t, connected.refresh_token);
		expect(old.status).toBe(400);
		expect(old.json).toEqual(fixture('restforce__oauth-token-error-expired-refresh-token.json'));

		const next = await refresh(t, newRefreshToken);
		expect(next.status).toBe(200);
		expect(next.json?.refresh_token).not.toBe(newRefreshToken);
	});

	it("for one app: the app's setting turns rotation on for its tokens only", async () => {
		const app = t.org.addConnectedApp({
			clientId: 'rotating-app',
			clientSecret: 'rotating-secret',
			rotateRefreshTokens: true,
		});
		const rotatingTokens = await connect(t, 'api refresh_token', app.clientId, app.clientSecret);
		const rotated = await refresh(t, rotatingTokens.refresh_token, app.clientId, app.clientSecret);
		expect(rotated.json?.refresh_token).toEqual(expect.any(String));
		expect(
			(await refresh(t, rotatingTokens.refresh_token, app.clientId, app.clientSecret)).status,
		).toBe(400);

		const demoTokens = await connect(t);
		const plain = await refresh(t, demoTokens.refresh_token);
		expect(plain.json).not.toHaveProperty('refresh_token');
	});
});

it("reads the refresh request's parameters from the body as n8n sends them (client id and secret in the body)", async () => {
	const connected = await connect(t);
	const res = await postForm(tokenUrl(t), {
		grant_type: 'refresh_token',
		refresh_token: connected.refresh_token,
		client_id: t.identity.clientId,
		client_secret: t.identity.clientSecret,
	});
	expect(res.status).toBe(200);
});
