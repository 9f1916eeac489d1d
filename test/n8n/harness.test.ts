import type { IDataObject, INodeCredentials } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { setFaults } from '../sandbox-org/control';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { createAdditionalData } from './additional-data';
import {
	clientCredentials,
	connectedOAuth2Credential,
	countTokenRequests,
	fixtureHarness,
	type CredentialRef,
} from './sandbox-credentials';

// The harness proven against the sandbox org: n8n-core's own OAuth2 refresh and preAuthentication
// paths, with credentials saved back into the harness's store, and the credential test as the
// CLI runs it. The credential types and the node are test-only (./fixture-credentials.ts, ./fixture-nodes.ts).

let t: TestOrg;

beforeAll(async () => {
	t = await startTestOrg();
});

afterAll(async () => {
	await t.close();
});

beforeEach(() => {
	t.org.sessions.rotateRefreshTokens = false;
});

function dailyRequests(output: unknown): IDataObject {
	const items = output as Array<Array<{ json: { limit: string; value: IDataObject } }>>;
	expect(items[0][0].json.limit).toBe('DailyApiRequests');
	return items[0][0].json.value;
}

describe('(a) an oAuth2Api child credential with a token from the web-server flow', () => {
	function setup() {
		const { n8n, probe } = fixtureHarness();
		const run = (credential: CredentialRef) =>
			n8n.execute({
				type: probe,
				parameters: { authentication: 'oAuth2' },
				credentials: { sandboxOAuth2Api: credential },
			});
		return { n8n, run };
	}

	test('defaults and inheritance resolve as in n8n: own hidden fields and expressions, oAuth2Api fields, no doNotInherit ones', async () => {
		const { n8n } = setup();
		const credential = await connectedOAuth2Credential(n8n, t);
		const data = await n8n.credentialsHelper.getDecrypted(
			createAdditionalData(n8n.credentialsHelper),
			credential,
			'sandboxOAuth2Api',
			'internal',
		);

		expect(n8n.credentialsHelper.getParentTypes('sandboxOAuth2Api')).toEqual(['oAuth2Api']);
		expect(data).toMatchObject({
			instanceUrl: t.url,
			grantType: 'authorizationCode',
			authUrl: `${t.url}/services/oauth2/authorize`,
			accessTokenUrl: `${t.url}/services/oauth2/token`,
			scope: 'api refresh_token',
			authentication: 'header',
			clientId: t.identity.clientId,
			useDynamicClientRegistration: false,
			allowedHttpRequestDomains: 'all',
		});
		expect(data.oauthTokenData).toEqual(n8n.storedCredential(credential.id).oauthTokenData);
		// oAuth2Api's doNotInherit properties do not reach a child type.
		expect(data).not.toHaveProperty('tokenExpiredStatusCode');
		expect(data).not.toHaveProperty('ignoreSSLIssues');
		expect(data).not.toHaveProperty('jweEnabled');
	});

	test('a live session is used as stored: no token request, nothing saved', async () => {
		const { n8n, run } = setup();
		const credential = await connectedOAuth2Credential(n8n, t);
		const { result, tokenRequests } = await countTokenRequests(t, () => run(credential));
		expect(result.error).toBeUndefined();
		expect(dailyRequests(result.output).Max).toBe(15000);
		expect(tokenRequests).toBe(0);
		expect(n8n.store.writesOf(credential.id).map((w) => w.by)).toEqual(['create']);
	});

	test('after the sessions end, n8n-core refreshes once and stores the new access token, keeping the refresh token and instance_url', async () => {
		const { n8n, run } = setup();
		const credential = await connectedOAuth2Credential(n8n, t);
		const before = n8n.storedCredential(credential.id).oauthTokenData as IDataObject;

		t.org.sessions.expireAll();
		const { result, byGrant } = await countTokenRequests(t, () => run(credential));
		expect(result.error).toBeUndefined();
		expect(dailyRequests(result.output).Max).toBe(15000);
		expect(byGrant).toEqual({ refresh_token: 1 });

		const after = n8n.storedCredential(credential.id).oauthTokenData as IDataObject;
		expect(n8n.store.writesOf(credential.id).map((w) => w.by)).toEqual([
			'create',
			'updateCredentialsOauthTokenData',
		]);
		expect(after.access_token).not.toBe(before.access_token);
		expect(t.org.sessions.validate(String(after.access_token))).toBeDefined();
		// Salesforce's refresh response has no refresh_token (rotation off): n8n-core merges the
		// response over the old token data, so the old refresh token stays.
		expect(after.refresh_token).toBe(before.refresh_token);
		// instance_url comes back in the refresh response and is kept; so are id and scope.
		expect(after.instance_url).toBe(t.url);
		expect(after.id).toBe(before.id);
		expect(after.scope).toBe('api refresh_token');
		// No expires_in from Salesforce, so n8n-core adds no n8n_expires_at.
		expect(after).not.toHaveProperty('n8n_expires_at');
		// The fields the user saved are untouched.
		expect(n8n.storedCredential(credential.id)).toMatchObject({
			instanceUrl: t.url,
			clientId: t.identity.clientId,
		});

		// The next execution starts from the stored token: no token request.
		const next = await countTokenRequests(t, () => run(credential));
		expect(next.result.error).toBeUndefined();
		expect(next.tokenRequests).toBe(0);
	});

	test('with rotation on, the rotated refresh token is stored and the next execution works from the stored credential', async () => {
		const { n8n, run } = setup();
		const credential = await connectedOAuth2Credential(n8n, t);
		const original = String(
			(n8n.storedCredential(credential.id).oauthTokenData as IDataObject).refresh_token,
		);
		t.org.sessions.rotateRefreshTokens = true;

		t.org.sessions.expireAll();
		const first = await countTokenRequests(t, () => run(credential));
		expect(first.result.error).toBeUndefined();
		expect(first.byGrant).toEqual({ refresh_token: 1 });
		const rotated = String(
			(n8n.storedCredential(credential.id).oauthTokenData as IDataObject).refresh_token,
		);
		expect(rotated).not.toBe(original);
		expect(t.org.sessions.refreshGrant(original)).toBeUndefined();
		expect(t.org.sessions.refreshGrant(rotated)).toBeDefined();

		// A second execution after the session ends again: only the stored (rotated) token can work.
		t.org.sessions.expireAll();
		const second = await countTokenRequests(t, () => run(credential));
		expect(second.result.error).toBeUndefined();
		expect(dailyRequests(second.result.output).Max).toBe(15000);
		expect(second.byGrant).toEqual({ refresh_token: 1 });
		expect(
			(n8n.storedCredential(credential.id).oauthTokenData as IDataObject).refresh_token,
		).not.toBe(rotated);
	});

	test('concurrent requests that all meet the ended session make one refresh (n8n-core refreshes single-flight per credential)', async () => {
		const { n8n, probe } = fixtureHarness();
		const credential = await connectedOAuth2Credential(n8n, t);
		t.org.sessions.expireAll();
		const { result, byGrant } = await countTokenRequests(t, () =>
			n8n.execute({
				type: probe,
				parameters: { authentication: 'oAuth2', concurrentCalls: 5 },
				credentials: { sandboxOAuth2Api: credential },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(byGrant).toEqual({ refresh_token: 1 });
		expect(n8n.store.writesOf(credential.id).map((w) => w.by)).toEqual([
			'create',
			'updateCredentialsOauthTokenData',
		]);
	});

	test('a refresh token that no longer works ends in n8n-core\'s "needs to be reconnected" error', async () => {
		const { n8n, run } = setup();
		const credential = await connectedOAuth2Credential(n8n, t);
		t.org.sessions.revokeRefreshToken(
			String((n8n.storedCredential(credential.id).oauthTokenData as IDataObject).refresh_token),
		);
		t.org.sessions.expireAll();
		const { result } = await countTokenRequests(t, () => run(credential));
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toContain(
			`The credential "${credential.name}" needs to be reconnected.`,
		);
	});
});

describe('(b) a generic credential whose session is cached by preAuthentication', () => {
	function setup() {
		const { n8n, probe } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		const credentials: INodeCredentials = { sandboxClientCredentialsApi: credential };
		const run = () =>
			n8n.execute({
				type: probe,
				parameters: { authentication: 'clientCredentials' },
				credentials,
			});
		return { n8n, credential, run };
	}

	test('the first request runs preAuthentication once and saves the session and instance URL', async () => {
		const { n8n, credential, run } = setup();
		const { result, byGrant } = await countTokenRequests(t, run);
		expect(result.error).toBeUndefined();
		expect(dailyRequests(result.output).Max).toBe(15000);
		expect(byGrant).toEqual({ client_credentials: 1 });

		const stored = n8n.storedCredential(credential.id);
		expect(n8n.store.writesOf(credential.id).map((w) => w.by)).toEqual([
			'create',
			'updateCredentials',
		]);
		expect(t.org.sessions.validate(String(stored.sessionToken))).toBeDefined();
		expect(stored.instanceUrl).toBe(t.url);
		// The user's fields are kept as stored.
		expect(stored).toMatchObject({
			myDomainUrl: t.url,
			clientId: t.identity.clientId,
			clientSecret: t.identity.clientSecret,
		});
	});

	test('later executions reuse the stored session: no token request', async () => {
		const { n8n, credential, run } = setup();
		await run();
		const session = n8n.storedCredential(credential.id).sessionToken;
		const { result, tokenRequests } = await countTokenRequests(t, async () => [
			await run(),
			await run(),
			await run(),
		]);
		expect(result.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
		expect(tokenRequests).toBe(0);
		expect(n8n.storedCredential(credential.id).sessionToken).toBe(session);
		expect(n8n.store.writesOf(credential.id)).toHaveLength(2);
	});

	test('after the sessions end, the 401 triggers one new preAuthentication, saved, and the request is repeated', async () => {
		const { n8n, credential, run } = setup();
		await run();
		const old = n8n.storedCredential(credential.id).sessionToken;
		t.org.sessions.expireAll();

		const { result, byGrant } = await countTokenRequests(t, run);
		expect(result.error).toBeUndefined();
		expect(dailyRequests(result.output).Max).toBe(15000);
		expect(byGrant).toEqual({ client_credentials: 1 });
		const renewed = n8n.storedCredential(credential.id).sessionToken;
		expect(renewed).not.toBe(old);
		expect(t.org.sessions.validate(String(renewed))).toBeDefined();
		expect(n8n.store.writesOf(credential.id).map((w) => w.by)).toEqual([
			'create',
			'updateCredentials',
			'updateCredentials',
		]);

		const next = await countTokenRequests(t, run);
		expect(next.tokenRequests).toBe(0);
	});

	test('concurrent requests: preAuthentication has no single-flight, so each request that finds no live session renews it', async () => {
		const { n8n, probe } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		const run = () =>
			n8n.execute({
				type: probe,
				parameters: { authentication: 'clientCredentials', concurrentCalls: 5 },
				credentials: { sandboxClientCredentialsApi: credential },
			});

		const first = await countTokenRequests(t, run);
		expect(first.result.error).toBeUndefined();
		expect(first.byGrant).toEqual({ client_credentials: 5 });
		expect(n8n.store.writesOf(credential.id)).toHaveLength(1 + 5);

		const warm = await countTokenRequests(t, run);
		expect(warm.tokenRequests).toBe(0);

		t.org.sessions.expireAll();
		const expired = await countTokenRequests(t, run);
		expect(expired.result.error).toBeUndefined();
		expect(expired.byGrant).toEqual({ client_credentials: 5 });
	});

	test("a failing preAuthentication surfaces as the node's error, and nothing is saved", async () => {
		const { n8n, probe } = fixtureHarness();
		const credential = clientCredentials(n8n, t, 'sandboxClientCredentialsApi', 'wrong-secret');
		const result = await n8n.execute({
			type: probe,
			parameters: { authentication: 'clientCredentials' },
			credentials: { sandboxClientCredentialsApi: credential },
		});
		expect(result.output).toBeUndefined();
		// Thrown by n8n-core as a NodeApiError wrapping the token endpoint's 400...
		expect(result.thrown).toBeInstanceOf(NodeApiError);
		expect((result.thrown as NodeApiError).httpCode).toBe('400');
		// ...and recorded by the engine as a plain copy of it.
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: 'Bad request - please check your parameters',
			httpCode: '400',
		});
		expect(n8n.store.writesOf(credential.id)).toHaveLength(1);
	});
});

describe('a generic `authenticate` object', () => {
	test('its expressions are resolved against $credentials and set on the request', async () => {
		const { n8n, probe } = fixtureHarness();
		const session = t.org.sessions.issue(t.identity.userId, t.identity.clientId, ['api']);
		const credential = n8n.addCredential('sandboxBearerApi', {
			instanceUrl: t.url,
			accessToken: session.accessToken,
		});
		const result = await n8n.execute({
			type: probe,
			parameters: { authentication: 'bearer' },
			credentials: { sandboxBearerApi: credential },
		});
		expect(result.error).toBeUndefined();
		expect(dailyRequests(result.output).Max).toBe(15000);
	});

	test('on a 401, n8n-core calls preAuthentication (a no-op here) and repeats the request once before failing', async () => {
		const { n8n, probe } = fixtureHarness();
		const credential = n8n.addCredential('sandboxBearerApi', {
			instanceUrl: t.url,
			accessToken: 'not-a-session',
		});
		const logged = t.org.counters.log.length;
		const result = await n8n.execute({
			type: probe,
			parameters: { authentication: 'bearer' },
			credentials: { sandboxBearerApi: credential },
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		const limitsCalls = t.org.counters.log
			.slice(logged)
			.filter((entry) => entry.path.endsWith('/limits'));
		expect(limitsCalls.map((entry) => entry.status)).toEqual([401, 401]);
	});
});

describe('(c) the credential test as the CLI runs it', () => {
	test("an OAuth2 child type's test request (userinfo) is signed with the stored token", async () => {
		const { n8n } = fixtureHarness();
		const credential = await connectedOAuth2Credential(n8n, t);
		const { result, tokenRequests } = await countTokenRequests(t, () =>
			n8n.testCredential(credential),
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(tokenRequests).toBe(0);
	});

	test('after the session ends, userinfo answers 403 and n8n-core (refreshing on 401 only) does not refresh: the test fails with "Forbidden"', async () => {
		const { n8n } = fixtureHarness();
		const credential = await connectedOAuth2Credential(n8n, t);
		t.org.sessions.expireAll();
		const { result, tokenRequests } = await countTokenRequests(t, () =>
			n8n.testCredential(credential),
		);
		expect(result).toEqual({ status: 'Error', message: 'Forbidden' });
		expect(tokenRequests).toBe(0);
	});

	test('a type declaring tokenExpiredStatusCode [401, 403] is refreshed on the 403, the refresh saved, and the test passes', async () => {
		const { n8n } = fixtureHarness();
		const credential = await connectedOAuth2Credential(n8n, t, 'sandboxOAuth2RefreshOn403Api');
		t.org.sessions.expireAll();
		const { result, byGrant } = await countTokenRequests(t, () => n8n.testCredential(credential));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(byGrant).toEqual({ refresh_token: 1 });
		expect(n8n.store.writesOf(credential.id).map((w) => w.by)).toEqual([
			'create',
			'updateCredentialsOauthTokenData',
		]);
	});

	test("an OAuth2 credential whose refresh token was revoked fails with n8n-core's reconnect message", async () => {
		const { n8n } = fixtureHarness();
		const credential = await connectedOAuth2Credential(n8n, t, 'sandboxOAuth2RefreshOn403Api');
		t.org.sessions.revokeRefreshToken(
			String((n8n.storedCredential(credential.id).oauthTokenData as IDataObject).refresh_token),
		);
		t.org.sessions.expireAll();
		expect(await n8n.testCredential(credential)).toEqual({
			status: 'Error',
			message: `The credential "${credential.name}" needs to be reconnected.`,
		});
	});

	test('a new preAuthentication credential: its empty session is filled by preAuthentication before the request, and saved', async () => {
		const { n8n } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		const { result, byGrant } = await countTokenRequests(t, () => n8n.testCredential(credential));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(byGrant).toEqual({ client_credentials: 1 });
		expect(
			t.org.sessions.validate(String(n8n.storedCredential(credential.id).sessionToken)),
		).toBeDefined();
	});

	test('a stored, live session is tested as it is: no new preAuthentication (n8n 2.41 does not force one in the test)', async () => {
		const { n8n } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		await n8n.testCredential(credential);
		// The user now types a wrong secret: the cached session still passes the test.
		const { result, tokenRequests } = await countTokenRequests(t, () =>
			n8n.testCredential(credential, { changes: { clientSecret: 'wrong-secret' } }),
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(tokenRequests).toBe(0);
	});

	test('a stale stored session: the 401 triggers preAuthentication (expired), saved, and the test passes', async () => {
		const { n8n } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		await n8n.testCredential(credential);
		t.org.sessions.expireAll();
		const { result, byGrant } = await countTokenRequests(t, () => n8n.testCredential(credential));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(byGrant).toEqual({ client_credentials: 1 });
		expect(n8n.store.writesOf(credential.id).map((w) => w.by)).toEqual([
			'create',
			'updateCredentials',
			'updateCredentials',
		]);
	});

	test('failures are worded as the CLI words them: the HTTP status text when no rule matches', async () => {
		const { n8n } = fixtureHarness();
		const credential = clientCredentials(n8n, t, 'sandboxClientCredentialsApi', 'wrong-secret');
		// preAuthentication's token request answers 400 invalid_client; the test reports its status text.
		expect(await n8n.testCredential(credential)).toEqual({
			status: 'Error',
			message: 'Bad Request',
		});
	});

	test('a responseCode rule words the failure', async () => {
		const { n8n } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		await n8n.testCredential(credential);
		// A 403 REQUEST_LIMIT_EXCEEDED from the test request: the type's rule for 403 gives the message.
		setFaults(t.org, { apiAllowanceSpent: true });
		try {
			expect(await n8n.testCredential(credential)).toEqual({
				status: 'Error',
				message: 'The org has spent its daily API allowance',
			});
		} finally {
			setFaults(t.org, { apiAllowanceSpent: false });
		}
	});

	test("a node's methods.credentialTest function is called with the credential and a CredentialTestContext", async () => {
		const { n8n } = fixtureHarness();
		const good = clientCredentials(n8n, t, 'sandboxNodeTestedApi');
		expect(await n8n.testCredential(good)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const bad = clientCredentials(n8n, t, 'sandboxNodeTestedApi', 'wrong-secret');
		const result = await n8n.testCredential(bad);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Salesforce refused the login: /);
	});
});
