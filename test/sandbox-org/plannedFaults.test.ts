import { startTestOrg, type TestOrg } from './testing';

// Planned faults of the control API: each aimed at one request (by method, path and how many
// matching requests go through first), in the shapes real Salesforce answers with.

describe('planned faults', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});

	const control = (method: string, path: string, body?: unknown) =>
		t.api(method, `/__sandbox${path}`, body);
	const account = (Name: string) => ({
		method: 'POST',
		url: '/services/data/v62.0/composite/sobjects',
		referenceId: Name,
		body: { records: [{ attributes: { type: 'Account' }, Name }] },
	});
	const composite = (...names: string[]) =>
		t.api('POST', '/composite', { compositeRequest: names.map(account) });
	const accounts = () => t.org.store.count('Account');

	it('SUBREQUEST_500: the subrequest is applied, then answered 500 UNKNOWN_EXCEPTION', async () => {
		await control('POST', '/faults', {
			plan: [{ kind: 'SUBREQUEST_500', path: '/composite', subrequest: 1 }],
		});
		const before = accounts();
		const res = await composite('A', 'B');
		expect(res.status).toBe(200);
		expect(accounts() - before).toBe(2);
		expect(res.body.compositeResponse[0].httpStatusCode).toBe(200);
		expect(res.body.compositeResponse[1]).toEqual({
			body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: expect.stringContaining('ErrorId') }],
			httpHeaders: {},
			httpStatusCode: 500,
			referenceId: 'B',
		});
	});

	it('CUT_OFF and RESET: applied, but the answer is cut off or never comes', async () => {
		await control('POST', '/faults', {
			plan: [
				{ kind: 'CUT_OFF', method: 'POST' },
				{ kind: 'RESET', method: 'POST' },
			],
		});
		const before = accounts();
		const cut = await composite('C');
		expect(typeof cut.body).toBe('string');
		expect(() => JSON.parse(cut.body as string)).toThrow();
		await expect(composite('D')).rejects.toThrow();
		expect(accounts() - before).toBe(2);
		expect((await composite('E')).status).toBe(200);
	});

	it('skip lets matching requests through first; SERVER_UNAVAILABLE applies nothing', async () => {
		await control('POST', '/faults', {
			plan: [{ kind: 'SERVER_UNAVAILABLE', method: 'POST', path: '/composite', skip: 1 }],
		});
		const before = accounts();
		expect((await t.api('GET', '/limits')).status).toBe(200);
		expect((await composite('F')).status).toBe(200);
		const refused = await composite('G');
		expect(refused.status).toBe(503);
		expect(refused.body).toEqual([
			{ errorCode: 'SERVER_UNAVAILABLE', message: expect.any(String) },
		]);
		expect(accounts() - before).toBe(1);
	});

	it('SESSION_END: the request is refused with 401 and the token endpoint answers 503 for the given number of token requests', async () => {
		await control('POST', '/faults', { plan: [{ kind: 'SESSION_END', tokenFailures: 1 }] });
		const res = await t.api('GET', '/limits');
		expect(res.status).toBe(401);
		expect(res.body).toEqual([
			{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
		]);
		const token = () =>
			fetch(`${t.url}/services/oauth2/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: t.identity.clientId,
					client_secret: t.identity.clientSecret,
				}),
			});
		expect((await token()).status).toBe(503);
		expect((await token()).status).toBe(200);
	});

	it('ALLOWANCE_SPENT: 403 REQUEST_LIMIT_EXCEEDED, for one request or from now on', async () => {
		await control('POST', '/faults', { plan: [{ kind: 'ALLOWANCE_SPENT', lasting: false }] });
		const once = await t.api('GET', '/limits');
		expect(once.status).toBe(403);
		expect(once.body).toEqual([
			{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
		]);
		expect((await t.api('GET', '/limits')).status).toBe(200);
		await control('POST', '/faults', { plan: [{ kind: 'ALLOWANCE_SPENT' }] });
		expect((await t.api('GET', '/limits')).status).toBe(403);
		expect((await t.api('GET', '/limits')).status).toBe(403);
	});
});
