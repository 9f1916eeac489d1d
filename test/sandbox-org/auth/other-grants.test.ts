import { fixture } from '../contract/fixtures';
import { expectSameShape } from '../contract/shape';
import { startTestOrg, type TestOrg } from '../testing';
import { securityTokenOf } from './logins';
import { basicAuth, dataApiCall, postForm, tokenUrl } from './oauth-test-client';

// The client credentials and username-password flows.

const TOKEN_KEYS = [
	'access_token',
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

describe('client credentials', () => {
	it("buys a session of the app's run-as user, with the client in a Basic header or in the body", async () => {
		const viaBasic = await postForm(
			tokenUrl(t),
			{ grant_type: 'client_credentials' },
			{ Authorization: basicAuth(t.identity.clientId, t.identity.clientSecret) },
		);
		expect(viaBasic.status).toBe(200);
		expect(Object.keys(viaBasic.json ?? {})).toEqual(TOKEN_KEYS);
		expectSameShape(viaBasic.json, fixture('restforce__oauth-token-success.json'), {
			allowExtra: true,
		});
		expect(viaBasic.json?.id).toBe(`${t.url}/id/${t.org.orgId}/${t.identity.userId}`);
		expect((await dataApiCall(t, String(viaBasic.json?.access_token))).status).not.toBe(401);

		const viaBody = await postForm(tokenUrl(t), {
			grant_type: 'client_credentials',
			client_id: t.identity.clientId,
			client_secret: t.identity.clientSecret,
		});
		expect(viaBody.status).toBe(200);
	});

	it('answers "no client credentials user enabled" for an app without a run-as user', async () => {
		const app = t.org.addConnectedApp({
			clientId: 'no-run-as-app',
			clientSecret: 'no-run-as-secret',
		});
		const res = await postForm(tokenUrl(t), {
			grant_type: 'client_credentials',
			client_id: app.clientId,
			client_secret: app.clientSecret,
		});
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'invalid_grant',
			error_description: 'no client credentials user enabled',
		});
	});

	it('needs the right secret', async () => {
		const missing = await postForm(tokenUrl(t), {
			grant_type: 'client_credentials',
			client_id: t.identity.clientId,
		});
		expect(missing.json).toEqual({
			error: 'invalid_client',
			error_description: 'invalid client credentials',
		});
		const wrong = await postForm(tokenUrl(t), {
			grant_type: 'client_credentials',
			client_id: t.identity.clientId,
			client_secret: 'wrong',
		});
		expect(wrong.status).toBe(400);
		expect(wrong.json).toEqual({
			error: 'invalid_client',
			error_description: 'invalid client credentials',
		});
	});
});

describe('username and password', () => {
	function passwordGrant(password: string, username = t.identity.username) {
		return postForm(tokenUrl(t), {
			grant_type: 'password',
			client_id: t.identity.clientId,
			client_secret: t.identity.clientSecret,
			username,
			password,
		});
	}

	it("takes the password alone or followed by the user's security token", async () => {
		const alone = await passwordGrant(t.identity.password);
		expect(alone.status).toBe(200);
		expect(Object.keys(alone.json ?? {})).toEqual(TOKEN_KEYS);
		expect(alone.json).not.toHaveProperty('refresh_token');

		const withToken = await passwordGrant(
			t.identity.password + securityTokenOf(t.org, t.identity.userId),
		);
		expect(withToken.status).toBe(200);
		expect(securityTokenOf(t.org, t.identity.userId)).toMatch(/^[A-Za-z0-9]{24}$/);
	});

	it('treats the username case-insensitively, as Salesforce does', async () => {
		expect(
			(await passwordGrant(t.identity.password, t.identity.username.toUpperCase())).status,
		).toBe(200);
	});

	it('answers invalid_grant "authentication failure" to a wrong password, a wrong token, or an unknown user', async () => {
		for (const res of [
			await passwordGrant('wrong password'),
			await passwordGrant(`${t.identity.password}ABCDEFGHIJKLMNOPQRSTUVWX`),
			await passwordGrant(t.identity.password, 'nobody@sandbox-org.example'),
		]) {
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_grant',
				error_description: 'authentication failure',
			});
			// The same keys as the recorded error (whose older wording added " - Invalid Password").
			expect(Object.keys(res.json ?? {})).toEqual(
				Object.keys(
					fixture<Record<string, string>>('restforce__oauth-token-error-invalid-password.json'),
				),
			);
		}
	});

	it('refuses a deactivated user', async () => {
		const userId = t.org.addUser({
			firstName: 'Gone',
			lastName: 'Away',
			email: 'gone@sandbox-org.example',
			password: 'gone-password',
			active: false,
		});
		expect(userId).toMatch(/^005/);
		const res = await postForm(tokenUrl(t), {
			grant_type: 'password',
			client_id: t.identity.clientId,
			client_secret: t.identity.clientSecret,
			username: 'gone@sandbox-org.example',
			password: 'gone-password',
		});
		expect(res.json).toEqual({
			error: 'invalid_grant',
			error_description: 'authentication failure',
		});
	});

	it('gives a user without "API Enabled" a session, which the REST API then refuses', async () => {
		t.org.addUser({
			firstName: 'No',
			lastName: 'Api',
			email: 'no.api@sandbox-org.example',
			password: 'no-api-password',
			apiEnabled: false,
		});
		const res = await postForm(tokenUrl(t), {
			grant_type: 'password',
			client_id: t.identity.clientId,
			client_secret: t.identity.clientSecret,
			username: 'no.api@sandbox-org.example',
			password: 'no-api-password',
		});
		expect(res.status).toBe(200);
		const call = await dataApiCall(t, String(res.json?.access_token));
		expect(call.status).toBe(403);
		expect(call.body).toEqual([
			{
				message: 'API is not enabled for this Organization or Partner',
				errorCode: 'API_DISABLED_FOR_ORG',
			},
		]);
	});

	it('checks the client before the user, in the recorded wording', async () => {
		const res = await postForm(tokenUrl(t), {
			grant_type: 'password',
			client_id: 'bogus',
			client_secret: 'x',
			username: t.identity.username,
			password: t.identity.password,
		});
		expect(res.status).toBe(400);
		expect(res.json).toEqual(fixture('nodesfconn__oauth-token-error-invalid_client_id.json'));
		const wrongSecret = await postForm(tokenUrl(t), {
			grant_type: 'password',
			client_id: t.identity.clientId,
			client_secret: 'x',
			username: t.identity.username,
			password: t.identity.password,
		});
		expect(wrongSecret.json).toEqual({
			error: 'invalid_client',
			error_description: 'invalid client credentials',
		});
	});

	it('counts each attempt as a password token request', async () => {
		const before = t.org.counters.tokenRequestsByGrant.password ?? 0;
		await passwordGrant(t.identity.password);
		await passwordGrant('wrong');
		expect(t.org.counters.tokenRequestsByGrant.password).toBe(before + 2);
	});
});
