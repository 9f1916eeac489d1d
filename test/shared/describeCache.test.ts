import { Connection } from '@jsforce/jsforce-node';

import { DescribeCache } from '../../nodes/shared/schema/describeCache';
import { API_VERSION, startTestOrg, type TestOrg } from '../sandbox-org/testing';

describe('describe cache', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
	});
	afterAll(async () => {
		await t.close();
	});

	it('asks Salesforce once per object, also for concurrent callers and any spelling', async () => {
		const cache = new DescribeCache((name) =>
			new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION }).describe(
				name,
			),
		);
		const before = t.org.counters.apiCallsByKind.describe;
		const [a, b, c] = await Promise.all([
			cache.describe('Case'),
			cache.describe('case'),
			cache.describe('Case'),
		]);
		await cache.describe('Contact');
		expect(a.name).toBe('Case');
		expect(b).toBe(a);
		expect(c).toBe(a);
		expect(t.org.counters.apiCallsByKind.describe - before).toBe(2);
	});

	it('does not keep a failed describe', async () => {
		const cache = new DescribeCache((name) =>
			new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION }).describe(
				name,
			),
		);
		await expect(cache.describe('NoSuchObject__c')).rejects.toThrow();
		t.org.schema.addCustomObject('NoSuchObject__c', 'Now Exists');
		expect((await cache.describe('NoSuchObject__c')).name).toBe('NoSuchObject__c');
	});

	it('sends no name that is not an object name', async () => {
		const cache = new DescribeCache((name) =>
			new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION }).describe(
				name,
			),
		);
		const before = t.org.counters.log.length;
		await expect(cache.describe('Account/describe?x')).rejects.toThrow(/is not an object name/);
		expect(t.org.counters.log.length).toBe(before);
	});
});
