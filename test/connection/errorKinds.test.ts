import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Authentication } from '../../nodes/shared/transport/credentialTypes';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { harness, probe, saveCredential } from './setup';

// What a user reads for each kind of failure of the connection, through n8n's real engine: the
// credential's login failing, Salesforce's concurrency limit, the daily allowance.

describe('failures of the connection, as the user reads them', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
	});
	afterAll(async () => {
		await t.close();
	});
	afterEach(() => {
		t.org.faults.failNext = { count: 0, kind: 'SERVER_UNAVAILABLE' };
		t.org.faults.failNextLogin = { count: 0, status: 400 };
		t.org.apiUsageOffset = 0;
	});

	const run = async (
		authentication: Authentication,
		parameters: INodeParameters,
		prepare?: () => void,
	) => {
		const n8n = harness();
		const { credentials } = await saveCredential(n8n, t, authentication);
		prepare?.();
		const result = await n8n.execute({
			type: probe,
			parameters: { authentication, ...parameters },
			credentials,
		});
		return {
			...result,
			json: result.output?.[0]?.[0]?.json as IDataObject | undefined,
			context: (result.error as { context?: IDataObject } | undefined)?.context,
		};
	};

	it('OAuth2: a refresh the token endpoint answers 400 unknown_error is a credential failure, not an unreachable server', async () => {
		const result = await run('oAuth2', { action: 'manyCalls', count: 1 }, () => {
			t.org.sessions.expireAll();
			t.org.faults.failNextLogin = { count: 1, status: 400 };
		});
		expect(result.error?.message).toBe(
			'The Salesforce credential could not start a session [CREDENTIAL_ERROR]',
		);
		expect(result.error?.description).not.toMatch(/No answer|EAUTH/);
		expect(result.error?.description).toMatch(/Open the credential/);
	});

	it.each([500, 503] as const)(
		'OAuth2: a refresh the token endpoint answers %i says the credential could not renew its session',
		async (status) => {
			const result = await run('oAuth2', { action: 'manyCalls', count: 1 }, () => {
				t.org.sessions.expireAll();
				t.org.faults.failNextLogin = { count: 1, status };
			});
			expect(result.error?.message).toBe(
				`The Salesforce credential could not renew its session: Salesforce's login service is not answering [LOGIN_HTTP_${status}]`,
			);
			expect(result.error?.message).not.toMatch(/refused the request|ERROR_HTTP/);
			expect(result.error?.description).toMatch(/run the workflow again later/);
		},
	);

	it('the concurrent long-request limit (403 REQUEST_LIMIT_EXCEEDED) is waited out and retried, a read', async () => {
		const result = await run('jwt', { action: 'manyCalls', count: 1 }, () => {
			t.org.faults.failNext = { count: 2, kind: 'CONCURRENT_LONG_TXN' };
		});
		expect(result.error).toBeUndefined();
		expect(result.json?.requestsSent).toBe(3);
	});

	it('the concurrent long-request limit is retried for a create too (Salesforce did not run it), and the record is created once', async () => {
		const before = t.org.store.count('Account');
		const result = await run(
			'jwt',
			{ action: 'create', object: 'Account', record: JSON.stringify({ Name: 'After The Queue' }) },
			() => {
				t.org.faults.failNext = { count: 1, kind: 'CONCURRENT_LONG_TXN' };
			},
		);
		expect(result.error).toBeUndefined();
		expect(t.org.store.count('Account')).toBe(before + 1);
	});

	it('a concurrent limit that lasts past the retries says so, not that the daily allowance is spent', async () => {
		const result = await run('jwt', { action: 'manyCalls', count: 1 }, () => {
			t.org.faults.failNext = { count: 50, kind: 'CONCURRENT_LONG_TXN' };
		});
		expect(result.error?.message).toBe(
			'Salesforce is running too many long requests of your org at once [REQUEST_LIMIT_EXCEEDED]',
		);
		expect(result.error?.description).toMatch(
			/^Salesforce said: ConcurrentPerOrgLongTxn Limit exceeded\..*Run the workflow again in a few minutes/,
		);
		expect(result.error?.description).not.toMatch(/daily/);
		expect(t.org.faults.failNext.count).toBe(46);
	});

	it('the daily allowance message makes no promise about a trigger', async () => {
		const result = await run('jwt', { action: 'manyCalls', count: 1 }, () => {
			t.org.apiUsageOffset = t.org.dailyApiLimit - t.org.counters.apiCalls;
		});
		expect(result.error?.message).toBe(
			"Your Salesforce org's daily API allowance is spent [REQUEST_LIMIT_EXCEEDED]",
		);
		expect(result.error?.description).not.toMatch(/Nothing was lost|trigger/);
	});
});
