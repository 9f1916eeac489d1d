import { startTestOrg, type TestOrg } from '../testing';
import { queryError, records } from './query-helpers';

// WHERE as SOQL evaluates it: text compared case-insensitively, `!=` and NOT IN keeping nulls,
// LIKE with its escapes, semi-joins, date-time literals in their three forms, parent fields.

describe('WHERE', () => {
	let t: TestOrg;
	let ids: Record<string, string>;

	const names = async (q: string) => (await records(t, q)).map((r) => r.Name as string).sort();
	const subjects = async (q: string) =>
		(await records(t, q)).map((r) => r.Subject as string).sort();

	beforeAll(async () => {
		t = await startTestOrg();
		const s = t.org.store;
		const acme = s.insert('Account', {
			Name: 'W Acme Widgets',
			NumberOfEmployees: 50,
			Industry: 'Manufacturing',
			AnnualRevenue: 1_500_000.5,
		});
		s.insert('Account', { Name: 'W Bank of Tests', NumberOfEmployees: 10, Industry: 'Banking' });
		s.insert('Account', { Name: 'W Big Energy', NumberOfEmployees: 100, Industry: 'Energy' });
		s.insert('Account', { Name: 'W Nobody', NumberOfEmployees: null, Industry: null });
		s.insert('Account', { Name: "W O'Brien & Sons" });
		s.insert('Account', { Name: 'W Back\\slash' });
		s.insert('Account', { Name: 'W Line\nbreak\ttab' });
		s.insert('Account', { Name: 'W Say "hi"' });
		s.insert('Account', { Name: 'W 100% Cotton_Co' });
		s.insert('Account', { Name: 'W 100X CottonXCo' });
		const contact = s.insert('Contact', {
			LastName: 'W Birthday',
			AccountId: acme,
			Birthdate: '1990-04-02',
		});
		s.insert('Contact', { LastName: 'W Older', Birthdate: '1970-12-31' });
		const queue = t.org.addQueue('Where Queue');
		const at = (iso: string) => ({ audit: { CreatedDate: Date.parse(iso) } });
		const open = s.insert(
			'Case',
			{ Subject: 'W open', Status: 'New', AccountId: acme, ContactId: contact },
			at('2026-05-01T07:25:37Z'),
		);
		const closed = s.insert(
			'Case',
			{ Subject: 'W closed', Status: 'Closed' },
			at('2026-05-02T00:00:00Z'),
		);
		const queued = s.insert(
			'Case',
			{ Subject: 'W queued', Status: 'New', OwnerId: queue },
			at('2026-05-03T00:00:00Z'),
		);
		const moved = s.insert(
			'Case',
			{ Subject: 'W moved', Status: 'New' },
			at('2026-05-04T00:00:00Z'),
		);
		s.update('Case', moved, { OwnerId: queue });
		s.update('Case', moved, { OwnerId: t.identity.userId });
		ids = { acme, contact, queue, open, closed, queued, moved };
	});
	afterAll(async () => {
		await t.close();
	});

	it('compares numbers with = != <> < <= > >=, and != keeps nulls', async () => {
		const q = (cond: string) =>
			names(`SELECT Name FROM Account WHERE Name LIKE 'W %' AND NumberOfEmployees ${cond}`);
		expect(await q('= 50')).toEqual(['W Acme Widgets']);
		expect(await q('< 50')).toEqual(['W Bank of Tests']);
		expect(await q('<= 50')).toEqual(['W Acme Widgets', 'W Bank of Tests']);
		expect(await q('> 50')).toEqual(['W Big Energy']);
		expect(await q('>= 50')).toEqual(['W Acme Widgets', 'W Big Energy']);
		const notFifty = await q('!= 50');
		expect(notFifty).toContain('W Nobody');
		expect(notFifty).not.toContain('W Acme Widgets');
		expect(await q('<> 50')).toEqual(notFifty);
		expect(
			await names("SELECT Name FROM Account WHERE Name LIKE 'W %' AND AnnualRevenue > 1500000.25"),
		).toEqual(['W Acme Widgets']);
	});

	it('compares text case-insensitively', async () => {
		expect(await names("SELECT Name FROM Account WHERE Name = 'w acme WIDGETS'")).toEqual([
			'W Acme Widgets',
		]);
		expect(await names("SELECT Name FROM Account WHERE Industry = 'banking'")).toEqual([
			'W Bank of Tests',
		]);
	});

	it('matches LIKE case-insensitively with % and _, and \\% \\_ as themselves', async () => {
		expect(await names("SELECT Name FROM Account WHERE Name LIKE '%widget%'")).toEqual([
			'W Acme Widgets',
		]);
		expect(await names("SELECT Name FROM Account WHERE Name LIKE 'w _cme%'")).toEqual([
			'W Acme Widgets',
		]);
		expect(await names("SELECT Name FROM Account WHERE Name LIKE 'W 100_ Cotton_Co'")).toEqual([
			'W 100% Cotton_Co',
			'W 100X CottonXCo',
		]);
		expect(await names("SELECT Name FROM Account WHERE Name LIKE 'W 100\\% Cotton\\_Co'")).toEqual([
			'W 100% Cotton_Co',
		]);
	});

	it('reads escaped string literals: \\\' \\" \\\\ \\n \\t', async () => {
		expect(await names("SELECT Name FROM Account WHERE Name = 'W O\\'Brien & Sons'")).toEqual([
			"W O'Brien & Sons",
		]);
		expect(await names("SELECT Name FROM Account WHERE Name = 'W Back\\\\slash'")).toEqual([
			'W Back\\slash',
		]);
		expect(await names("SELECT Name FROM Account WHERE Name = 'W Line\\nbreak\\ttab'")).toEqual([
			'W Line\nbreak\ttab',
		]);
		expect(await names('SELECT Name FROM Account WHERE Name = \'W Say \\"hi\\"\'')).toEqual([
			'W Say "hi"',
		]);
	});

	it('refuses an escape SOQL does not know, and \\% outside LIKE', async () => {
		for (const literal of ["'W \\q'", "'W 100\\%'"]) {
			const err = await queryError(t, `SELECT Name FROM Account WHERE Name = ${literal}`);
			expect(err.status).toBe(400);
			expect(err.errorCode).toBe('MALFORMED_QUERY');
			expect(err.message).toContain('Invalid string literal');
		}
	});

	it('matches IN and NOT IN lists; NOT IN keeps nulls unless the list has null', async () => {
		const base = "SELECT Name FROM Account WHERE Name LIKE 'W %' AND Industry";
		expect(await names(`${base} IN ('banking', 'Energy')`)).toEqual([
			'W Bank of Tests',
			'W Big Energy',
		]);
		const notBanking = await names(`${base} NOT IN ('Banking')`);
		expect(notBanking).toContain('W Nobody');
		expect(notBanking).not.toContain('W Bank of Tests');
		expect(await names(`${base} IN (null, 'Banking')`)).toContain('W Nobody');
		expect(await names(`${base} NOT IN (null, 'Banking', 'Energy')`)).toEqual(['W Acme Widgets']);
	});

	it('tests nulls with = null and != null', async () => {
		expect(
			await names("SELECT Name FROM Account WHERE Name LIKE 'W %' AND NumberOfEmployees != null"),
		).toEqual(['W Acme Widgets', 'W Bank of Tests', 'W Big Energy']);
		expect(
			await names("SELECT Name FROM Account WHERE Name LIKE 'W %' AND Industry = null"),
		).not.toContain('W Acme Widgets');
	});

	it('tests booleans', async () => {
		expect(
			await subjects("SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND IsClosed = true"),
		).toEqual(['W closed']);
		expect(
			await subjects("SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND IsClosed = FALSE"),
		).toEqual(['W moved', 'W open', 'W queued']);
	});

	it('combines AND, OR and NOT with parentheses', async () => {
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND (Status = 'Closed' OR Subject = 'W queued')",
			),
		).toEqual(['W closed', 'W queued']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND NOT (Status = 'Closed' OR Subject = 'W queued')",
			),
		).toEqual(['W moved', 'W open']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE (Subject = 'W open' OR Subject = 'W moved') AND NOT Subject = 'W moved'",
			),
		).toEqual(['W open']);
		expect(await subjects("SELECT Subject FROM Case WHERE ((Subject = 'W open'))")).toEqual([
			'W open',
		]);
	});

	it('refuses AND and OR mixed without parentheses, at the operator', async () => {
		const err = await queryError(
			t,
			"SELECT Id FROM Case WHERE Status = 'New' AND Subject = 'x' OR IsClosed = true",
		);
		expect(err.status).toBe(400);
		expect(err.errorCode).toBe('MALFORMED_QUERY');
		expect(err.message).toMatch(/\nERROR at Row:1:Column:60\nunexpected token: 'OR'$/);
	});

	it('filters with semi-joins and anti-joins', async () => {
		const moved = "Id IN (SELECT CaseId FROM CaseHistory WHERE Field = 'Owner')";
		expect(
			await subjects(`SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND ${moved}`),
		).toEqual(['W moved']);
		expect(
			await subjects(
				`SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND Id NOT IN (SELECT CaseId FROM CaseHistory WHERE Field = 'Owner')`,
			),
		).toEqual(['W closed', 'W open', 'W queued']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE OwnerId IN (SELECT QueueId FROM QueueSobject WHERE SobjectType = 'Case')",
			),
		).toContain('W queued');
	});

	it('reads date-time literals in UTC, with milliseconds and offset, and with a +hh:mm offset', async () => {
		for (const literal of [
			'2026-05-01T07:25:37Z',
			'2026-05-01T07:25:37.000+0000',
			'2026-05-01T09:25:37+02:00',
			'2026-05-01T02:25:37-05:00',
		]) {
			expect(await subjects(`SELECT Subject FROM Case WHERE CreatedDate = ${literal}`)).toEqual([
				'W open',
			]);
		}
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND CreatedDate >= 2026-05-03T00:00:00Z",
			),
		).toEqual(['W moved', 'W queued']);
		expect(
			await subjects(
				"SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND CreatedDate < 2026-05-02T00:00:00Z",
			),
		).toEqual(['W open']);
	});

	it('sees an unencoded + in the URL as a space, as Salesforce does', async () => {
		const res = await t.api(
			'GET',
			`/query?q=${encodeURIComponent('SELECT Id FROM Case WHERE CreatedDate = 2026-05-01T09:25:37').replace(/%20/g, '+')}+02:00`,
		);
		expect(res.status).toBe(400);
		expect(res.body[0].errorCode).toBe('MALFORMED_QUERY');
	});

	it('compares date fields with date literals, and refuses a date-time there', async () => {
		const lastNames = async (q: string) => (await records(t, q)).map((r) => r.LastName).sort();
		expect(
			await lastNames(
				"SELECT LastName FROM Contact WHERE LastName LIKE 'W %' AND Birthdate = 1990-04-02",
			),
		).toEqual(['W Birthday']);
		expect(
			await lastNames(
				"SELECT LastName FROM Contact WHERE LastName LIKE 'W %' AND Birthdate < 1980-01-01",
			),
		).toEqual(['W Older']);
		const err = await queryError(
			t,
			'SELECT Id FROM Contact WHERE Birthdate = 1990-04-02T00:00:00Z',
		);
		expect(err.errorCode).toBe('INVALID_FIELD');
		expect(err.message).toContain(
			"value of filter criterion for field 'Birthdate' must be of type date and should not be enclosed in quotes",
		);
	});

	it('filters on parent fields, polymorphic ones included', async () => {
		expect(await subjects("SELECT Subject FROM Case WHERE Owner.Type = 'Queue'")).toEqual([
			'W queued',
		]);
		expect(
			await subjects("SELECT Subject FROM Case WHERE Account.Name = 'w acme widgets'"),
		).toEqual(['W open']);
		expect(
			await subjects("SELECT Subject FROM Case WHERE Contact.Account.Industry = 'Manufacturing'"),
		).toEqual(['W open']);
		expect(
			await subjects("SELECT Subject FROM Case WHERE Subject LIKE 'W %' AND Account.Name = null"),
		).toEqual(['W closed', 'W moved', 'W queued']);
	});

	it('matches Ids given with 15 or 18 characters', async () => {
		expect(
			await subjects(`SELECT Subject FROM Case WHERE Id = '${ids.open.slice(0, 15)}'`),
		).toEqual(['W open']);
		expect(
			await subjects(
				`SELECT Subject FROM Case WHERE Id IN ('${ids.open}', '${ids.closed.slice(0, 15)}')`,
			),
		).toEqual(['W closed', 'W open']);
		expect(await subjects(`SELECT Subject FROM Case WHERE ContactId = '${ids.contact}'`)).toEqual([
			'W open',
		]);
	});
});
