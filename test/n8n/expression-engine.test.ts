import { Expression } from 'n8n-workflow';

import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { createAdditionalData } from './additional-data';
import { disposeN8nEnvironment, prepareN8nEnvironment } from './environment';
import {
	clientCredentials,
	connectedOAuth2Credential,
	fixtureHarness,
} from './sandbox-credentials';

// The n8n 2.x CLI evaluates expressions with the `vm` engine (isolated-vm) by default; the harness
// uses n8n-workflow's `legacy` engine unless N8N_EXPRESSION_ENGINE says otherwise. This file runs
// credential expressions and a node execution on the CLI's engine, to show both agree.
process.env.N8N_EXPRESSION_ENGINE = 'vm';

let t: TestOrg;

beforeAll(async () => {
	t = await startTestOrg();
	await prepareN8nEnvironment();
});

afterAll(async () => {
	await t.close();
	await disposeN8nEnvironment();
});

test('the vm engine (isolated-vm) is active', () => {
	expect(Expression.getActiveImplementation()).toBe('vm');
});

test('credential defaults that are expressions resolve in the isolate', async () => {
	const { n8n } = fixtureHarness();
	const credential = await connectedOAuth2Credential(n8n, t);
	const data = await n8n.credentialsHelper.getDecrypted(
		createAdditionalData(n8n.credentialsHelper),
		credential,
		'sandboxOAuth2Api',
		'internal',
	);
	expect(data.accessTokenUrl).toBe(`${t.url}/services/oauth2/token`);
});

test('a node execution with preAuthentication, and the credential test, work on the vm engine', async () => {
	const { n8n, probe } = fixtureHarness();
	const credential = clientCredentials(n8n, t);
	const run = await n8n.execute({
		type: probe,
		parameters: { authentication: 'clientCredentials' },
		credentials: { sandboxClientCredentialsApi: credential },
	});
	expect(run.error).toBeUndefined();
	expect(await n8n.testCredential(credential)).toEqual({
		status: 'OK',
		message: 'Connection successful!',
	});
});
