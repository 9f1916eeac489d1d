import { startTestOrg, type TestOrg } from '../testing';
import { queryCursors } from './cursors';
import { allPages, records, soql } from './query-helpers';

// Paging through nextRecordsUrl: default and requested batch sizes, child results that page on
// their own, child rows counting toward the page, snapshots, and locators that stop working.

const LOCATOR_URL = /^\/services\/data\/v62\.0\/query\/[A-Za-z0-9]{18}-\d+$/;

describe('query paging', () => {
	let t: TestOrg;
	const LEADS = 5_200;

	beforeAll(async () => {
		// Sessions outlive the clock jumps below (a real session ends after hours, a cursor after days).
		t = await startTestOrg({ sessionLifetimeMs: 30 * 86_400_000 });
		for (let i = 0; i < LEADS; i++)
			t.org.store.insert('Lead', {
				LastName: `Paging ${String(i).padStart(5, '0')}`,
				Company: `Company ${i % 41}`,
			});
	});
	afterAll(async () => {
		await t.close();
	});

	it('pages 5,200 rows by 2000 with nothing lost or repeated, totalSize on every page', async () => {
		const pages = await allPages(
			t,
			"SELECT Id, LastName FROM Lead WHERE LastName LIKE 'Paging %' ORDER BY LastName",
		);
		expect(pages.map((p) => p.records.length)).toEqual([2000, 2000, 1200]);
		expect(pages.every((p) => p.totalSize === LEADS)).toBe(true);
		expect(pages[0].nextRecordsUrl).toMatch(LOCATOR_URL);
		expect(pages[0].nextRecordsUrl).toMatch(/-2000$/);
		expect(pages[1].nextRecordsUrl).toMatch(/-4000$/);
		expect(pages[2]).not.toHaveProperty('nextRecordsUrl');
		expect(Object.keys(pages[0])).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);
		const names = pages.flatMap((p) => p.records.map((r) => r.LastName as string));
		expect(new Set(names).size).toBe(LEADS);
		expect(names).toEqual([...names].sort());
	});

	it('honours Sforce-Query-Options: batchSize within 200..2000', async () => {
		const headers = { 'Sforce-Query-Options': 'batchSize=500' };
		const pages = await allPages(t, "SELECT Id FROM Lead WHERE LastName LIKE 'Paging %'", {
			headers,
		});
		expect(pages).toHaveLength(11);
		expect(pages.slice(0, 10).every((p) => p.records.length === 500)).toBe(true);
		expect(pages[10].records).toHaveLength(200);
		expect(new Set(pages.flatMap((p) => p.records.map((r) => r.Id))).size).toBe(LEADS);
	});

	it('treats a batch size outside 200..2000 as the nearest bound (the header is a hint)', async () => {
		const small = await soql(t, "SELECT Id FROM Lead WHERE LastName LIKE 'Paging %'", {
			headers: { 'Sforce-Query-Options': 'batchSize=50' },
		});
		const large = await soql(t, "SELECT Id FROM Lead WHERE LastName LIKE 'Paging %'", {
			headers: { 'Sforce-Query-Options': 'batchSize=5000' },
		});
		expect(small.body.records).toHaveLength(200);
		expect(large.body.records).toHaveLength(2000);
	});

	it('pages queryAll under /queryAll/', async () => {
		const res = await soql(t, "SELECT Id FROM Lead WHERE LastName LIKE 'Paging %'", { all: true });
		expect(res.body.nextRecordsUrl).toMatch(
			/^\/services\/data\/v62\.0\/queryAll\/[A-Za-z0-9]{18}-2000$/,
		);
		const next = await t.api('GET', res.body.nextRecordsUrl);
		expect(next.status).toBe(200);
		expect(next.body.records).toHaveLength(2000);
	});

	it('serves the page a locator names again (a client may retry it)', async () => {
		const first = await soql(
			t,
			"SELECT Id FROM Lead WHERE LastName LIKE 'Paging %' ORDER BY LastName",
		);
		const a = await t.api('GET', first.body.nextRecordsUrl);
		const b = await t.api('GET', first.body.nextRecordsUrl);
		expect(b.body).toEqual(a.body);
	});

	it('keeps the result as it was when the query ran: later updates and inserts do not show', async () => {
		const first = await soql(
			t,
			"SELECT Id, Company FROM Lead WHERE LastName LIKE 'Paging %' ORDER BY LastName",
		);
		const second = await t.api('GET', first.body.nextRecordsUrl);
		const onPage3 = (await t.api('GET', second.body.nextRecordsUrl)).body.records[0];
		t.org.store.update('Lead', onPage3.Id, { Company: 'Changed after the query ran' });
		t.org.store.insert('Lead', {
			LastName: 'Paging 99999',
			Company: 'Inserted after the query ran',
		});
		const third = await t.api('GET', second.body.nextRecordsUrl);
		expect(third.body.totalSize).toBe(LEADS);
		expect(third.body.records[0]).toEqual(onPage3);
		expect(
			third.body.records.some(
				(r: { Company: string }) => r.Company === 'Inserted after the query ran',
			),
		).toBe(false);
		const fresh = await records(t, `SELECT Company FROM Lead WHERE Id = '${onPage3.Id}'`);
		expect(fresh[0].Company).toBe('Changed after the query ran');
	});

	it('answers INVALID_QUERY_LOCATOR for an unknown locator and for one past its 2 days', async () => {
		const unknown = await t.api('GET', '/query/01gSb0000000ZZZAAA-2000');
		expect(unknown.status).toBe(400);
		expect(unknown.body).toEqual([
			{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' },
		]);
		const garbage = await t.api('GET', '/query/not-a-locator');
		expect(garbage.body[0].errorCode).toBe('INVALID_QUERY_LOCATOR');

		t.org.clock.freeze();
		try {
			const first = await soql(t, "SELECT Id FROM Lead WHERE LastName LIKE 'Paging %'");
			t.org.clock.advance(47 * 3600_000);
			expect((await t.api('GET', first.body.nextRecordsUrl)).status).toBe(200);
			t.org.clock.advance(3600_000);
			const expired = await t.api('GET', first.body.nextRecordsUrl);
			expect(expired.status).toBe(400);
			expect(expired.body[0].errorCode).toBe('INVALID_QUERY_LOCATOR');
		} finally {
			t.org.clock.reset();
		}
	});

	it('drops the least recently used cursors past its bound, and their locators stop working', async () => {
		const cursors = queryCursors(t.org);
		const bound = cursors.maxCursors;
		cursors.maxCursors = 2;
		try {
			const q = "SELECT Id FROM Lead WHERE LastName LIKE 'Paging %'";
			const a = await soql(t, q);
			const b = await soql(t, q);
			await t.api('GET', a.body.nextRecordsUrl); // a is now the most recently used
			const c = await soql(t, q);
			expect((await t.api('GET', b.body.nextRecordsUrl)).body[0]?.errorCode).toBe(
				'INVALID_QUERY_LOCATOR',
			);
			expect((await t.api('GET', a.body.nextRecordsUrl)).status).toBe(200);
			expect((await t.api('GET', c.body.nextRecordsUrl)).status).toBe(200);
		} finally {
			cursors.maxCursors = bound;
		}
	});

	it('counts each page as one API call of kind query', async () => {
		const before = t.org.counters.apiCallsByKind.query;
		await allPages(t, "SELECT Id FROM Lead WHERE LastName LIKE 'Paging %'");
		expect(t.org.counters.apiCallsByKind.query - before).toBe(3);
	});
});

describe('child results that page', () => {
	let t: TestOrg;
	let longThread: string;

	beforeAll(async () => {
		t = await startTestOrg();
		longThread = t.org.store.insert('Case', {
			Subject: 'Child paging: long thread',
			Status: 'New',
		});
		for (let i = 0; i < 450; i++) {
			t.org.store.insert('EmailMessage', {
				ParentId: longThread,
				Subject: `Long ${String(i).padStart(3, '0')}`,
				MessageDate: Date.UTC(2026, 0, 1) + i * 60_000,
			});
		}
		for (let c = 0; c < 10; c++) {
			const id = t.org.store.insert('Case', { Subject: `Child paging: case ${c}`, Status: 'New' });
			for (let i = 0; i < 150; i++)
				t.org.store.insert('EmailMessage', {
					ParentId: id,
					Subject: `Case ${c} mail ${i}`,
					MessageDate: Date.UTC(2026, 1, 1) + i * 60_000,
				});
		}
	});
	afterAll(async () => {
		await t.close();
	});

	it('returns 200 children inline and pages the rest through the child nextRecordsUrl', async () => {
		const [row] = await records(
			t,
			`SELECT Id, (SELECT Subject FROM EmailMessages ORDER BY MessageDate) FROM Case WHERE Id = '${longThread}'`,
		);
		const child = row.EmailMessages;
		expect(Object.keys(child)).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);
		expect(child).toMatchObject({ totalSize: 450, done: false });
		expect(child.records).toHaveLength(200);
		expect(child.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/[A-Za-z0-9]{18}-200$/);
		const rest = await t.api('GET', child.nextRecordsUrl);
		expect(rest.status).toBe(200);
		expect(rest.body).toMatchObject({ totalSize: 450, done: true });
		expect(rest.body).not.toHaveProperty('nextRecordsUrl');
		const subjects = [...child.records, ...rest.body.records].map(
			(r: { Subject: string }) => r.Subject,
		);
		expect(subjects).toEqual(
			Array.from({ length: 450 }, (_, i) => `Long ${String(i).padStart(3, '0')}`),
		);
		expect(rest.body.records[0].attributes.type).toBe('EmailMessage');
	});

	it('pages the rest of a child result by the batch size too', async () => {
		const headers = { 'Sforce-Query-Options': 'batchSize=200' };
		const [row] = await records(
			t,
			`SELECT Id, (SELECT Subject FROM EmailMessages ORDER BY MessageDate) FROM Case WHERE Id = '${longThread}'`,
			{ headers },
		);
		const second = await t.api('GET', row.EmailMessages.nextRecordsUrl, undefined, headers);
		expect(second.body).toMatchObject({ totalSize: 450, done: false });
		expect(second.body.records).toHaveLength(200);
		const third = await t.api('GET', second.body.nextRecordsUrl, undefined, headers);
		expect(third.body).toMatchObject({ done: true });
		expect(third.body.records).toHaveLength(50);
	});

	it('counts child rows toward the page size', async () => {
		const headers = { 'Sforce-Query-Options': 'batchSize=1000' };
		const pages = await allPages(
			t,
			"SELECT Id, (SELECT Id FROM EmailMessages) FROM Case WHERE Subject LIKE 'Child paging: case %' ORDER BY Subject",
			{ headers },
		);
		// Each case costs 1 + 150 rows: 6 fit in 1000.
		expect(pages.map((p) => p.records.length)).toEqual([6, 4]);
		expect(
			pages
				.flatMap((p) => p.records)
				.every((r) => r.EmailMessages.totalSize === 150 && r.EmailMessages.records.length === 150),
		).toBe(true);
	});

	it('keeps child results as they were when the query ran', async () => {
		const first = await soql(
			t,
			"SELECT Id, (SELECT Subject FROM EmailMessages) FROM Case WHERE Subject LIKE 'Child paging: case %' ORDER BY Subject",
			{ headers: { 'Sforce-Query-Options': 'batchSize=1000' } },
		);
		const lastCase = (
			await records(t, "SELECT Id FROM Case WHERE Subject = 'Child paging: case 9'")
		)[0].Id;
		t.org.store.insert('EmailMessage', {
			ParentId: lastCase,
			Subject: 'Arrived after the query ran',
		});
		const second = await t.api('GET', first.body.nextRecordsUrl, undefined, {
			'Sforce-Query-Options': 'batchSize=1000',
		});
		const last = second.body.records.find((r: { Id: string }) => r.Id === lastCase);
		expect(last.EmailMessages.totalSize).toBe(150);
		const now = await records(
			t,
			`SELECT Id, (SELECT Id FROM EmailMessages) FROM Case WHERE Id = '${lastCase}'`,
		);
		expect(now[0].EmailMessages.totalSize).toBe(151);
	});
});

describe('commit lag', () => {
	let t: TestOrg;

	beforeAll(async () => {
		t = await startTestOrg({ frozenAt: Date.parse('2026-05-01T09:00:00Z') });
	});
	afterAll(async () => {
		await t.close();
	});

	it('hides rows, and children, until their commit time has come', async () => {
		const visible = t.org.store.insert('Case', { Subject: 'Lag: committed', Status: 'New' });
		t.org.store.commitLagMs = 5000;
		const late = t.org.store.insert('Case', { Subject: 'Lag: late', Status: 'New' });
		t.org.store.insert('EmailMessage', { ParentId: visible, Subject: 'Lag: late mail' });
		const q =
			"SELECT Subject, (SELECT Subject FROM EmailMessages) FROM Case WHERE Subject LIKE 'Lag:%' ORDER BY Subject";
		const before = await records(t, q);
		expect(before.map((r) => r.Subject)).toEqual(['Lag: committed']);
		expect(before[0].EmailMessages).toBeNull();
		t.org.clock.advance(5000);
		const after = await records(t, q);
		expect(after.map((r) => r.Subject)).toEqual(['Lag: committed', 'Lag: late']);
		expect(after[0].EmailMessages.records[0].Subject).toBe('Lag: late mail');
		expect(after[1].attributes.url).toContain(late);
	});
});
