import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from './triggerSetup';

// Record Updated as n8n runs it against the sandbox org: a record once per change after the last
// emission, with its fields as they are then; not its creation.

const MINUTE = 60_000;

describe('Trigger: Record Updated', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});
	const later = () => t.org.clock.advance(2000);
	const account = (name: string) => t.org.store.insert('Account', { Name: name });
	const updated = (parameters = {}) =>
		activateTrigger(t, {
			event: 'recordUpdated',
			objectName: 'Account',
			recordFields: ['Name', 'Phone'],
			...parameters,
		});

	it('emits a record once per change with its new values, not its creation, and a quiet poll costs one API call', async () => {
		const a = account('Acme');
		later();
		const poller = await updated();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const b = account('Created after activation');
		t.org.store.update('Account', a, { Phone: '+49 30 1234' });
		later();
		expect(emittedJson(await poller.poll())).toEqual([
			expect.objectContaining({ Id: a, Name: 'Acme', Phone: '+49 30 1234' }),
		]);
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.clock.advance(MINUTE);
		t.org.store.update('Account', a, { Phone: '+49 30 9999' });
		t.org.store.update('Account', b, { Name: 'Renamed' });
		later();
		const second = emittedJson(await poller.poll());
		expect(second.map((i) => [i.Id, i.Phone ?? i.Name])).toEqual([
			[a, '+49 30 9999'],
			[b, 'Renamed'],
		]);
		const before = t.org.counters.apiCalls;
		expect(emittedJson(await poller.poll())).toEqual([]);
		expect(t.org.counters.apiCalls - before).toBe(1);
	});

	it('takes two changes within one second as one, with the values of the last, also when a poll ran in that second', async () => {
		t.org.clock.freeze(Date.UTC(2026, 4, 4, 9, 30, 0, 100));
		const a = account('Acme');
		later();
		const poller = await updated();
		await poller.poll();
		t.org.store.update('Account', a, { Phone: 'first' });
		t.org.clock.advance(300);
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.clock.advance(300);
		t.org.store.update('Account', a, { Phone: 'second' });
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.Phone)).toEqual(['second']);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('emits a change that commits late with an older SystemModstamp, once', async () => {
		const a = account('Slow');
		const b = account('Quick');
		later();
		const poller = await updated();
		await poller.poll();
		t.org.store.commitLagMs = 3 * MINUTE;
		t.org.store.update('Account', a, { Phone: 'late' });
		t.org.store.commitLagMs = 0;
		t.org.clock.advance(MINUTE);
		t.org.store.update('Account', b, { Phone: 'on time' });
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.Id)).toEqual([b]);
		t.org.clock.advance(3 * MINUTE);
		expect(emittedJson(await poller.poll()).map((i) => i.Id)).toEqual([a]);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('keeps its cursor apart from Case Closed, with the event and object it follows', async () => {
		const poller = await updated();
		await poller.poll();
		const data = Object.values(poller.storedStaticData)[0] as Record<
			string,
			Record<string, unknown>
		>;
		expect(data.records).toMatchObject({ event: 'recordUpdated', objectName: 'Account' });
		expect(data).not.toHaveProperty('closedCases');
	});
});
