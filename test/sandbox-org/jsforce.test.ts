import { Connection } from '@jsforce/jsforce-node';

import { API_VERSION, startTestOrg, type TestOrg } from './testing';

// jsforce (the client the package uses) pointed at the sandbox org: logging in, paging a large
// query, following child paging, sObject Collections, describes and a session that expires.

describe('jsforce against the sandbox org', () => {
	let t: TestOrg;
	let conn: Connection;

	beforeAll(async () => {
		t = await startTestOrg();
	});
	afterAll(async () => {
		await t.close();
	});
	beforeEach(() => {
		conn = new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION });
	});

	it('logs in with the OAuth 2.0 username-password flow', async () => {
		const c = new Connection({
			oauth2: {
				clientId: t.identity.clientId,
				clientSecret: t.identity.clientSecret,
				loginUrl: t.url,
			},
			version: API_VERSION,
		});
		const info = await c.login(t.identity.username, t.identity.password);
		expect(info.id).toBe(t.identity.userId);
		expect(info.organizationId).toBe(t.org.orgId);
		expect(c.instanceUrl).toBe(t.url);
		expect((await c.query('SELECT COUNT() FROM User')).totalSize).toBeGreaterThan(0);
	});

	it('pages through a large query with autoFetch, nothing lost or repeated', async () => {
		const names = new Set<string>();
		for (let i = 0; i < 4500; i++)
			t.org.store.insert('Lead', { LastName: `Lead ${i}`, Company: `Company ${i % 37}` });
		const before = t.org.counters.apiCallsByKind.query;
		const result = await conn.query<{ LastName: string }>(
			'SELECT Id, LastName, Company FROM Lead ORDER BY LastName',
			{ autoFetch: true, maxFetch: 100000 },
		);
		for (const r of result.records) names.add(r.LastName);
		expect(result.totalSize).toBe(4500);
		expect(result.records).toHaveLength(4500);
		expect(names.size).toBe(4500);
		expect(t.org.counters.apiCallsByKind.query - before).toBe(3); // 2000 + 2000 + 500
	});

	it('follows the paging of a child subquery', async () => {
		const caseId = t.org.store.insert('Case', { Subject: 'Long thread', Status: 'New' });
		for (let i = 0; i < 450; i++)
			t.org.store.insert('EmailMessage', {
				ParentId: caseId,
				Subject: `Message ${i}`,
				TextBody: `Body ${i}`,
				MessageDate: Date.UTC(2026, 0, 1) + i * 60_000,
				Incoming: i % 2 === 0,
			});
		const result = await conn.query<{
			Id: string;
			EmailMessages: { records: Array<{ Subject: string }> };
		}>(
			`SELECT Id, (SELECT Id, Subject FROM EmailMessages ORDER BY MessageDate) FROM Case WHERE Id = '${caseId}'`,
			{ autoFetch: true },
		);
		expect(result.records).toHaveLength(1);
		const subjects = result.records[0].EmailMessages.records.map((r) => r.Subject);
		expect(subjects).toHaveLength(450);
		expect(subjects[0]).toBe('Message 0');
		expect(subjects[449]).toBe('Message 449');
	});

	it('creates, upserts and deletes through sObject Collections, one call per 200 records', async () => {
		const before = t.org.counters.apiCallsByKind.collections;
		const records = Array.from({ length: 350 }, (_, i) => ({
			LastName: `Collections ${i}`,
			Email: `c${i}@collections.example`,
		}));
		const created = await conn.sobject('Contact').create(records, { allowRecursive: true });
		expect(created).toHaveLength(350);
		expect(created.every((r) => r.success)).toBe(true);
		expect(t.org.counters.apiCallsByKind.collections - before).toBe(2);

		const upserted = await conn.sobject('Contact').upsert(
			[
				{ Email: 'c0@collections.example', Title: 'Updated' },
				{ Email: 'new@collections.example', LastName: 'New' },
			],
			'Email',
		);
		expect(upserted.map((r) => r.success)).toEqual([true, true]);
		const row = t.org.store.get(created[0].id!);
		expect(row?.Title).toBe('Updated');

		const ids = created.slice(0, 5).map((r) => r.id!);
		const deleted = await conn.sobject('Contact').destroy(ids);
		expect(deleted.every((r) => r.success)).toBe(true);
		expect(t.org.store.get(ids[0])).toBeUndefined();
	});

	it('reports a failed row of a collection without failing the others', async () => {
		const results = await conn
			.sobject('Lead')
			.create([{ LastName: 'Valid', Company: 'Acme' }, { LastName: 'No company' }], {
				allOrNone: false,
			});
		expect(results[0].success).toBe(true);
		expect(results[1].success).toBe(false);
		// Collections rows carry `statusCode` (not `errorCode`), and jsforce passes them through.
		expect(results[1].errors[0]).toMatchObject({
			statusCode: 'REQUIRED_FIELD_MISSING',
			fields: ['Company'],
		});
	});

	it('reads describes', async () => {
		const global = await conn.describeGlobal();
		expect(global.sobjects.map((s) => s.name)).toEqual(
			expect.arrayContaining([
				'Case',
				'EmailMessage',
				'Contact',
				'Lead',
				'Task',
				'MessagingSession',
				'LiveChatTranscript',
			]),
		);
		const describe = await conn.sobject('Case').describe();
		expect(describe.keyPrefix).toBe('500');
		const status = describe.fields.find((f) => f.name === 'Status');
		expect(status?.picklistValues?.map((p) => p.value)).toEqual(
			expect.arrayContaining(['New', 'Closed']),
		);
		expect(
			describe.childRelationships.find((r) => r.relationshipName === 'EmailMessages')?.childSObject,
		).toBe('EmailMessage');
	});

	it('refreshes an expired session with the refresh token and repeats the request', async () => {
		const tokenRes = await fetch(`${t.url}/services/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'password',
				client_id: t.identity.clientId,
				client_secret: t.identity.clientSecret,
				username: t.identity.username,
				password: t.identity.password,
			}),
		});
		const token = (await tokenRes.json()) as { access_token: string };
		const refreshToken = t.org.sessions.issueRefreshToken(t.identity.userId, t.identity.clientId, [
			'api',
			'refresh_token',
		]);
		const c = new Connection({
			oauth2: {
				clientId: t.identity.clientId,
				clientSecret: t.identity.clientSecret,
				loginUrl: t.url,
			},
			instanceUrl: t.url,
			accessToken: token.access_token,
			refreshToken,
			version: API_VERSION,
		});
		let refreshed = '';
		c.on('refresh', (accessToken: string) => {
			refreshed = accessToken;
		});
		t.org.sessions.expireAll();
		const result = await c.query('SELECT COUNT() FROM User');
		expect(result.totalSize).toBeGreaterThan(0);
		expect(refreshed).not.toBe('');
		expect(refreshed).not.toBe(token.access_token);
	});
});
