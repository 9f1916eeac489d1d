import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { ActivePoll } from '../n8n/poll';
import { bulkState, failNextQueryJob, queryJobIds } from '../sandbox-org/rest/bulk-query';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { endedSession, messagingCustomer } from '../messaging/messagingWorld';
import { activateTrigger, emittedJson } from './triggerSetup';
import { BULK_IMPORT_THRESHOLD } from '../../nodes/shared/closedCases/importMethod';

// Case Closed's "Import Existing Cases From" through a Bulk API 2.0 query job (Import Method), as
// n8n runs the trigger: every case once with its emails, the same items as the REST import, across
// restarts, a deleted job, a job still running and a job that fails.

let t: TestOrg;
beforeEach(async () => {
	t = await startTestOrg();
	t.org.clock.freeze();
});
afterEach(async () => {
	await t.close();
});

/**
 * `count` cases closed over the last hours, each with a customer's email and an agent's reply; the
 * clock moves on `gapMs` after every seventh case.
 */
function seedClosedCases(count: number, gapMs = 5 * 60_000): string[] {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const id = t.org.store.insert('Case', {
			Subject: `Imported case ${i}`,
			Status: 'New',
			Origin: 'Email',
		});
		t.org.store.insert('EmailMessage', {
			ParentId: id,
			Incoming: true,
			FromAddress: 'rose@customer.example',
			ToAddress: 'support@company.example',
			Subject: `Imported case ${i}`,
			TextBody: `Question ${i}, "quoted", with a comma\nand a second line`,
			MessageDate: t.org.clock.now(),
			Status: '1',
		});
		t.org.store.insert('EmailMessage', {
			ParentId: id,
			Incoming: false,
			FromAddress: 'support@company.example',
			ToAddress: 'rose@customer.example',
			Subject: `Re: Imported case ${i}`,
			TextBody: `Answer ${i}`,
			MessageDate: t.org.clock.now() + 1000,
			Status: '3',
		});
		t.org.store.update('Case', id, { Status: 'Closed' });
		ids.push(id);
		// Several cases close in the same second (ties on ClosedDate are ordered by Id); the import
		// spans hours, and ends before the live phase's overlap window (which would re-read a case).
		if (i % 7 === 6) t.org.clock.advance(gapMs);
	}
	t.org.clock.advance(15 * 60_000);
	return ids;
}

const importing = (method: string, extra: INodeParameters = {}) => ({
	importFrom: 'last24Hours',
	importMethod: method,
	maxCasesPerPoll: 40,
	...extra,
});

/** Polls until a poll emits nothing; `between` runs after each poll that emitted. */
async function drain(
	poller: ActivePoll,
	between: (poll: number) => void | Promise<void> = () => {},
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	for (let poll = 1; poll < 200; poll++) {
		const emitted = emittedJson(await poller.poll());
		if (emitted.length === 0) return items;
		items.push(...emitted);
		await between(poll);
	}
	throw new Error('the import did not end');
}

const byId = (items: IDataObject[]) =>
	[...items].sort((a, b) => String(a.id).localeCompare(String(b.id)));

it('imports hundreds of cases by one Bulk API job across polls and a restart: each once, with its emails, the same items as by REST, the job deleted', async () => {
	const ids = seedClosedCases(230);
	const bulkPoller = await activateTrigger(t, importing('bulk'));
	const queriesBefore = t.org.counters.apiCallsByKind.query;
	const bulkCallsBefore = t.org.counters.apiCallsByKind.other;
	const bulkItems = await drain(bulkPoller, (poll) => {
		if (poll === 2) bulkPoller.restart();
	});
	const restQueriesByBulk = t.org.counters.apiCallsByKind.query - queriesBefore;
	// One job: created, its state, six sets of 40 (the last one short), deleted.
	expect(t.org.counters.apiCallsByKind.other - bulkCallsBefore).toBe(1 + 1 + 6 + 1);
	expect(bulkItems.map((i) => i.id).sort()).toEqual([...ids].sort());
	expect(new Set(bulkItems.map((i) => i.id)).size).toBe(ids.length);
	for (const item of bulkItems) expect((item.emails as unknown[]).length).toBe(2);
	// The backfill read no REST query page: only the quiet live polls did (one query each).
	expect(restQueriesByBulk).toBeLessThan(10);
	expect(queryJobIds(t.org)).toEqual([]);

	const restPoller = await activateTrigger(t, importing('rest'));
	const restQueriesBefore = t.org.counters.apiCallsByKind.query;
	const restItems = await drain(restPoller);
	expect(t.org.counters.apiCallsByKind.query - restQueriesBefore).toBeGreaterThan(
		restQueriesByBulk,
	);
	expect(byId(bulkItems)).toEqual(byId(restItems));
});

it('goes on from the cursor when the job was deleted between polls, and once the job has run when it is still running', async () => {
	const ids = seedClosedCases(120);
	bulkState(t.org).processingMs = 30_000;
	const poller = await activateTrigger(t, importing('bulk'));
	// The job runs: nothing yet, and nothing lost.
	expect(emittedJson(await poller.poll())).toEqual([]);
	expect(queryJobIds(t.org)).toHaveLength(1);
	t.org.clock.advance(30_000);
	bulkState(t.org).processingMs = 0;
	const items = await drain(poller, async (poll) => {
		if (poll === 1)
			for (const id of queryJobIds(t.org))
				expect((await t.api('DELETE', `/jobs/query/${id}`)).status).toBe(204);
	});
	expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
	expect(new Set(items.map((i) => i.id)).size).toBe(ids.length);
	expect(queryJobIds(t.org)).toEqual([]);
});

it('a job that fails stops the poll with a clear error, loses nothing, and the next poll starts a new job from the cursor', async () => {
	const ids = seedClosedCases(90);
	const poller = await activateTrigger(t, importing('bulk'));
	const first = emittedJson(await poller.poll());
	expect(first).toHaveLength(40);
	// The stored job is deleted and the next one fails while it runs.
	for (const id of queryJobIds(t.org)) await t.api('DELETE', `/jobs/query/${id}`);
	failNextQueryJob(t.org, 'InternalServerError : the query timed out');
	const failed = await poller.poll();
	expect(failed.error?.message).toMatch(
		/^Salesforce could not run the import of existing cases \(Bulk API job 750\w+ failed: InternalServerError : the query timed out\)$/,
	);
	expect((failed.error as { description?: string }).description).toMatch(
		/No case was lost.*Import Method to "REST API"/,
	);
	const rest = await drain(poller);
	const all = [...first, ...rest].map((i) => i.id);
	expect(all.sort()).toEqual([...ids].sort());
	expect(queryJobIds(t.org)).toEqual([]);
});

it('Automatic: a Bulk API job that fails hands the import to REST from the last case imported, in the same poll: each case once, in order, no error', async () => {
	// Above the threshold, within the test session's lifetime.
	const ids = seedClosedCases(BULK_IMPORT_THRESHOLD + 1, 2_000);
	const poller = await activateTrigger(t, importing('auto'));
	const first = emittedJson(await poller.poll());
	expect(first).toHaveLength(40);
	expect(queryJobIds(t.org)).toHaveLength(1);
	// The stored job is deleted and the next one fails while it runs.
	for (const id of queryJobIds(t.org)) await t.api('DELETE', `/jobs/query/${id}`);
	failNextQueryJob(t.org, 'InternalServerError : the query timed out');
	const queriesBefore = t.org.counters.apiCallsByKind.query;
	const second = emittedJson(await poller.poll());
	expect(second).toHaveLength(40);
	expect(t.org.counters.apiCallsByKind.query).toBeGreaterThan(queriesBefore);
	expect(queryJobIds(t.org)).toEqual([]);
	const third = emittedJson(await poller.poll());
	expect(queryJobIds(t.org)).toEqual([]);
	expect([...first, ...second, ...third].map((i) => i.id)).toEqual(ids.slice(0, 120));
	expect(Object.values(poller.storedStaticData)[0]).toMatchObject({
		closedCasesImport: {
			method: 'rest',
			job: null,
			bulkFailure: 'Failed: InternalServerError : the query timed out',
		},
	});
});

it('Automatic imports a small span by REST (no job), as before the choice existed', async () => {
	const ids = seedClosedCases(30);
	const poller = await activateTrigger(t, importing('auto'));
	const created = t.org.counters.apiCallsByKind.other;
	const items = await drain(poller);
	expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
	expect(t.org.counters.apiCallsByKind.other).toBe(created);
	expect(queryJobIds(t.org)).toEqual([]);
});

it('a poll the Connect budget stops partway goes on inside the same set of results: each case once, none lost', async () => {
	const ids = seedClosedCases(60);
	// Every fifth case has a messaging session: its messages cost a Connect call, 3 an hour.
	t.org.clock.advance(-15 * 60_000);
	const customer = messagingCustomer(t, 'Rose Gonzalez');
	const withSessions = ids.filter((_, i) => i % 5 === 2);
	for (const caseId of withSessions)
		endedSession(t, customer, [{ role: 'EndUser', text: `About ${caseId}` }], { caseId });
	t.org.clock.advance(15 * 60_000);
	const poller = await activateTrigger(
		t,
		importing('bulk', { maxCasesPerPoll: 25, connectCallsPerHour: 3 }),
	);
	const seen: string[] = [];
	let quiet = 0;
	let polls = 0;
	const bulkCallsBefore = t.org.counters.apiCallsByKind.other;
	for (let poll = 0; poll < 100 && quiet < 2; poll++) {
		polls++;
		const emitted = emittedJson(await poller.poll());
		seen.push(...emitted.map((i) => String(i.id)));
		if (emitted.length === 0) quiet++;
		else quiet = 0;
		if (poll % 3 === 2) poller.restart();
		t.org.clock.advance(emitted.length === 0 ? 3_600_000 : 60_000);
	}
	expect([...seen].sort()).toEqual([...ids].sort());
	expect(new Set(seen).size).toBe(ids.length);
	expect(queryJobIds(t.org)).toEqual([]);
	// At most one set of results a poll (a set read again answers short), besides create, state and delete.
	expect(t.org.counters.apiCallsByKind.other - bulkCallsBefore).toBeLessThanOrEqual(polls + 3);
});
