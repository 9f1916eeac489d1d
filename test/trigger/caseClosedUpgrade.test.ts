import type { IDataObject } from 'n8n-workflow';

import type { ActivePoll } from '../n8n/poll';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from './triggerSetup';

// A workflow active before the trigger had several events: its node has no `event` parameter and its
// static data is the closure cursor as the first version stored it (`closedCases`: start, liveFrom,
// backfill as { closedDate, id }, cursor, settled, emitted as `CaseId|ClosedDate`). After the upgrade
// it is Case Closed and goes on where it was: nothing emitted twice, nothing skipped.

const MINUTE = 60_000;

describe('Case Closed after the upgrade to events', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});
	const closedCase = (subject: string) => {
		const id = t.org.store.insert('Case', { Subject: subject, Status: 'New', Origin: 'Email' });
		t.org.store.update('Case', id, { Status: 'Closed' });
		return id;
	};
	// n8n keeps a node's static data under `node:<node name>`.
	const nodeStaticData = (data: IDataObject) => ({ 'node:Salesforce Service Cloud Trigger': data });
	const stored = (poller: ActivePoll) =>
		Object.values(poller.storedStaticData)[0] as Record<string, Record<string, unknown>>;
	const row = (id: string) => t.org.store.get(id) as Record<string, number>;

	it('goes on live from the old cursor: a closing it emitted is not emitted again, a new one is', async () => {
		const activation = t.org.clock.now() - MINUTE;
		const old = closedCase('Emitted before the upgrade');
		t.org.clock.advance(2000);
		const { ClosedDate, SystemModstamp } = row(old);
		const staticData = nodeStaticData({
			closedCases: {
				start: activation,
				liveFrom: activation,
				backfill: 'done',
				cursor: SystemModstamp,
				settled: SystemModstamp,
				emitted: { [`${old}|${ClosedDate}`]: SystemModstamp },
			},
		});
		// The node as saved then: no Event parameter.
		const poller = await activateTrigger(t, {}, staticData);
		expect(emittedJson(await poller.poll())).toEqual([]);
		const fresh = closedCase('Closed after the upgrade');
		t.org.clock.advance(2000);
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([fresh]);
		expect(emittedJson(await poller.poll())).toEqual([]);
		const cursor = stored(poller).closedCases;
		expect(Object.keys(cursor).sort()).toEqual(
			['backfill', 'cursor', 'emitted', 'liveFrom', 'settled', 'start'].sort(),
		);
		expect(Object.keys(cursor.emitted as object)).toContain(`${fresh}|${row(fresh).ClosedDate}`);
	});

	it('goes on with a backfill where its keyset stood: the cases after it, none before', async () => {
		const start = t.org.clock.now() - 60 * MINUTE;
		const before = closedCase('Imported before the upgrade');
		t.org.clock.advance(30 * MINUTE);
		const after = closedCase('Still to import');
		t.org.clock.advance(30 * MINUTE);
		const liveFrom = t.org.clock.now();
		t.org.clock.advance(2000);
		const staticData = nodeStaticData({
			closedCases: {
				start,
				liveFrom,
				backfill: { closedDate: row(before).ClosedDate, id: before },
				cursor: null,
				settled: null,
				emitted: {},
			},
		});
		const poller = await activateTrigger(t, { importFrom: 'last24Hours' }, staticData);
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([after]);
		expect(emittedJson(await poller.poll())).toEqual([]);
		expect(stored(poller).closedCases.backfill).toBe('done');
	});
});
