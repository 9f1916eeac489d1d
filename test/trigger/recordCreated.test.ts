import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloudTrigger } from '../../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from './triggerSetup';

// Record Created as n8n runs it against the sandbox org: each record of the chosen object once, also
// when it is edited later, created in a burst within one second, or committed late.

const MINUTE = 60_000;

describe('Trigger: Record Created', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});
	// Salesforce keeps date-times to the second: a record is emitted once its second and the next are over.
	const later = () => t.org.clock.advance(2000);
	const lead = (lastName: string) =>
		t.org.store.insert('Lead', {
			LastName: lastName,
			Company: 'Acme',
			Status: 'Open - Not Contacted',
		});
	const created = (parameters = {}) =>
		activateTrigger(t, {
			event: 'recordCreated',
			objectName: 'Lead',
			recordFields: ['LastName', 'Company'],
			...parameters,
		});

	it('emits each new record once with the chosen fields, not again when it is edited, and a quiet poll costs one API call', async () => {
		const poller = await created();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const a = lead('Gonzalez');
		const b = lead('Weiß');
		later();
		const items = emittedJson(await poller.poll());
		expect(items.map((i) => i.Id)).toEqual([a, b]);
		expect(items[0]).toMatchObject({ LastName: 'Gonzalez', Company: 'Acme' });
		expect(items[0].CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(items[0]).not.toHaveProperty('attributes');
		t.org.store.update('Lead', a, { Company: 'Edited Inc' });
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const before = t.org.counters.apiCalls;
		expect(emittedJson(await poller.poll())).toEqual([]);
		expect(t.org.counters.apiCalls - before).toBe(1);
	});

	it('does not emit a record again when it is deleted and undeleted (soon after, or much later)', async () => {
		const poller = await created();
		await poller.poll();
		const a = lead('Restored');
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.Id)).toEqual([a]);
		for (const wait of [2000, 30 * MINUTE]) {
			t.org.store.delete('Lead', a);
			later();
			expect(emittedJson(await poller.poll())).toEqual([]);
			t.org.clock.advance(wait);
			t.org.store.undelete('Lead', a);
			later();
			expect(emittedJson(await poller.poll())).toEqual([]);
		}
		expect(t.org.store.get(a)).toBeDefined();
	});

	it('takes a burst created within one second over several polls, none twice', async () => {
		const poller = await created({ maxRecordsPerPoll: 2 });
		await poller.poll();
		const burst = Array.from({ length: 7 }, (_, i) => lead(`Burst ${i}`));
		later();
		const seen: string[] = [];
		for (let i = 0; i < 6; i++)
			seen.push(...emittedJson(await poller.poll()).map((r) => String(r.Id)));
		expect(seen.sort()).toEqual([...burst].sort());
	});

	it('emits a record whose creation commits late with an older CreatedDate, and survives n8n restarting', async () => {
		const poller = await created();
		await poller.poll();
		t.org.store.commitLagMs = 3 * MINUTE;
		const slow = lead('Slow transaction');
		t.org.store.commitLagMs = 0;
		t.org.clock.advance(MINUTE);
		const quick = lead('Quick');
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.Id)).toEqual([quick]);
		poller.restart();
		t.org.clock.advance(3 * MINUTE);
		const afterRestart = [...emittedJson(await poller.poll()), ...emittedJson(await poller.poll())];
		expect(afterRestart.map((i) => i.Id)).toEqual([slow]);
	});

	it('follows a custom object with its custom fields and the extra conditions', async () => {
		t.org.schema.addCustomObject('Invoice__c', 'Invoice', [
			{ name: 'Amount__c', type: 'currency', label: 'Amount' },
		]);
		const poller = await activateTrigger(t, {
			event: 'recordCreated',
			objectName: 'Invoice__c',
			recordFields: ['Name', 'Amount__c'],
			conditions: { condition: [{ field: 'Amount__c', operator: 'greaterThan', value: '100' }] },
		});
		await poller.poll();
		t.org.store.insert('Invoice__c', { Name: 'INV-1', Amount__c: 50 });
		const big = t.org.store.insert('Invoice__c', { Name: 'INV-2', Amount__c: 500 });
		later();
		const items = emittedJson(await poller.poll());
		expect(items).toEqual([expect.objectContaining({ Id: big, Name: 'INV-2', Amount__c: 500 })]);
	});

	it('imports the records created in the chosen span, a page per poll, then goes live', async () => {
		const old = lead('Two days ago');
		t.org.clock.advance(24 * 60 * MINUTE);
		const recent = [lead('Recent 1'), lead('Recent 2'), lead('Recent 3')];
		t.org.clock.advance(60 * MINUTE);
		const poller = await created({ recordImportFrom: 'last24Hours', maxRecordsPerPoll: 2 });
		const first = emittedJson(await poller.poll());
		const live = lead('Live');
		later();
		const rest = [...emittedJson(await poller.poll()), ...emittedJson(await poller.poll())];
		const all = [...first, ...rest].map((i) => i.Id);
		expect(all).toEqual([...recent, live]);
		expect(all).not.toContain(old);
	});

	it('names the nearest fields when a chosen field does not exist, and the object when it is not one', async () => {
		const poller = await created({ recordFields: ['LastNme'] });
		const outcome = await poller.poll();
		expect(outcome.error?.message).toMatch(/Fields: .*LastNme.*LastName/s);
		const noObject = await created({ objectName: 'Lead/../Case' });
		expect((await noObject.poll()).error?.message).toMatch(/Object: .*not an object name/);
	});

	it('"Fetch test event" returns the latest record and changes no state', async () => {
		lead('Older');
		t.org.clock.advance(MINUTE);
		const newest = lead('Newest');
		const poller = await created();
		const outcome = await poller.fetchTestEvent();
		expect(emittedJson(outcome).map((i) => i.Id)).toEqual([newest]);
		// n8n gives the node an empty static-data object; the trigger writes nothing into it.
		for (const data of Object.values(poller.memoryStaticData)) expect(data).toEqual({});
	});

	it("lists the org's objects, custom ones included, and the chosen object's fields, by label with the API name in brackets", async () => {
		t.org.schema.addCustomObject('Invoice__c', 'Invoice', [
			{ name: 'Amount__c', type: 'currency', label: 'Amount' },
		]);
		const trigger = new SalesforceServiceCloudTrigger();
		const harness = new N8nHarness({
			credentials: [new SalesforceServiceCloudClientCredentialsApi()],
			nodes: [trigger],
		});
		const { credentials } = await saveCredential(harness, t, 'clientCredentials');
		const load = (method: string, parameters = {}) =>
			harness.loadOptions({
				type: trigger,
				method,
				parameters: { authentication: 'clientCredentials', event: 'recordCreated', ...parameters },
				credentials,
			});
		const objects = await load('getObjects');
		expect(objects).toEqual(
			expect.arrayContaining([
				{ name: 'Lead (Lead)', value: 'Lead' },
				{ name: 'Invoice (Invoice__c)', value: 'Invoice__c' },
			]),
		);
		const fields = await load('getRecordFields', { objectName: 'Invoice__c' });
		expect(fields).toEqual(
			expect.arrayContaining([{ name: 'Amount (Amount__c)', value: 'Amount__c' }]),
		);
	});
});
