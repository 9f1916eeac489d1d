import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SalesforceServiceCloudTrigger } from '../../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node';
import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloudJwtApi } from '../../credentials/SalesforceServiceCloudJwtApi.credentials';
import { SalesforceServiceCloudOAuth2Api } from '../../credentials/SalesforceServiceCloudOAuth2Api.credentials';
import { N8nHarness } from '../n8n/harness';
import { saveCredential } from '../connection/setup';
import { insertRoseCase } from '../sandbox-org/roseCase';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';

// The trigger as n8n runs it (n8n-core's polling path, static data saved as n8n saves it) against
// the sandbox org over HTTP: each closing emitted once, with its email thread.

const trigger = new SalesforceServiceCloudTrigger();

function n8n(): N8nHarness {
	return new N8nHarness({
		credentials: [
			new SalesforceServiceCloudOAuth2Api(),
			new SalesforceServiceCloudJwtApi(),
			new SalesforceServiceCloudClientCredentialsApi(),
		],
		nodes: [trigger],
	});
}

describe('Salesforce Service Cloud Trigger', () => {
	let t: TestOrg;
	let queue: string;
	let otherQueue: string;
	let agent: string;
	beforeEach(async () => {
		t = await startTestOrg();
		queue = t.org.addQueue('Tier 1 Support');
		otherQueue = t.org.addQueue('Billing');
		agent = t.org.addUser({
			firstName: 'Hannah',
			lastName: 'Weiß',
			email: 'hannah@support.example',
		});
	});
	afterEach(async () => {
		await t.close();
	});

	const newCase = (subject: string, ownerId = queue) => insertRoseCase(t.org, ownerId, subject);
	const close = (id: string) => t.org.store.update('Case', id, { Status: 'Closed' });
	// Salesforce keeps date-times to the second: a poll emits a closing once its second and the next are over.
	const later = () => t.org.clock.advance(2000);

	const activate = async (parameters: INodeParameters = {}, staticData?: IDataObject) => {
		const harness = n8n();
		const { credentials } = await saveCredential(harness, t, 'clientCredentials');
		return harness.activatePoll({
			type: trigger,
			parameters: { authentication: 'clientCredentials', ...parameters },
			credentials,
			staticData,
		});
	};
	const emittedJson = (outcome: {
		emitted: Array<Array<{ json: IDataObject }>> | null;
		error?: Error;
	}) => {
		if (outcome.error) throw outcome.error;
		return (outcome.emitted?.[0] ?? []).map((i) => i.json);
	};

	it('emits each newly closed case once, with its fields and its email thread', async () => {
		const poller = await activate();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const a = newCase('Printer broken');
		const b = newCase('Login fails');
		close(a);
		close(b);
		later();
		const items = emittedJson(await poller.poll());
		expect(items.map((i) => i.id)).toEqual([a, b]);
		const first = items[0];
		expect(first).toMatchObject({
			subject: 'Printer broken',
			status: 'Closed',
			priority: 'High',
			origin: 'Email',
			ownerName: 'Tier 1 Support',
			contactName: 'Rose Gonzalez',
		});
		expect(first.caseNumber).toMatch(/^\d{8}$/);
		expect(first.closedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
		const emails = first.emails as IDataObject[];
		expect(emails.map((e) => e.direction)).toEqual(['fromCustomer', 'fromAgent']);
		expect(emails[1].text).toBe('We sent a new one.');
		expect(String(first.transcript)).toMatch(
			/Customer \(Rose Gonzalez\)[\s\S]*my printer is broken[\s\S]*Agent \(Hannah Weiß\)[\s\S]*We sent a new one/,
		);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('costs exactly one API call for a poll that finds nothing new', async () => {
		const poller = await activate();
		await poller.poll();
		close(newCase('One'));
		later();
		expect(emittedJson(await poller.poll())).toHaveLength(1);
		const before = t.org.counters.apiCalls;
		expect(emittedJson(await poller.poll())).toEqual([]);
		expect(t.org.counters.apiCalls - before).toBe(1);
	});

	it('emits a reopened case again when it closes again, and not a closed case edited later', async () => {
		const poller = await activate();
		await poller.poll();
		const id = newCase('Reopened');
		close(id);
		later();
		expect(emittedJson(await poller.poll())).toHaveLength(1);
		t.org.store.update('Case', id, { Subject: 'Edited after closing', OwnerId: otherQueue });
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.clock.advance(60_000);
		t.org.store.update('Case', id, { Status: 'Working' });
		t.org.clock.advance(60_000);
		close(id);
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([id]);
	});

	it('emits a case reopened and closed again within the second a poll ran once, as it was at its last closing', async () => {
		t.org.clock.freeze(Date.UTC(2026, 4, 4, 9, 30, 0, 100));
		const poller = await activate();
		await poller.poll();
		const id = newCase('Closed twice in one second');
		t.org.clock.advance(100);
		close(id);
		t.org.clock.advance(100);
		const first = emittedJson(await poller.poll());
		// Within the same second the customer answers, the case reopens, the agent replies and closes it again.
		t.org.clock.advance(100);
		t.org.store.update('Case', id, { Status: 'Working' });
		t.org.store.insert('EmailMessage', {
			ParentId: id,
			Incoming: false,
			FromAddress: 'support@company.example',
			FromName: 'Hannah Weiß',
			ToAddress: 'rose@customer.example',
			Subject: 'Re: Closed twice in one second',
			TextBody: 'Your replacement ships today.',
			MessageDate: t.org.clock.now(),
			Status: '3',
		});
		t.org.clock.advance(100);
		close(id);
		later();
		const items = [...first, ...emittedJson(await poller.poll())];
		expect(items.map((i) => i.id)).toEqual([id]);
		expect(items[0].closedDate).toBe('2026-05-04T09:30:00.000+00:00');
		const emails = items[0].emails as IDataObject[];
		expect(emails).toHaveLength(3);
		expect(emails.map((e) => e.text)).toContain('Your replacement ships today.');
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('takes a burst in the same second over several polls, none twice', async () => {
		t.org.clock.freeze();
		const poller = await activate({ maxCasesPerPoll: 4 });
		await poller.poll();
		const ids = Array.from({ length: 10 }, (_, i) => newCase(`Burst ${i}`));
		ids.forEach(close);
		later();
		const seen: string[] = [];
		for (let i = 0; i < 5; i++)
			seen.push(...emittedJson(await poller.poll()).map((j) => String(j.id)));
		expect(seen.sort()).toEqual([...ids].sort());
	});

	it('emits a closing that commits late with an older SystemModstamp, and survives n8n restarting', async () => {
		t.org.clock.freeze();
		const poller = await activate();
		await poller.poll();
		const late = newCase('Late commit');
		t.org.store.commitLagMs = 5 * 60_000;
		close(late);
		t.org.store.commitLagMs = 0;
		t.org.clock.advance(60_000);
		const onTime = newCase('On time');
		close(onTime);
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([onTime]);
		poller.restart();
		t.org.clock.advance(5 * 60_000);
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([late]);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('keeps its start across a restart before it has emitted anything (n8n saves the activation poll)', async () => {
		const poller = await activate();
		await poller.poll();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const closedBeforeRestart = newCase('Closed while n8n was down');
		close(closedBeforeRestart);
		t.org.clock.advance(60_000);
		poller.restart();
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([closedBeforeRestart]);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('emits a case a data load inserted already closed, with a backdated ClosedDate', async () => {
		const poller = await activate();
		await poller.poll();
		const loaded = t.org.store.insert(
			'Case',
			{ Subject: 'Migrated', Status: 'Closed', OwnerId: queue },
			{ audit: { ClosedDate: Date.UTC(2025, 2, 11, 18, 59, 51) } },
		);
		const items = emittedJson(await poller.poll());
		expect(items.map((i) => i.id)).toEqual([loaded]);
		expect(items[0].closedDate).toBe('2025-03-11T18:59:51.000+00:00');
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('filters by queue, counting a case an agent accepted from the queue', async () => {
		const poller = await activate({ queues: [queue] });
		await poller.poll();
		const accepted = newCase('Accepted from the queue');
		t.org.store.update('Case', accepted, { OwnerId: agent });
		const elsewhere = newCase('Billing question', otherQueue);
		const movedAfter = newCase('Moved in after closing', otherQueue);
		[accepted, elsewhere, movedAfter].forEach(close);
		t.org.clock.advance(60_000);
		t.org.store.update('Case', movedAfter, { OwnerId: queue });
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([accepted]);
	});

	describe('the queue filter', () => {
		// Queues of their own: the test org's demo data has queues named "Tier 1 Support" and "Billing" too.
		let priority: string;
		let refunds: string;
		beforeEach(() => {
			priority = t.org.addQueue('Priority Support');
			refunds = t.org.addQueue('Refunds');
		});
		const closeOneOfEach = () => {
			const inPriority = newCase('Printer broken', priority);
			const inRefunds = newCase('Refund please', refunds);
			const elsewhere = newCase('Billing question', otherQueue);
			[inPriority, inRefunds, elsewhere].forEach(close);
			later();
			return { inPriority, inRefunds };
		};

		it('takes a 15-character queue ID', async () => {
			const poller = await activate({ queues: [priority.slice(0, 15)] });
			expect(emittedJson(await poller.poll())).toEqual([]);
			const { inPriority } = closeOneOfEach();
			expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([inPriority]);
		});

		it('takes queue names in any case, as one comma-separated text from an expression', async () => {
			const poller = await activate({ queues: '={{ "priority support, REFUNDS" }}' });
			expect(emittedJson(await poller.poll())).toEqual([]);
			const { inPriority, inRefunds } = closeOneOfEach();
			expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([inPriority, inRefunds]);
		});

		it('takes a list from an expression, mixing a name and an 18-character ID', async () => {
			const poller = await activate({ queues: `={{ ["Refunds", "${priority}"] }}` });
			expect(emittedJson(await poller.poll())).toEqual([]);
			const { inPriority, inRefunds } = closeOneOfEach();
			expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([inPriority, inRefunds]);
		});

		it('refuses the activation, naming it, for a queue name the org does not have', async () => {
			const poller = await activate({ queues: ['Refunds', 'Priority Suport'] });
			const outcome = await poller.poll();
			expect(outcome.activationFailed).toBe(true);
			expect(outcome.error?.message).toBe(
				'There was a problem activating the workflow: "There is no queue for cases named "Priority Suport" in your Salesforce org. Did you mean "Priority Support" or "Tier 1 Support"?"',
			);
			// Nothing is emitted silently instead: the workflow is not active.
			close(newCase('Refund please', refunds));
			later();
			expect((await poller.poll()).activationFailed).toBe(true);
		});

		it('refuses the activation, naming it, for a queue ID the org does not have or that is not a case queue', async () => {
			const group = t.org.store.insert('Group', {
				Name: 'All Agents',
				DeveloperName: 'All_Agents',
				Type: 'Regular',
			});
			const leadQueue = t.org.addQueue('Web Leads', 'Web_Leads', ['Lead']);
			for (const wrong of [group, leadQueue.slice(0, 15)]) {
				const poller = await activate({ queues: [priority, wrong] });
				const outcome = await poller.poll();
				expect(outcome.activationFailed).toBe(true);
				expect(outcome.error?.message).toMatch(
					new RegExp(
						`^There was a problem activating the workflow: "There is no queue for cases with the ID "${wrong}" in your Salesforce org. Its queues for cases: "Billing", "Priority Support", "Refunds", `,
					),
				);
			}
		});

		it('refuses two queues of the same name, naming their IDs', async () => {
			const other = t.org.addQueue('Refunds', 'Refunds_EMEA');
			const poller = await activate({ queues: ['refunds'] });
			const outcome = await poller.poll();
			expect(outcome.error?.message).toBe(
				`There was a problem activating the workflow: "Several queues for cases are named "refunds": use the ID of the one you mean (${refunds}, ${other})"`,
			);
		});

		it('keeps working from the static data an earlier version saved (its plan without queue IDs)', async () => {
			const before = await activate({ queues: [priority] });
			await before.poll();
			const first = newCase('Before the update', priority);
			close(first);
			later();
			expect(emittedJson(await before.poll()).map((i) => i.id)).toEqual([first]);
			const saved = before.storedStaticData;
			const nodeData = Object.values(saved)[0] as IDataObject;
			const plan = nodeData.casePlan as IDataObject;
			const { version: _version, ...choice } = JSON.parse(plan.key as string) as IDataObject;
			plan.key = JSON.stringify(choice);
			delete (plan.plan as IDataObject).queueIds;
			const after = await activate({ queues: [priority] }, saved);
			expect(emittedJson(await after.poll())).toEqual([]);
			const second = newCase('After the update', priority);
			close(second);
			close(newCase('Elsewhere', refunds));
			later();
			expect(emittedJson(await after.poll()).map((i) => i.id)).toEqual([second]);
		});

		it('lists the queues that take cases in the editor, by name, with their 18-character IDs', async () => {
			t.org.addQueue('Web Leads', 'Web_Leads', ['Lead']);
			const harness = n8n();
			const { credentials } = await saveCredential(harness, t, 'clientCredentials');
			const options = await harness.loadOptions({
				type: trigger,
				method: 'getCaseQueues',
				parameters: { authentication: 'clientCredentials' },
				credentials,
			});
			const names = options.map((o) => o.name);
			expect(names).toEqual(expect.arrayContaining(['Priority Support', 'Refunds']));
			expect(names).not.toContain('Web Leads');
			expect(options.find((o) => o.name === 'Priority Support')?.value).toBe(priority);
			expect(options.every((o) => String(o.value).length === 18)).toBe(true);
		});

		it('"Fetch test event" names a queue the org does not have', async () => {
			const poller = await activate({ queues: 'Tier 9' });
			const outcome = await poller.fetchTestEvent();
			expect(outcome.error?.message).toMatch(
				/^There is no queue for cases named "Tier 9" in your Salesforce org/,
			);
		});
	});

	it('imports the cases closed in the chosen span, a page per poll, then goes live', async () => {
		t.org.clock.freeze();
		const old = newCase('Closed 3 days ago');
		close(old);
		t.org.clock.advance(3 * 24 * 3600_000);
		const recent = Array.from({ length: 5 }, (_, i) => newCase(`Recent ${i}`));
		recent.forEach(close);
		later();
		// Closed in the second the workflow is activated: not settled for the import, emitted live.
		const atActivation = newCase('Closed as the workflow is activated');
		close(atActivation);
		const poller = await activate({ importFrom: 'last24Hours', maxCasesPerPoll: 2 });
		const seen: string[] = [];
		for (let i = 0; i < 4; i++)
			seen.push(...emittedJson(await poller.poll()).map((j) => String(j.id)));
		expect(seen.sort()).toEqual([...recent].sort());
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([atActivation]);
		const live = newCase('After activation');
		close(live);
		later();
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([live]);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('a failed poll throws a clear error and leaves the cursor: the next poll emits what was missed, once', async () => {
		const poller = await activate();
		await poller.poll();
		const id = newCase('During the outage');
		close(id);
		later();
		t.org.apiUsageOffset = t.org.dailyApiLimit;
		const failed = await poller.poll();
		expect(failed.error?.message).toBe(
			"Your Salesforce org's daily API allowance is spent [REQUEST_LIMIT_EXCEEDED]",
		);
		expect((failed.error as { description?: string } | undefined)?.description).toMatch(
			/Nothing was lost: the trigger picks up where it left off/,
		);
		t.org.apiUsageOffset = 0;
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([id]);
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('a storm of 503s past the retries fails the poll and loses nothing', async () => {
		const poller = await activate();
		await poller.poll();
		const id = newCase('During the storm');
		close(id);
		later();
		t.org.faults.failNext = { count: 100, kind: 'SERVER_UNAVAILABLE' };
		const failed = await poller.poll();
		expect(failed.error?.message).toBe(
			'Salesforce is not available right now [SERVER_UNAVAILABLE]',
		);
		t.org.faults.failNext = { count: 0, kind: 'SERVER_UNAVAILABLE' };
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([id]);
	}, 30_000);

	it('"Fetch test event" returns the latest closed case within seconds and changes no state', async () => {
		const poller = await activate();
		await poller.poll();
		const older = newCase('Older');
		close(older);
		t.org.clock.advance(60_000);
		const latest = newCase('Latest');
		close(latest);
		later();
		const before = poller.memoryStaticData;
		const started = Date.now();
		const sample = emittedJson(await poller.fetchTestEvent());
		expect(Date.now() - started).toBeLessThan(3000);
		expect(sample.map((i) => i.id)).toEqual([latest]);
		expect(sample[0].emails).toHaveLength(2);
		expect(poller.memoryStaticData).toEqual(before);
		// The real poll still emits both closings: the test event took nothing from it.
		expect(emittedJson(await poller.poll()).map((i) => i.id)).toEqual([older, latest]);
	});

	it('names the nearest fields when a chosen field does not exist', async () => {
		const poller = await activate({ fields: ['CaseNumber', 'Subjct'] });
		const outcome = await poller.poll();
		expect(outcome.error?.message).toMatch(
			/Case \(Case\) has no field "Subjct". Did you mean "Subject"/,
		);
	});
});
