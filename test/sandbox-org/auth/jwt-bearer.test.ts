import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fixture } from '../contract/fixtures';
import { expectSameShape } from '../contract/shape';
import { DEMO_KEYS_DIR } from '../org';
import { startTestOrg, type TestOrg } from '../testing';
import { dataApiCall, postForm, signAssertion, tokenUrl } from './oauth-test-client';

// The JWT bearer flow as a server-to-server client (this package's JWT credential) runs it: an RS256
// assertion signed with the private key whose certificate is uploaded to the connected app.

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const PKCS8_KEY = join(DEMO_KEYS_DIR, 'demo-private-key.pem');
const PKCS1_KEY = join(DEMO_KEYS_DIR, 'demo-private-key.pkcs1.pem');
const UNREGISTERED_KEY = join(DEMO_KEYS_DIR, 'other-private-key.pem');
const UNREGISTERED_CERTIFICATE = join(DEMO_KEYS_DIR, 'other-certificate.pem');

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
});
afterAll(async () => {
	await t.close();
});

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		iss: t.identity.clientId,
		sub: t.identity.username,
		aud: 'https://login.salesforce.com',
		exp: Math.floor(Date.now() / 1000) + 180,
		...overrides,
	};
}

function exchange(assertion: string) {
	return postForm(tokenUrl(t), { grant_type: JWT_GRANT, assertion });
}

describe('a good assertion', () => {
	it.each([
		['PKCS#8', PKCS8_KEY],
		['PKCS#1', PKCS1_KEY],
	])(
		'signed with the %s demo key buys a session, answered as Salesforce documents it',
		async (_, keyPath) => {
			const res = await exchange(signAssertion(keyPath, claims()));
			expect(res.status).toBe(200);
			const body = res.json ?? {};
			// No refresh token, and (unlike the other flows) no signature or issued_at.
			expect(Object.keys(body)).toEqual([
				'access_token',
				'scope',
				'instance_url',
				'id',
				'token_type',
			]);
			expectSameShape(body, fixture('restforce__oauth-token-success.json'), {
				allowExtra: true,
				allowMissing: ['signature', 'issued_at'],
			});
			expect(body.instance_url).toBe(t.url);
			expect(body.id).toBe(`${t.url}/id/${t.org.orgId}/${t.identity.userId}`);
			expect((await dataApiCall(t, String(body.access_token))).status).not.toBe(401);
		},
	);

	it.each([['https://test.salesforce.com'], ["the org's own URL (its My Domain)"]])(
		'may name %s as audience',
		async (aud) => {
			const audience = aud.startsWith('https://') ? aud : t.url;
			const res = await exchange(signAssertion(PKCS8_KEY, claims({ aud: audience })));
			expect(res.status).toBe(200);
		},
	);

	it('is counted as a jwt-bearer token request', async () => {
		const before = t.org.counters.tokenRequestsByGrant[JWT_GRANT] ?? 0;
		await exchange(signAssertion(PKCS8_KEY, claims()));
		await exchange('not-a-jwt');
		expect(t.org.counters.tokenRequestsByGrant[JWT_GRANT]).toBe(before + 2);
	});
});

describe('a bad assertion', () => {
	it('signed with a key whose certificate the app does not have: invalid assertion', async () => {
		const res = await exchange(signAssertion(UNREGISTERED_KEY, claims()));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
	});

	it('verifies once the matching certificate is uploaded to the app', async () => {
		const app = t.org.addConnectedApp({
			clientId: 'second-cert-app',
			clientSecret: 's',
			certificates: [readFileSync(UNREGISTERED_CERTIFICATE, 'utf8')],
			preAuthorizedUserIds: new Set([t.identity.userId]),
		});
		const res = await exchange(signAssertion(UNREGISTERED_KEY, claims({ iss: app.clientId })));
		expect(res.status).toBe(200);
	});

	it('with a tampered payload: invalid assertion', async () => {
		const [header, , signature] = signAssertion(PKCS8_KEY, claims()).split('.');
		const forged = Buffer.from(
			JSON.stringify(claims({ sub: 'someone.else@sandbox-org.example' })),
		).toString('base64url');
		const res = await exchange(`${header}.${forged}.${signature}`);
		expect(res.json).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
	});

	it('with an algorithm other than RS256 in the header: invalid assertion', async () => {
		const res = await exchange(signAssertion(PKCS8_KEY, claims(), { alg: 'RS512' }));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
	});

	it('naming an unknown consumer key as iss: client identifier invalid', async () => {
		const res = await exchange(
			signAssertion(PKCS8_KEY, claims({ iss: '3MVG9NotAConsumerKeyOfThisOrg' })),
		);
		expect(res.status).toBe(400);
		expect(res.json).toEqual(fixture('nodesfconn__oauth-token-error-invalid_client_id.json'));
	});

	it('for another audience: audience is invalid', async () => {
		for (const aud of [
			'https://login.salesforce.com/',
			'https://example.my.salesforce.com',
			'login.salesforce.com',
		]) {
			const res = await exchange(signAssertion(PKCS8_KEY, claims({ aud })));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_grant',
				error_description: 'audience is invalid',
			});
		}
	});

	it('past its exp: expired authorization code', async () => {
		const res = await exchange(
			signAssertion(PKCS8_KEY, claims({ exp: Math.floor(Date.now() / 1000) - 5 })),
		);
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'invalid_grant',
			error_description: 'expired authorization code',
		});
	});

	it('valid for more than the 3 minutes Salesforce allows, or with no exp: invalid assertion', async () => {
		for (const exp of [Math.floor(Date.now() / 1000) + 3600, undefined, 'soon']) {
			const res = await exchange(signAssertion(PKCS8_KEY, claims({ exp })));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
		}
	});

	it("for a user the app has not pre-authorized: user hasn't approved this consumer", async () => {
		t.org.addUser({
			firstName: 'Not',
			lastName: 'Approved',
			email: 'not.approved@sandbox-org.example',
		});
		const res = await exchange(
			signAssertion(PKCS8_KEY, claims({ sub: 'not.approved@sandbox-org.example' })),
		);
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'invalid_grant',
			error_description: "user hasn't approved this consumer",
		});

		const unknown = await exchange(
			signAssertion(PKCS8_KEY, claims({ sub: 'nobody@sandbox-org.example' })),
		);
		expect(unknown.json).toEqual({
			error: 'invalid_grant',
			error_description: "user hasn't approved this consumer",
		});
	});

	it('that is not a JWT at all: invalid assertion', async () => {
		for (const assertion of ['', 'not-a-jwt', 'a.b.c']) {
			const res = await exchange(assertion);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
		}
	});
});

it("follows the org's clock for exp (a frozen or advanced clock in a test)", async () => {
	t.org.clock.advance(10 * 60 * 1000);
	try {
		const stale = await exchange(signAssertion(PKCS8_KEY, claims()));
		expect(stale.json).toEqual({
			error: 'invalid_grant',
			error_description: 'expired authorization code',
		});
		const fresh = await exchange(
			signAssertion(PKCS8_KEY, claims({ exp: Math.floor(t.org.clock.now() / 1000) + 60 })),
		);
		expect(fresh.status).toBe(200);
	} finally {
		t.org.clock.reset();
	}
});
