import { trackFieldHistory } from '../sandbox-org/core/fieldHistory';
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

	it('emits a record once when it is undeleted (a change: it is back, as it is), nothing when it is deleted', async () => {
		const a = account('Acme');
		later();
		const poller = await updated();
		await poller.poll();
		t.org.clock.advance(MINUTE);
		t.org.store.delete('Account', a);
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.clock.advance(MINUTE);
		t.org.store.undelete('Account', a);
		later();
		expect(emittedJson(await poller.poll())).toEqual([
			expect.objectContaining({ Id: a, Name: 'Acme' }),
		]);
		expect(emittedJson(await poller.poll())).toEqual([]);
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

	describe('Only When These Fields Change', () => {
		it('emits a record when a watched field changed (once per save), not for other fields; a quiet poll costs one API call', async () => {
			trackFieldHistory(t.org.schema, t.org.store, 'Account', ['Phone', 'Name']);
			const a = account('Acme');
			later();
			const poller = await updated({ watchFields: ['Phone'] });
			expect(emittedJson(await poller.poll())).toEqual([]);
			t.org.store.update('Account', a, { Name: 'Acme Renamed' });
			later();
			expect(emittedJson(await poller.poll())).toEqual([]);
			t.org.clock.advance(MINUTE);
			t.org.store.update('Account', a, { Name: 'Acme Again', Phone: '+49 30 1' });
			later();
			expect(emittedJson(await poller.poll())).toEqual([
				expect.objectContaining({ Id: a, Name: 'Acme Again', Phone: '+49 30 1' }),
			]);
			t.org.clock.advance(MINUTE);
			t.org.store.update('Account', a, { Name: 'Only the name' });
			later();
			expect(emittedJson(await poller.poll())).toEqual([]);
			const before = t.org.counters.apiCalls;
			expect(emittedJson(await poller.poll())).toEqual([]);
			expect(t.org.counters.apiCalls - before).toBe(1);
		});

		it('follows a custom object through its __History object', async () => {
			t.org.schema.addCustomObject('Invoice__c', 'Invoice', [
				{ name: 'Amount__c', type: 'currency', label: 'Amount' },
			]);
			trackFieldHistory(t.org.schema, t.org.store, 'Invoice__c', ['Amount__c']);
			const inv = t.org.store.insert('Invoice__c', { Name: 'INV-1', Amount__c: 10 });
			later();
			const poller = await activateTrigger(t, {
				event: 'recordUpdated',
				objectName: 'Invoice__c',
				recordFields: ['Name', 'Amount__c'],
				watchFields: ['Amount__c'],
			});
			await poller.poll();
			t.org.store.update('Invoice__c', inv, { Name: 'INV-1 renamed' });
			t.org.clock.advance(MINUTE);
			t.org.store.update('Invoice__c', inv, { Amount__c: 20 });
			later();
			expect(emittedJson(await poller.poll())).toEqual([
				expect.objectContaining({ Id: inv, Amount__c: 20 }),
			]);
		});

		it('refuses the activation, saying what to turn on, when the object keeps no field history', async () => {
			const poller = await updated({
				objectName: 'Lead',
				recordFields: ['LastName'],
				watchFields: ['Status'],
			});
			const outcome = await poller.poll();
			expect(outcome.error?.message).toMatch(
				/Only When These Fields Change: Salesforce keeps no field history for Lead \(Lead\).*Set History Tracking/s,
			);
		});
	});
});
