import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { clientCredentials, countTokenRequests, fixtureHarness } from './sandbox-credentials';

// The other ways n8n runs package code: a polling trigger activated in n8n (static data kept
// between polls and across a restart), a manual "fetch test event", and load-options methods.

let t: TestOrg;

beforeAll(async () => {
	t = await startTestOrg();
});

afterAll(async () => {
	await t.close();
});

describe('an activated polling trigger', () => {
	function setup() {
		const { n8n, poller } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		const active = n8n.activatePoll({
			type: poller,
			credentials: { sandboxClientCredentialsApi: credential },
		});
		return { n8n, credential, active };
	}

	test('static data is saved after the activation poll and when a poll emits, and otherwise lives in memory', async () => {
		const { active } = setup();

		// n8n's activation runs one poll at once and then saves the static data, emitted or not.
		const first = await active.poll();
		expect(first).toEqual({ emitted: null, error: undefined });
		expect(active.storedStaticData).toEqual({ 'node:Harness Poller': { polls: 1 } });

		const second = await active.poll();
		expect(second.error).toBeUndefined();
		expect(second.emitted?.[0][0].json).toMatchObject({ polls: 2, mode: 'trigger' });
		expect(active.storedStaticData).toEqual({ 'node:Harness Poller': { polls: 2 } });

		await active.poll();
		expect(active.memoryStaticData).toEqual({ 'node:Harness Poller': { polls: 3 } });
		expect(active.storedStaticData).toEqual({ 'node:Harness Poller': { polls: 2 } });
	});

	test('a restart starts again from what was saved: changes of later polls that emitted nothing are lost', async () => {
		const { active } = setup();
		await active.poll();
		await active.poll();
		await active.poll();
		active.restart();
		expect(active.memoryStaticData).toEqual({ 'node:Harness Poller': { polls: 2 } });
		// The restart's activation poll is saved too.
		const next = await active.poll();
		expect(next.emitted).toBeNull();
		expect(active.storedStaticData).toEqual({ 'node:Harness Poller': { polls: 3 } });
	});

	test('the credential works in the PollContext: one session for all polls, renewed once after the sessions end', async () => {
		const { n8n, credential, active } = setup();
		const polls = await countTokenRequests(t, async () => [
			await active.poll(),
			await active.poll(),
			await active.poll(),
		]);
		expect(polls.result.map((p) => p.error)).toEqual([undefined, undefined, undefined]);
		expect(polls.byGrant).toEqual({ client_credentials: 1 });

		t.org.sessions.expireAll();
		const after = await countTokenRequests(t, () => active.poll());
		expect(after.result.error).toBeUndefined();
		expect(after.byGrant).toEqual({ client_credentials: 1 });
		expect(
			t.org.sessions.validate(String(n8n.storedCredential(credential.id).sessionToken)),
		).toBeDefined();
	});

	test('an error thrown by poll() while n8n activates the workflow refuses the activation, naming the error', async () => {
		const { n8n, poller } = fixtureHarness();
		const credential = clientCredentials(n8n, t, 'sandboxClientCredentialsApi', 'wrong-secret');
		const active = n8n.activatePoll({
			type: poller,
			credentials: { sandboxClientCredentialsApi: credential },
		});
		const outcome = await active.poll();
		expect(outcome.emitted).toBeNull();
		expect(outcome.activationFailed).toBe(true);
		expect(outcome.error?.name).toBe('WorkflowActivationError');
		expect((outcome.error?.cause as Error).name).toBe('NodeApiError');
		expect(outcome.error?.message).toBe(
			`There was a problem activating the workflow: "${(outcome.error?.cause as Error).message}"`,
		);
		expect(active.storedStaticData).toEqual({});
	});

	test('an error thrown by a later poll() is handed to n8n (emitError), not thrown', async () => {
		const { n8n, poller } = fixtureHarness();
		const credential = clientCredentials(n8n, t);
		const active = n8n.activatePoll({
			type: poller,
			credentials: { sandboxClientCredentialsApi: credential },
		});
		expect((await active.poll()).error).toBeUndefined();
		t.org.faults.failNext = { count: 1, kind: 'SERVER_UNAVAILABLE' };
		const outcome = await active.poll();
		t.org.faults.failNext = { count: 0, kind: 'SERVER_UNAVAILABLE' };
		expect(outcome.emitted).toBeNull();
		expect(outcome.activationFailed).toBeUndefined();
		expect(outcome.error?.name).toBe('NodeApiError');
	});
});

test('a manual run of the trigger ("Fetch test event") goes through WorkflowExecute with a manual PollContext', async () => {
	const { n8n, poller } = fixtureHarness();
	const credential = clientCredentials(n8n, t);
	const run = await n8n.execute({
		type: poller,
		mode: 'manual',
		credentials: { sandboxClientCredentialsApi: credential },
	});
	expect(run.error).toBeUndefined();
	expect(run.output?.[0][0].json).toMatchObject({ polls: 1, mode: 'manual' });
});

test('execute() gets its input items and returns paired items', async () => {
	const { n8n, probe } = fixtureHarness();
	const credential = clientCredentials(n8n, t);
	const run = await n8n.execute({
		type: probe,
		parameters: { authentication: 'clientCredentials', limitName: 'DailyBulkApiBatches' },
		credentials: { sandboxClientCredentialsApi: credential },
		input: [{ json: { a: 1 } }, { json: { a: 2 } }],
	});
	expect(run.error).toBeUndefined();
	expect(run.output?.[0].map((item) => [item.json.limit, item.pairedItem])).toEqual([
		['DailyBulkApiBatches', { item: 0 }],
		['DailyBulkApiBatches', { item: 1 }],
	]);
});

test("a load-options method runs in a LoadOptionsContext with the node's credential", async () => {
	const { n8n, probe } = fixtureHarness();
	const credential = clientCredentials(n8n, t);
	const options = await n8n.loadOptions({
		type: probe,
		method: 'getLimitNames',
		parameters: { authentication: 'clientCredentials' },
		credentials: { sandboxClientCredentialsApi: credential },
	});
	expect(options).toContainEqual({ name: 'DailyApiRequests', value: 'DailyApiRequests' });
	// preAuthentication ran there too and saved the session.
	expect(n8n.storedCredential(credential.id).sessionToken).not.toBe('');
});

test('listSearch and resourceMapping methods run the same way (resource mapper fields deduplicated by id, as the CLI does)', async () => {
	const { n8n, probe } = fixtureHarness();
	const credential = clientCredentials(n8n, t);
	const request = {
		type: probe,
		parameters: { authentication: 'clientCredentials', limitName: 'DailyApiRequests' },
		credentials: { sandboxClientCredentialsApi: credential },
	};
	const found = await n8n.listSearch({ ...request, method: 'searchLimits', filter: 'bulk' });
	expect(found.results.length).toBeGreaterThan(0);
	expect(found.results.every((r) => r.name.toLowerCase().includes('bulk'))).toBe(true);
	const fields = await n8n.resourceMapping({ ...request, method: 'getLimitFields' });
	expect(fields.fields.map((f) => [f.id, f.displayName])).toEqual([
		['Max', 'DailyApiRequests Max'],
		['Remaining', 'DailyApiRequests Remaining'],
	]);
});
