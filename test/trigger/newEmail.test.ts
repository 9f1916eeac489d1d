import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { activateTrigger, emittedJson } from './triggerSetup';

// New Email on a Case as n8n runs it against the sandbox org: each incoming email on a case once
// (by CreatedDate), the case with its thread up to that email and the email itself, the options
// (first email only, from the customer only, queues, conditions, import) and "Fetch test event".

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('Trigger: New Email on a Case', () => {
	let t: TestOrg;
	let tier1: string;
	let billing: string;
	beforeEach(async () => {
		t = await startTestOrg();
		// Queues of their own: the test org's demo data has queues named "Tier 1 Support" and "Billing".
		tier1 = t.org.addQueue('Priority Support');
		billing = t.org.addQueue('Refunds');
	});
	afterEach(async () => {
		await t.close();
	});
	const later = () => t.org.clock.advance(2000);
	const newEmail = (parameters = {}) => activateTrigger(t, { event: 'newEmail', ...parameters });

	/** A case of Rose Gonzalez (her contact), in the queue given. */
	function newCase(subject: string, values: Record<string, unknown> = {}) {
		const contactId = t.org.store.insert('Contact', {
			FirstName: 'Rose',
			LastName: 'Gonzalez',
			Email: 'Rose@Customer.example',
		});
		return t.org.store.insert('Case', {
			Subject: subject,
			Status: 'New',
			Origin: 'Email',
			Priority: 'High',
			OwnerId: tier1,
			ContactId: contactId,
			...values,
		});
	}
	/** An email on the case: from the customer unless `from` says otherwise; `incoming: false` is an agent's reply. */
	function email(
		caseId: string,
		text: string,
		opts: { from?: string; incoming?: boolean; messageDate?: number } = {},
	) {
		const incoming = opts.incoming ?? true;
		return t.org.store.insert('EmailMessage', {
			ParentId: caseId,
			Incoming: incoming,
			FromAddress: opts.from ?? (incoming ? 'rose@customer.example' : 'hannah@support.example'),
			FromName: incoming ? 'Rose Gonzalez' : 'Hannah Weiß',
			ToAddress: incoming ? 'support@company.example' : 'rose@customer.example',
			Subject: 'My printer',
			TextBody: `${text}\n\nOn Mon, 4 May 2026 at 10:00, Support wrote:\n> an earlier message`,
			MessageDate: opts.messageDate ?? t.org.clock.now(),
			Status: incoming ? '0' : '3',
		});
	}
	const emailIds = (items: Array<Record<string, unknown>>) =>
		items.map((i) => (i.email as { id: string }).id);

	it('emits each incoming email once with its case, the thread up to it and the email; a reply of an agent is no event; a quiet poll costs one API call', async () => {
		const poller = await newEmail();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const caseId = newCase('Printer broken');
		const first = email(caseId, 'My printer is broken.');
		t.org.clock.advance(MINUTE);
		const reply = email(caseId, 'Have you tried turning it off?', { incoming: false });
		t.org.clock.advance(MINUTE);
		const second = email(caseId, 'Yes, it is still broken.');
		later();
		const callsBefore = t.org.counters.apiCalls;
		const items = emittedJson(await poller.poll());
		// The emails' query and one Composite request with their case and its thread.
		expect(t.org.counters.apiCalls - callsBefore).toBe(2);
		expect(emailIds(items)).toEqual([first, second]);
		expect(items[0]).toMatchObject({
			id: caseId,
			url: expect.stringContaining(`/lightning/r/Case/${caseId}/view`),
			subject: 'Printer broken',
			status: 'New',
			contactName: 'Rose Gonzalez',
			email: {
				id: first,
				direction: 'fromCustomer',
				from: { name: 'Rose Gonzalez', address: 'rose@customer.example' },
				text: 'My printer is broken.',
			},
		});
		// The thread stops at the email: the reply and the later email are not in the first item.
		expect((items[0].emails as Array<{ id: string }>).map((e) => e.id)).toEqual([first]);
		expect(items[0].transcript).not.toMatch(/turning it off/);
		expect((items[1].emails as Array<{ id: string }>).map((e) => e.id)).toEqual([
			first,
			reply,
			second,
		]);
		expect(items[1].transcript).toMatch(/turning it off/);
		expect(items[1].email).toMatchObject({ id: second, text: 'Yes, it is still broken.' });
		// Neither the customer rule's own fields nor Salesforce's attributes reach the item.
		expect(items[0]).not.toHaveProperty('suppliedEmail');
		expect(items[0]).not.toHaveProperty('contactEmail');
		// Read, replied to and edited later: not new again.
		t.org.store.update('EmailMessage', first, { Status: '2' });
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
		const before = t.org.counters.apiCalls;
		expect(emittedJson(await poller.poll())).toEqual([]);
		expect(t.org.counters.apiCalls - before).toBe(1);
	});

	it('goes by when the email arrived (CreatedDate), not by the date its sender wrote (MessageDate)', async () => {
		const caseId = newCase('Old mail');
		email(caseId, 'Before the activation.');
		t.org.clock.advance(MINUTE);
		const poller = await newEmail();
		expect(emittedJson(await poller.poll())).toEqual([]);
		t.org.clock.advance(MINUTE);
		const backdated = email(caseId, 'Written three days ago, arrived now.', {
			messageDate: t.org.clock.now() - 3 * DAY,
		});
		later();
		expect(emailIds(emittedJson(await poller.poll()))).toEqual([backdated]);
	});

	it('takes a burst of emails arriving within one second over several polls, none twice', async () => {
		const poller = await newEmail({ maxEmailsPerPoll: 2 });
		await poller.poll();
		const ids = Array.from({ length: 7 }, (_, i) => email(newCase(`Burst ${i}`), `Mail ${i}`));
		later();
		const seen: string[] = [];
		for (let i = 0; i < 6; i++) seen.push(...emailIds(emittedJson(await poller.poll())));
		expect(seen.sort()).toEqual([...ids].sort());
	});

	it('Only the First Email of a Case: the email that opened each case, once', async () => {
		const poller = await newEmail({ firstEmailOnly: true });
		await poller.poll();
		const a = newCase('First case');
		const opening = email(a, 'Opening the case.');
		email(a, 'A reply of mine.', { incoming: false });
		later();
		email(a, 'And once more.');
		const b = newCase('Second case');
		t.org.clock.advance(MINUTE);
		const otherOpening = email(b, 'Another problem.');
		later();
		expect(emailIds(emittedJson(await poller.poll()))).toEqual([opening, otherOpening]);
		t.org.clock.advance(5 * MINUTE);
		email(b, 'Any news?');
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it("Only From the Customer: the case contact's address or the case's Web Email, in any case; not a colleague or the org's own addresses", async () => {
		const poller = await newEmail({ fromCustomerOnly: true });
		await poller.poll();
		const withContact = newCase('Contact case');
		const fromContact = email(withContact, 'From Rose.', { from: 'ROSE@customer.example' });
		email(withContact, 'From her colleague.', { from: 'kim@customer.example' });
		email(withContact, 'Routed from our own address.', { from: 'support@company.example' });
		const webCase = newCase('Web case', { ContactId: null, SuppliedEmail: 'web@visitor.example' });
		const fromWeb = email(webCase, 'From the web form address.', { from: 'web@visitor.example' });
		email(newCase('Nobody known', { ContactId: null }), 'Unknown sender.');
		later();
		expect(emailIds(emittedJson(await poller.poll()))).toEqual([fromContact, fromWeb]);
	});

	it('Queues: only emails on cases a chosen queue owned up to the email (also after an agent took it)', async () => {
		const agent = t.org.addUser({
			firstName: 'Hannah',
			lastName: 'Weiß',
			email: 'hannah@x.example',
		});
		const poller = await newEmail({ queues: ['priority support'] });
		await poller.poll();
		const taken = newCase('Taken by an agent');
		t.org.store.update('Case', taken, { OwnerId: agent });
		t.org.clock.advance(MINUTE);
		const onTaken = email(taken, 'Still broken.');
		const elsewhere = newCase('Billing question', { OwnerId: billing });
		email(elsewhere, 'About my invoice.');
		later();
		expect(emailIds(emittedJson(await poller.poll()))).toEqual([onTaken]);
	});

	it('Extra Conditions on the case, chosen Fields, and Import Existing Emails From', async () => {
		const low = newCase('Low priority', { Priority: 'Low' });
		const high = newCase('High priority');
		email(low, 'Old, low.');
		const oldHigh = email(high, 'Old, high.');
		t.org.clock.advance(2 * DAY);
		const recentHigh = email(high, 'Recent, high.');
		t.org.clock.advance(MINUTE);
		const poller = await newEmail({
			importFrom: 'last7Days',
			fields: ['CaseNumber', 'Priority'],
			conditions: { condition: [{ field: 'Priority', operator: 'equals', value: 'High' }] },
		});
		const items = emittedJson(await poller.poll());
		expect(emailIds(items)).toEqual([oldHigh, recentHigh]);
		expect(Object.keys(items[0]).sort()).toEqual(
			['caseNumber', 'email', 'emails', 'id', 'priority', 'transcript', 'url'].sort(),
		);
		email(low, 'New, low.');
		const live = email(high, 'New, high.');
		later();
		expect(emailIds(emittedJson(await poller.poll()))).toEqual([live]);
	});

	it('"Fetch test event" returns the latest email that meets the options and changes no state', async () => {
		const a = newCase('Customer case');
		const wanted = email(a, 'From Rose.');
		t.org.clock.advance(MINUTE);
		email(a, 'From a colleague.', { from: 'kim@customer.example' });
		const poller = await newEmail({ fromCustomerOnly: true });
		const items = emittedJson(await poller.fetchTestEvent());
		expect(emailIds(items)).toEqual([wanted]);
		for (const data of Object.values(poller.memoryStaticData)) expect(data).toEqual({});
	});

	it('refuses bad parameters, naming the parameter', async () => {
		const fields = await newEmail({ fields: ['CaseNumbr'] });
		expect((await fields.poll()).error?.message).toMatch(/Fields: .*CaseNumbr.*CaseNumber/s);
		const conditions = await newEmail({
			conditions: { condition: [{ field: 'CreatedDate', operator: 'greaterThan', value: 'soon' }] },
		});
		expect((await conditions.poll()).error?.message).toMatch(/Conditions: .*CreatedDate.*soon/);
		const queues = await newEmail({ queues: ['Priority Suport'] });
		expect((await queues.poll()).error?.message).toMatch(
			/Queues: There is no queue for cases named "Priority Suport" in your Salesforce org. Did you mean "Priority Support"/,
		);
		const since = await newEmail({ importFrom: 'date', importSince: 'yesterday' });
		expect((await since.poll()).error?.message).toMatch(/Import Since is not a date.*/);
		const max = await newEmail({ maxEmailsPerPoll: 0 });
		expect((await max.poll()).error?.message).toMatch(/Max Emails per Poll: "0"/);
	});

	it("the example workflow (test/workflows/new-email-draft-reply.json): its trigger emits the customer's email and its Code node drafts the reply prompt from the thread up to it", async () => {
		const workflow = JSON.parse(
			readFileSync(join(__dirname, '..', 'workflows', 'new-email-draft-reply.json'), 'utf8'),
		) as { nodes: Array<{ type: string; parameters: INodeParameters }> };
		const trigger = workflow.nodes.find((n) => n.type.endsWith('.salesforceServiceCloudTrigger'))!;
		const code = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.code')!;
		const {
			pollTimes: _pollTimes,
			authentication: _authentication,
			...parameters
		} = trigger.parameters;
		const caseId = newCase('Printer broken');
		email(caseId, 'My printer is broken.');
		t.org.clock.advance(MINUTE);
		email(caseId, 'We sent you a new cable.', { incoming: false });
		t.org.clock.advance(MINUTE);
		email(caseId, 'The cable did not help.');
		t.org.clock.advance(MINUTE);
		email(caseId, 'Forwarding for info.', { from: 'kim@customer.example' });
		later();
		const poller = await activateTrigger(t, parameters);
		const items = emittedJson(await poller.poll());
		expect(items).toHaveLength(2);
		const run = new Function('$input', code.parameters.jsCode as string) as (input: {
			all: () => Array<{ json: IDataObject }>;
		}) => Array<{ json: IDataObject }>;
		const prompts = run({ all: () => items.map((json) => ({ json })) });
		expect(prompts[0].json).toMatchObject({ caseId, replyTo: 'rose@customer.example' });
		expect(prompts[0].json.prompt).toMatch(
			/The email to answer, from Rose Gonzalez:\nMy printer is broken\./,
		);
		expect(prompts[0].json.prompt).not.toMatch(/new cable/);
		expect(prompts[1].json.prompt).toMatch(
			/new cable[\s\S]*The email to answer, from Rose Gonzalez:\nThe cable did not help\./,
		);
		expect(prompts[1].json.prompt).not.toMatch(/Forwarding/);
	});
});
