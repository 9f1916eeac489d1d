import developerEditionLimits from './limits-developer-edition.json';
import { startTestOrg, type TestOrg } from '../testing';

// GET /limits: the recorded limits of a Developer Edition org, with DailyApiRequests following
// the calls the sandbox counted.

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
});
afterAll(async () => {
	await t.close();
});

it('answers every limit of the recorded org, as {Max, Remaining}', async () => {
	const res = await t.api('GET', '/services/data/v60.0/limits');
	expect(res.status).toBe(200);
	expect(Object.keys(res.body).sort()).toEqual(Object.keys(developerEditionLimits).sort());
	expect(res.body.PermissionSets).toEqual({
		Max: 1500,
		Remaining: 1498,
		CreateCustom: { Max: 1000, Remaining: 998 },
	});
	for (const [name, limit] of Object.entries(
		res.body as Record<string, { Max: unknown; Remaining: unknown }>,
	)) {
		expect({ name, max: typeof limit.Max, remaining: typeof limit.Remaining }).toEqual({
			name,
			max: 'number',
			remaining: 'number',
		});
	}
});

it('counts API calls in DailyApiRequests (the limits call included) and agrees with Sforce-Limit-Info', async () => {
	t.org.dailyApiLimit = 15000;
	t.org.apiUsageOffset = 24;
	const limitsCallsBefore = t.org.counters.apiCallsByKind.limits;
	await t.api('GET', '/sobjects/Case/describe');
	await t.api('POST', '/sobjects/Account', { Name: 'Counted' });
	const res = await t.api('GET', '/limits');
	expect(res.body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - t.org.apiUsage });
	expect(res.headers.get('sforce-limit-info')).toBe(`api-usage=${t.org.apiUsage}/15000`);
	const next = await t.api('GET', '/limits');
	expect(next.body.DailyApiRequests.Remaining).toBe(res.body.DailyApiRequests.Remaining - 1);
	expect(t.org.counters.apiCallsByKind.limits - limitsCallsBefore).toBe(2);
});

it('follows a changed allowance', async () => {
	t.org.dailyApiLimit = 100000;
	const res = await t.api('GET', '/limits');
	expect(res.body.DailyApiRequests).toEqual({ Max: 100000, Remaining: 100000 - t.org.apiUsage });
});
