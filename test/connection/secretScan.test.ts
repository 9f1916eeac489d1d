import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { Authentication } from '../../nodes/shared/transport/credentialTypes';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { demoKey, harness, probe, saveCredential } from './setup';

// Runs every error path of the credentials and the connection and looks for any secret in what a
// user or a log could see: thrown errors (with their causes), the errors n8n records, outputs,
// credential test messages and console output. Secrets: the client secret, the private keys, and
// every access token, refresh token and JWT assertion the org issued or received.

/** Every string reachable from a value: own properties, enumerable or not (message, stack, cause). */
function allText(value: unknown, seen = new Set<unknown>(), depth = 0): string {
	if (value === null || value === undefined || depth > 12) return '';
	if (typeof value === 'string') return value;
	if (typeof value !== 'object' && typeof value !== 'function') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	const parts: string[] = [];
	for (const key of Object.getOwnPropertyNames(value)) {
		let v: unknown;
		try {
			v = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		parts.push(key, allText(v, seen, depth + 1));
	}
	return parts.join('\n');
}

describe('no secret appears in errors, outputs or logs', () => {
	let t: TestOrg;
	const issued: string[] = [];
	const seenText: string[] = [];
	const logged: string[] = [];

	beforeAll(async () => {
		t = await startTestOrg();
		const issue = t.org.sessions.issue.bind(t.org.sessions);
		jest.spyOn(t.org.sessions, 'issue').mockImplementation((...args) => {
			const s = issue(...args);
			issued.push(s.accessToken);
			return s;
		});
		const issueRefresh = t.org.sessions.issueRefreshToken.bind(t.org.sessions);
		jest.spyOn(t.org.sessions, 'issueRefreshToken').mockImplementation((...args) => {
			const r = issueRefresh(...args);
			issued.push(r);
			return r;
		});
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
				logged.push(allText(args));
			});
		}
	});
	afterAll(async () => {
		jest.restoreAllMocks();
		await t.close();
	});

	const execute = async (
		authentication: Authentication,
		overrides: ICredentialDataDecryptedObject,
		parameters: INodeParameters,
		before?: () => void,
	) => {
		const n8n = harness();
		const { ref, credentials } = await saveCredential(n8n, t, authentication, overrides);
		seenText.push(allText(await n8n.testCredential(ref)));
		before?.();
		const result = await n8n.execute({
			type: probe,
			parameters: { authentication, ...parameters },
			credentials,
		});
		seenText.push(allText(result.error), allText(result.thrown), allText(result.output));
		t.org.faults.failNext = { count: 0, kind: 'SERVER_UNAVAILABLE' };
		t.org.apiUsageOffset = 0;
		return result;
	};

	it('runs every error path and finds no secret', async () => {
		const calls = { action: 'manyCalls', count: 2 };
		// One at a time: the injected faults must reach the path they are set up for.
		const paths: Array<() => Promise<{ error?: unknown }>> = [];
		const add = (p: () => Promise<{ error?: unknown }>) => paths.push(p);
		add(() => execute('jwt', { privateKey: demoKey('other-private-key.pem') }, calls));
		add(() => execute('jwt', { privateKey: demoKey().slice(0, 200) }, calls));
		add(() =>
			execute('clientCredentials', { clientSecret: `${t.identity.clientSecret}-wrong` }, calls),
		);
		add(() => execute('clientCredentials', { myDomainUrl: 'http://127.0.0.1:9' }, calls));
		add(() =>
			execute('oAuth2', {}, calls, () => {
				for (const token of issued) t.org.sessions.revoke(token);
			}),
		);
		add(() =>
			execute(
				'jwt',
				{},
				calls,
				() => (t.org.faults.failNext = { count: 50, kind: 'SERVER_UNAVAILABLE' }),
			),
		);
		add(() => execute('jwt', {}, calls, () => (t.org.apiUsageOffset = t.org.dailyApiLimit)));
		add(() =>
			execute(
				'oAuth2',
				{},
				{
					action: 'create',
					object: 'Account',
					record: JSON.stringify({ Name: 'x', NoSuchField__c: 1 }),
				},
			),
		);
		add(() =>
			execute('clientCredentials', {}, { action: 'pagedQuery', soql: 'SELECT FROM WHERE' }),
		);
		const results = [];
		for (const p of paths) results.push(await p());
		// Every path above fails: a path that silently succeeded would not have tested an error.
		expect(results.map((r) => r.error !== undefined)).toEqual(results.map(() => true));

		const secrets = [t.identity.clientSecret, ...issued];
		for (const key of [
			demoKey(),
			demoKey('other-private-key.pem'),
			demoKey('demo-private-key.pkcs1.pem'),
		]) {
			secrets.push(
				...key.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----')),
			);
		}
		expect(issued.length).toBeGreaterThan(3);
		const haystack = [...seenText, ...logged].join('\n');
		expect(haystack.length).toBeGreaterThan(1000);
		const leaked = secrets.filter((s) => haystack.includes(s));
		expect(leaked).toEqual([]);
		// Nor any JWT assertion (three base64url parts starting with the RS256 header).
		expect(haystack).not.toMatch(/eyJhbGciOiJSUzI1NiJ9\.[\w-]+\.[\w-]+/);
	});
});
