import { startTestOrg, type TestOrg } from './testing';

// The control API under /__sandbox/: what tests and benchmarks use to inject faults, observe
// counters and shape data, over HTTP as an out-of-process test (n8n end-to-end) would.

const soql = (q: string) => `/query?q=${encodeURIComponent(q)}`;

describe('sandbox control API', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});

	const control = (method: string, path: string, body?: unknown) =>
		t.api(method, `/__sandbox${path}`, body);

	it('counts API calls by kind as Salesforce counts them, and token requests apart', async () => {
		await t.api('GET', soql('SELECT Id FROM Case'));
		await t.api('GET', '/sobjects/Case/describe');
		await t.api('POST', '/composite/sobjects', {
			records: [{ attributes: { type: 'Account' }, Name: 'A' }],
		});
		await t.api('POST', '/composite', {
			compositeRequest: [
				{ method: 'GET', url: '/services/data/v62.0/limits', referenceId: 'l' },
				{ method: 'GET', url: '/services/data/v62.0/sobjects/Case/describe', referenceId: 'd' },
			],
		});
		await fetch(`${t.url}/services/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: t.identity.clientId,
				client_secret: t.identity.clientSecret,
			}),
		});
		const counters = (await control('GET', '/counters')).body;
		expect(counters.apiCalls).toBe(4);
		expect(counters.apiCallsByKind).toMatchObject({
			query: 1,
			describe: 1,
			collections: 1,
			composite: 1,
		});
		expect(counters.tokenRequests).toBe(1);
		expect(counters.tokenRequestsByGrant).toEqual({ client_credentials: 1 });
		const log = (await control('GET', '/requests')).body as Array<{
			path: string;
			counted: boolean;
			kind: string;
		}>;
		expect(log.filter((e) => e.counted)).toHaveLength(4);
		expect(log.find((e) => e.kind === 'oauth')?.counted).toBe(false);

		await control('POST', '/reset');
		expect((await control('GET', '/counters')).body.apiCalls).toBe(0);
	});

	it('fails the next requests with 503 SERVER_UNAVAILABLE, then recovers; failures are not counted', async () => {
		await control('POST', '/faults', { failNext: { count: 2, kind: 'SERVER_UNAVAILABLE' } });
		const first = await t.api('GET', '/limits');
		const second = await t.api('GET', '/limits');
		const third = await t.api('GET', '/limits');
		expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
		expect(first.body).toEqual([{ message: expect.any(String), errorCode: 'SERVER_UNAVAILABLE' }]);
		expect(t.org.counters.apiCalls).toBe(1);
	});

	it('fails the next request with UNABLE_TO_LOCK_ROW', async () => {
		await control('POST', '/faults', { failNext: { count: 1, kind: 'UNABLE_TO_LOCK_ROW' } });
		const res = await t.api('POST', '/sobjects/Account', { Name: 'Locked' });
		expect(res.status).toBe(400);
		expect(res.body[0].errorCode).toBe('UNABLE_TO_LOCK_ROW');
		expect(t.org.store.count('Account')).toBe(0);
	});

	it('spends the daily API allowance: 403 REQUEST_LIMIT_EXCEEDED with the usage in Sforce-Limit-Info', async () => {
		await control('POST', '/faults', { dailyApiLimit: 100, apiUsage: 98 });
		expect((await t.api('GET', '/limits')).headers.get('sforce-limit-info')).toBe(
			'api-usage=99/100',
		);
		expect((await t.api('GET', '/limits')).status).toBe(200);
		const over = await t.api('GET', '/limits');
		expect(over.status).toBe(403);
		expect(over.body).toEqual([
			{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
		]);
		await control('POST', '/faults', { apiAllowanceSpent: false });
		expect((await t.api('GET', '/limits')).status).toBe(200);
	});

	it('adds latency to every request', async () => {
		await control('POST', '/faults', { latencyMs: 150 });
		const started = Date.now();
		await t.api('GET', '/limits');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('expires every session: the next call gets 401 INVALID_SESSION_ID', async () => {
		await control('POST', '/sessions/expire');
		const res = await t.api('GET', '/limits');
		expect(res.status).toBe(401);
		expect(res.body[0].errorCode).toBe('INVALID_SESSION_ID');
	});

	it('ends sessions after their configured lifetime', async () => {
		await control('POST', '/faults', { sessionLifetimeMs: 60_000 });
		await control('POST', '/clock', { freeze: true });
		const session = t.org.sessions.issue(t.identity.userId, t.identity.clientId, ['api']);
		const call = () =>
			fetch(`${t.dataUrl}/limits`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
		expect((await call()).status).toBe(200);
		await control('POST', '/clock', { advanceMs: 61_000 });
		expect((await call()).status).toBe(401);
	});

	it('switches refresh-token rotation on', async () => {
		await control('POST', '/faults', { rotateRefreshTokens: true });
		expect((await control('GET', '/state')).body.rotateRefreshTokens).toBe(true);
		expect(t.org.sessions.rotateRefreshTokens).toBe(true);
	});

	it('lags commits: a closed case shows in queries only once its commit time has come, with its older SystemModstamp', async () => {
		await control('POST', '/clock', { freeze: true, at: '2026-05-01T10:00:00Z' });
		const [caseId] = (
			await control('POST', '/records/Case', { records: [{ Subject: 'Late', Status: 'New' }] })
		).body.ids;
		await control('POST', '/faults', { commitLagMs: 30_000 });
		await control('POST', `/cases/${caseId}/close`);
		const closedQuery = soql('SELECT Id, SystemModstamp FROM Case WHERE IsClosed = true');
		expect((await t.api('GET', closedQuery)).body.totalSize).toBe(0);
		await control('POST', '/clock', { advanceMs: 30_000 });
		const visible = await t.api('GET', closedQuery);
		expect(visible.body.records).toEqual([
			expect.objectContaining({ Id: caseId, SystemModstamp: '2026-05-01T10:00:00.000+0000' }),
		]);
	});

	it('closes and reopens cases, keeping ClosedDate as Salesforce does, and backdates a close as a data load may', async () => {
		await control('POST', '/clock', { freeze: true, at: '2026-05-01T10:00:00Z' });
		const [id] = (
			await control('POST', '/records/Case', { records: [{ Subject: 'Printer', Status: 'New' }] })
		).body.ids;
		await control('POST', '/clock', { advanceMs: 3_600_000 });
		await control('POST', `/cases/${id}/close`);
		let row = (await t.api('GET', `/sobjects/Case/${id}?fields=IsClosed,ClosedDate,Status`)).body;
		expect(row).toMatchObject({
			IsClosed: true,
			Status: 'Closed',
			ClosedDate: '2026-05-01T11:00:00.000+0000',
		});
		await control('POST', `/cases/${id}/reopen`);
		row = (await t.api('GET', `/sobjects/Case/${id}?fields=IsClosed,ClosedDate,Status`)).body;
		expect(row).toMatchObject({ IsClosed: false, ClosedDate: null, Status: 'Working' });
		await control('POST', `/cases/${id}/close`, { closedDate: '2025-03-11T18:59:51Z' });
		row = (await t.api('GET', `/sobjects/Case/${id}?fields=ClosedDate,CreatedDate`)).body;
		expect(row.ClosedDate).toBe('2025-03-11T18:59:51.000+0000');
		expect(row.CreatedDate).toBe('2026-05-01T10:00:00.000+0000');
	});

	it('makes another status a closed one', async () => {
		await control('POST', '/faults', { closedStatuses: ['Closed', 'Resolved'] });
		const [id] = (
			await control('POST', '/records/Case', {
				records: [{ Subject: 'Resolved one', Status: 'Resolved' }],
			})
		).body.ids;
		expect(t.org.store.get(id)?.IsClosed).toBe(true);
	});

	it('records owner history when a case moves from a queue to an agent', async () => {
		const queueId = t.org.addQueue('Tier 1 Support');
		const [id] = (
			await control('POST', '/records/Case', {
				records: [{ Subject: 'Routed', Status: 'New', OwnerId: queueId }],
			})
		).body.ids;
		await control('PATCH', `/records/Case/${id}`, { values: { OwnerId: t.identity.userId } });
		const history = await t.api(
			'GET',
			soql(
				`SELECT Field, OldValue, NewValue FROM CaseHistory WHERE CaseId = '${id}' AND Field = 'Owner'`,
			),
		);
		expect(history.body.records).toEqual([
			expect.objectContaining({ Field: 'Owner', OldValue: queueId, NewValue: t.identity.userId }),
		]);
	});

	it('adds custom objects and custom fields that describe, writes and queries see', async () => {
		const created = await control('POST', '/schema/objects', {
			name: 'Survey__c',
			label: 'Survey',
			fields: [{ name: 'Score__c', type: 'double', precision: 3, scale: 0 }],
		});
		expect(created.body.keyPrefix).toMatch(/^a0/);
		await control('POST', '/schema/fields', {
			object: 'Contact',
			field: { name: 'External_Id__c', type: 'string', length: 40, externalId: true, unique: true },
		});
		const describe = await t.api('GET', '/sobjects/Contact/describe');
		expect(
			describe.body.fields.find((f: { name: string }) => f.name === 'External_Id__c'),
		).toMatchObject({ externalId: true, idLookup: true, custom: true });
		const upsert = await t.api(
			'PATCH',
			`/sobjects/Contact/External_Id__c/${encodeURIComponent('ext/1 #%')}`,
			{ LastName: 'Custom' },
		);
		expect(upsert.status).toBe(201);
		await t.api('POST', '/sobjects/Survey__c', { Name: 'NPS', Score__c: 9 });
		const q = await t.api('GET', soql('SELECT Name, Score__c FROM Survey__c'));
		expect(q.body.records).toEqual([expect.objectContaining({ Name: 'NPS', Score__c: 9 })]);
	});

	it('answers an unknown control action with 404', async () => {
		expect((await control('POST', '/nothing')).status).toBe(404);
	});
});
