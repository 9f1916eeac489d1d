import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SalesforceServiceCloudJwtApi } from '../../credentials/SalesforceServiceCloudJwtApi.credentials';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { AUTHENTICATIONS, demoKey, harness, saveCredential } from './setup';

// The credential dialog's Test button, as n8n's CLI runs it, for each credential type: it passes
// against a correctly set-up org, and for each misconfiguration it says what to fix.

describe('credential test', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
	});
	afterAll(async () => {
		await t.close();
	});

	it.each(AUTHENTICATIONS)('%s: gets a session and passes', async (authentication) => {
		const n8n = harness();
		const { ref } = await saveCredential(n8n, t, authentication);
		expect(await n8n.testCredential(ref)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	const failing = async (
		authentication: 'jwt' | 'clientCredentials',
		overrides: ICredentialDataDecryptedObject,
	) => {
		const n8n = harness();
		const { ref } = await saveCredential(n8n, t, authentication, overrides);
		return n8n.testCredential(ref);
	};

	it('JWT: a user not pre-authorized in the connected app', async () => {
		t.org.addUser({
			firstName: 'Not',
			lastName: 'Approved',
			email: 'not.approved@sandbox-org.example',
		});
		const result = await failing('jwt', { username: 'not.approved@sandbox-org.example' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/not pre-authorized for the connected app.*Admin approved users are pre-authorized/,
		);
	});

	it('JWT: a private key that does not match the uploaded certificate', async () => {
		const result = await failing('jwt', { privateKey: demoKey('other-private-key.pem') });
		expect(result.message).toMatch(
			/private key does not match the certificate uploaded to the connected app/,
		);
	});

	it('JWT: the PKCS#1 form of the key works too', async () => {
		expect(
			(await failing('jwt', { privateKey: demoKey('demo-private-key.pkcs1.pem') })).status,
		).toBe('OK');
	});

	it('JWT: a key pasted without its line breaks still works', async () => {
		expect((await failing('jwt', { privateKey: demoKey().replace(/\n/g, ' ') })).status).toBe('OK');
	});

	it('JWT: anything that is not a PEM private key is refused at once, saying what a PEM key looks like', async () => {
		const before = t.org.counters.tokenRequests;
		for (const privateKey of [
			'not a key',
			SalesforceServiceCloudJwtApi.name,
			demoKey().replace('PRIVATE KEY', 'PUBLIC KEY').replace('PRIVATE KEY', 'PUBLIC KEY'),
		]) {
			const result = await failing('jwt', { privateKey });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/Private Key .*-----BEGIN PRIVATE KEY-----/);
		}
		const cert = await failing('jwt', { privateKey: demoKey('demo-certificate.pem') });
		expect(cert.message).toMatch(/Private Key holds a certificate, not a private key/);
		expect(t.org.counters.tokenRequests).toBe(before);
	});

	it('JWT: a PEM block whose key data is damaged is refused before any login, saying so', async () => {
		const before = t.org.counters.tokenRequests;
		const damaged = demoKey().replace(
			/(-----BEGIN PRIVATE KEY-----\s*)\S{40}/,
			'$1' + 'A'.repeat(40),
		);
		const result = await failing('jwt', { privateKey: damaged });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Private Key could not be read: its key data is damaged or incomplete\. Paste the private key in PEM format/,
		);
		expect(t.org.counters.tokenRequests).toBe(before);
	});

	it('client credentials: a My Domain URL that is not a web address', async () => {
		const result = await failing('clientCredentials', {
			myDomainUrl: 'my company.my.salesforce.com',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^My Domain URL is not a web address: enter it like https:\/\/yourcompany\.my\.salesforce\.com/,
		);
	});

	it('JWT: the wrong environment (the app lives in another org)', async () => {
		const production = await startTestOrg();
		production.org.apps.length = 0;
		try {
			const result = await failing('jwt', { myDomainUrl: production.url });
			expect(result.message).toMatch(
				/does not know this consumer key.*Environment is the org the app was created in/,
			);
		} finally {
			await production.close();
		}
	});

	it('JWT: an app that does not exist', async () => {
		const result = await failing('jwt', { clientId: '3MVG9NoSuchApp' });
		expect(result.message).toMatch(/does not know this consumer key/);
	});

	it('client credentials: a consumer secret that does not match', async () => {
		const result = await failing('clientCredentials', { clientSecret: 'not-the-secret' });
		expect(result.message).toMatch(/consumer secret does not match the consumer key/);
	});

	it('client credentials: login.salesforce.com is refused, saying why', async () => {
		const result = await failing('clientCredentials', {
			myDomainUrl: 'https://login.salesforce.com',
		});
		expect(result.message).toMatch(
			/login\.salesforce\.com, a shared login server: Salesforce offers the client credentials flow only on your org's own My Domain/,
		);
	});

	it('client credentials: an app without a run-as user', async () => {
		const app = t.org.app(t.identity.clientId)!;
		const runAs = app.clientCredentialsUserId;
		app.clientCredentialsUserId = undefined;
		try {
			const result = await failing('clientCredentials', {});
			expect(result.message).toMatch(/no run-as user for the client credentials flow/);
		} finally {
			app.clientCredentialsUserId = runAs;
		}
	});

	it.each(AUTHENTICATIONS)(
		'%s: a user without the API Enabled permission',
		async (authentication) => {
			const n8n = harness();
			const { ref } = await saveCredential(n8n, t, authentication);
			const login = t.org.login(t.identity.userId)!;
			login.apiEnabled = false;
			try {
				const result = await n8n.testCredential(ref);
				expect(result.status).toBe('Error');
				expect(result.message).toMatch(/give the user the "API Enabled" permission/);
			} finally {
				login.apiEnabled = true;
			}
		},
	);
});
