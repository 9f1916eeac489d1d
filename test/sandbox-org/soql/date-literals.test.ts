import { startTestOrg, type TestOrg } from '../testing';
import { queryError, records } from './query-helpers';

// Date literals against a frozen clock: Wednesday 2026-05-13 10:30 UTC. Users of the sandbox are
// in UTC with an en_US locale, so weeks start on Sunday (2026-05-10).

const NOW = Date.parse('2026-05-13T10:30:00Z');

const CREATED: Record<string, string> = {
	todayStart: '2026-05-13T00:00:00Z',
	todayEnd: '2026-05-13T23:59:59Z',
	yesterday: '2026-05-12T12:00:00Z',
	tomorrow: '2026-05-14T00:00:00Z',
	sunday: '2026-05-10T00:00:00Z',
	saturday: '2026-05-09T23:59:59Z',
	weekAgo: '2026-05-06T08:00:00Z',
	april: '2026-04-30T12:00:00Z',
	day90: '2026-02-12T00:00:00Z',
	day91: '2026-02-11T23:59:59Z',
	january: '2026-01-05T09:00:00Z',
	lastYear: '2025-12-31T23:59:59Z',
};

describe('date literals', () => {
	let t: TestOrg;

	const created = async (condition: string) =>
		(
			await records(
				t,
				`SELECT Subject FROM Case WHERE Subject LIKE 'D %' AND CreatedDate ${condition}`,
			)
		)
			.map((r) => (r.Subject as string).slice(2))
			.sort();
	const except = (...labels: string[]) =>
		Object.keys(CREATED)
			.filter((k) => !labels.includes(k))
			.sort();

	beforeAll(async () => {
		t = await startTestOrg({ frozenAt: NOW, sessionLifetimeMs: 7 * 86_400_000 });
		for (const [label, iso] of Object.entries(CREATED))
			t.org.store.insert(
				'Case',
				{ Subject: `D ${label}`, Status: 'New' },
				{ audit: { CreatedDate: Date.parse(iso) } },
			);
		t.org.store.insert('Contact', { LastName: 'D today', Birthdate: '2026-05-13' });
		t.org.store.insert('Contact', { LastName: 'D yesterday', Birthdate: '2026-05-12' });
		t.org.store.insert('Contact', { LastName: 'D tomorrow', Birthdate: '2026-05-14' });
	});
	afterAll(async () => {
		await t.close();
	});

	it('TODAY, YESTERDAY and TOMORROW are whole UTC days', async () => {
		expect(await created('= TODAY')).toEqual(['todayEnd', 'todayStart']);
		expect(await created('= YESTERDAY')).toEqual(['yesterday']);
		expect(await created('= TOMORROW')).toEqual(['tomorrow']);
	});

	it('compares with a range as Salesforce defines it: > after its end, < before its start', async () => {
		expect(await created('> TODAY')).toEqual(['tomorrow']);
		expect(await created('>= TODAY')).toEqual(['todayEnd', 'todayStart', 'tomorrow']);
		expect(await created('< TODAY')).toEqual(except('todayStart', 'todayEnd', 'tomorrow'));
		expect(await created('<= TODAY')).toEqual(except('tomorrow'));
		expect(await created('!= TODAY')).toEqual(except('todayStart', 'todayEnd'));
	});

	it('LAST_N_DAYS includes today; NEXT_N_DAYS starts tomorrow; N_DAYS_AGO is one day', async () => {
		expect(await created('= LAST_N_DAYS:3')).toEqual([
			'sunday',
			'todayEnd',
			'todayStart',
			'yesterday',
		]);
		expect(await created('= NEXT_N_DAYS:1')).toEqual(['tomorrow']);
		expect(await created('= N_DAYS_AGO:7')).toEqual(['weekAgo']);
		expect(await created('= LAST_90_DAYS')).toEqual(
			except('day91', 'january', 'lastYear', 'tomorrow'),
		);
	});

	it('weeks start on Sunday', async () => {
		expect(await created('= THIS_WEEK')).toEqual([
			'sunday',
			'todayEnd',
			'todayStart',
			'tomorrow',
			'yesterday',
		]);
		expect(await created('= LAST_WEEK')).toEqual(['saturday', 'weekAgo']);
	});

	it('months, quarters and years are calendar ones (the default fiscal year)', async () => {
		expect(await created('= THIS_MONTH')).toEqual([
			'saturday',
			'sunday',
			'todayEnd',
			'todayStart',
			'tomorrow',
			'weekAgo',
			'yesterday',
		]);
		expect(await created('= LAST_MONTH')).toEqual(['april']);
		expect(await created('= THIS_QUARTER')).toEqual(
			except('day90', 'day91', 'january', 'lastYear'),
		);
		expect(await created('= LAST_QUARTER')).toEqual(['day90', 'day91', 'january']);
		expect(await created('= THIS_FISCAL_QUARTER')).toEqual(await created('= THIS_QUARTER'));
		expect(await created('= THIS_YEAR')).toEqual(except('lastYear'));
		expect(await created('= LAST_YEAR')).toEqual(['lastYear']);
	});

	it('applies to date fields too', async () => {
		const born = async (condition: string) =>
			(
				await records(
					t,
					`SELECT LastName FROM Contact WHERE LastName LIKE 'D %' AND Birthdate ${condition}`,
				)
			)
				.map((r) => r.LastName)
				.sort();
		expect(await born('= TODAY')).toEqual(['D today']);
		expect(await born('= YESTERDAY')).toEqual(['D yesterday']);
		expect(await born('> TODAY')).toEqual(['D tomorrow']);
		expect(await born('= LAST_N_DAYS:1')).toEqual(['D today', 'D yesterday']);
	});

	it('follows the clock: a literal is evaluated when the query runs', async () => {
		t.org.clock.advance(86_400_000);
		try {
			expect(await created('= YESTERDAY')).toEqual(['todayEnd', 'todayStart']);
		} finally {
			t.org.clock.freeze(NOW);
		}
	});

	it('refuses what is not a SOQL date literal, and a date literal on a text field', async () => {
		const hours = await queryError(t, 'SELECT Id FROM Case WHERE CreatedDate = LAST_N_HOURS:2');
		expect(hours.status).toBe(400);
		expect(hours.errorCode).toBe('MALFORMED_QUERY');
		const onText = await queryError(t, 'SELECT Id FROM Case WHERE Subject = TODAY');
		expect(onText.errorCode).toBe('INVALID_FIELD');
		expect(onText.message).toContain(
			"value of filter criterion for field 'Subject' must be of type string and should be enclosed in quotes",
		);
	});
});
