import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import {
	AUTHENTICATIONS,
	demoCredentials,
	CLOSED_CASE_FILES,
	exampleWorkflows,
	latestClosedCase,
	LEAD_EXTERNAL_ID_FIELD,
	n8nWithPackage,
	NODE_TYPES,
	prepareOrgForExamples,
	withAuthentication,
	type Authentication,
	type WorkflowJson,
} from './support/e2e-env';
import {
	nodeBinaries,
	nodeOutput,
	type ExecutedRun,
	type N8nInstance,
} from './support/n8n-instance';
import { runFromTrigger } from './support/n8n-executions';
import { N8nRestClient } from './support/n8n-rest';
import {
	checkTriggerItems,
	nextNodesOf,
	triggerEventOf,
	triggerExamples,
	triggerNodeOf,
} from './support/trigger-examples';

// The example workflows of test/workflows (the ones the README offers to import), imported into a
// real n8n with the packed package, once for each kind of credential, and run with `n8n execute`
// against a sandbox org with demo data: what a user sees when they import one and click "Execute".

const EXAMPLES = {
	themes: 'closed-cases-llm-themes.json',
	chat: 'chat-visitor-to-case.json',
	chatFile: 'chat-attachment-to-case.json',
	caseFiles: 'closed-case-attachments.json',
	leads: 'upsert-leads-by-external-id.json',
} as const;
type Example = keyof typeof EXAMPLES;

/** n8n ids are 16 letters and digits: 9 for the example, 7 for the credential kind. */
const ID_PREFIX: Record<Example, string> = {
	themes: 'e2eThemes',
	chat: 'e2eChatCs',
	chatFile: 'e2eChatFl',
	caseFiles: 'e2eCaseFl',
	leads: 'e2eLeads0',
};
const KIND_SUFFIX: Record<Authentication, string> = {
	oAuth2: 'OAuth2x',
	jwt: 'Jwt0000',
	clientCredentials: 'Client0',
};
const workflowId = (example: Example, kind: Authentication) =>
	`${ID_PREFIX[example]}${KIND_SUFFIX[kind]}`;

/** The visitor of the chat example's "Chat Visitor" node. */
const VISITOR_EMAIL = 'jamie.rivera@visitor-mail.example';
const LEAD_COUNT = 500;
const LEAD_KEY_PREFIX = 'crm-lead-';

/**
 * API calls one run of the lead upsert spends, as Salesforce counts them: the Lead describe, and
 * one Composite request carrying the three sObject Collections upserts (200 + 200 + 100 records).
 * The token requests of the login are not API calls.
 */
/**
 * API calls of the themes example: its SOQL query, the Case describe, one Composite request with the
 * describes of the parents its case fields reach (Owner, Contact, Account: each path checked), and
 * one Composite request for all threads.
 */
const THEMES_API_CALLS = { query: 1, describe: 1, composite: 2 };
const LEAD_UPSERT_API_CALLS = { total: 2, byKind: { describe: 1, composite: 1 } };

/** A workflow that asks Case > Get Many for a field Case does not have (`Subjct`). */
const UNKNOWN_FIELD_ID = 'e2eBadFieldJwt00';
function unknownFieldWorkflow(): WorkflowJson {
	const workflow: WorkflowJson = {
		id: UNKNOWN_FIELD_ID,
		name: 'Get Many with an unknown field',
		nodes: [
			{
				name: 'Start Manually',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				name: 'Get Cases',
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'case', operation: 'getMany', fields: ['Subjct'], returnAll: true },
			},
		],
		connections: { 'Start Manually': { main: [[{ node: 'Get Cases', type: 'main', index: 0 }]] } },
	};
	return withAuthentication(workflow, 'jwt', UNKNOWN_FIELD_ID);
}

/** Every example workflow that starts with our trigger (the file name and the workflow). */
const TRIGGER_EXAMPLES = triggerExamples(exampleWorkflows());
const triggerExampleId = (i: number) => `e2eTrigEx${String(i).padStart(7, '0')}`;

interface Measured {
	run: ExecutedRun;
	apiCalls: number;
	apiCallsByKind: Record<string, number>;
	seconds: number;
}

describe('example workflows in a real n8n', () => {
	let t: TestOrg;
	let n8n: N8nInstance;
	const timings: string[] = [];

	beforeAll(async () => {
		t = await startTestOrg({ cases: 60 });
		prepareOrgForExamples(t);
		n8n = n8nWithPackage();
		await n8n.importCredentials(await demoCredentials(t));
		const all = exampleWorkflows();
		const copies: WorkflowJson[] = [];
		for (const [example, file] of Object.entries(EXAMPLES) as Array<[Example, string]>) {
			const workflow = all[file];
			if (!workflow) throw new Error(`test/workflows/${file} is missing`);
			for (const kind of AUTHENTICATIONS)
				copies.push(withAuthentication(workflow, kind, workflowId(example, kind)));
		}
		copies.push(unknownFieldWorkflow());
		for (const [i, [, workflow]] of TRIGGER_EXAMPLES.entries())
			copies.push(withAuthentication(workflow, 'clientCredentials', triggerExampleId(i)));
		await n8n.importWorkflows(copies);
	});

	afterAll(async () => {
		await t?.close();
		if (timings.length > 0)
			process.stderr.write(`n8n ${n8n?.version} example runs:\n  ${timings.join('\n  ')}\n`);
		await n8n?.dispose();
	});

	/** Runs an imported workflow with `n8n execute`; the org's API calls it spent and how long it took. */
	async function execute(example: Example, kind: Authentication): Promise<Measured> {
		const before = t.org.counters.snapshot();
		const started = Date.now();
		const run = await n8n.execute(workflowId(example, kind));
		const seconds = (Date.now() - started) / 1000;
		const after = t.org.counters.snapshot();
		const apiCallsByKind = Object.fromEntries(
			Object.entries(after.apiCallsByKind)
				.map(([k, v]) => [k, v - before.apiCallsByKind[k as keyof typeof before.apiCallsByKind]])
				.filter(([, v]) => v !== 0),
		) as Record<string, number>;
		const tokenRequests = after.tokenRequests - before.tokenRequests;
		timings.push(
			`${example} (${kind}): ${seconds.toFixed(1)} s, ${after.apiCalls - before.apiCalls} API calls ${JSON.stringify(apiCallsByKind)}, ${tokenRequests} token requests`,
		);
		expect(run.data.resultData.error).toBeUndefined();
		return { run, apiCalls: after.apiCalls - before.apiCalls, apiCallsByKind, seconds };
	}

	describe('closed cases to an LLM theming prompt', () => {
		/** The closed cases that have an email from the customer, newest closing first, as the org holds them. */
		const latestClosedWithEmails = () => {
			const withEmails = new Set(
				t.org.store
					.rows('EmailMessage')
					.filter((e) => e.Incoming === true)
					.map((e) => String(e.ParentId)),
			);
			return t.org.store
				.rows('Case')
				.filter((c) => c.IsClosed === true && withEmails.has(String(c.Id)))
				.sort((a, b) => Number(b.ClosedDate) - Number(a.ClosedDate))
				.slice(0, 10);
		};

		it.each(AUTHENTICATIONS)(
			'gives the 10 latest closed cases with their threads, and one prompt with each (%s)',
			async (kind) => {
				const { run, apiCallsByKind } = await execute('themes', kind);
				const expected = latestClosedWithEmails();
				expect(expected).toHaveLength(10);
				// The SOQL query, the Case describe, the parents' describes and the 10 threads (2 Composite requests).
				expect(apiCallsByKind).toEqual(THEMES_API_CALLS);

				const found = nodeOutput(run, 'Get Latest Closed Cases');
				expect(found.map((c) => c.Id)).toEqual(expected.map((c) => c.Id));

				const cases = nodeOutput(run, 'Get Email Thread of Each Case');
				expect(cases.map((c) => c.id)).toEqual(expected.map((c) => c.Id));
				const closedAt = cases.map((c) => Date.parse(String(c.closedDate)));
				expect(closedAt.every((ms) => Number.isFinite(ms))).toBe(true);
				expect([...closedAt].sort((a, b) => b - a)).toEqual(closedAt);
				for (const c of cases) {
					const row = t.org.store.get(String(c.id), 'Case');
					expect(row).toMatchObject({
						IsClosed: true,
						CaseNumber: c.caseNumber,
						Subject: c.subject,
					});
					expect(c.status).toBe('Closed');
					const emails = c.emails as Array<Record<string, unknown>>;
					const stored = t.org.store.rows('EmailMessage').filter((e) => e.ParentId === c.id);
					expect(emails.length).toBe(stored.length);
					expect(emails.length).toBeGreaterThan(0);
					expect(
						emails.every(
							(e) =>
								typeof e.text === 'string' &&
								['fromCustomer', 'fromAgent'].includes(String(e.direction)),
						),
					).toBe(true);
					expect(emails.some((e) => e.direction === 'fromCustomer')).toBe(true);
					// The transcript tells the whole thread: each email's new text, the customer's turns marked.
					expect(typeof c.transcript).toBe('string');
					expect(String(c.transcript).trim()).not.toBe('');
					expect(String(c.transcript)).toContain('Customer (');
					for (const e of emails)
						if (String(e.text).trim())
							expect(String(c.transcript)).toContain(String(e.text).trim());
				}

				const prompts = nodeOutput(run, 'Build Theming Prompt');
				expect(prompts).toHaveLength(1);
				const { prompt, caseCount } = prompts[0];
				expect(caseCount).toBe(10);
				expect(typeof prompt).toBe('string');
				expect(String(prompt)).toMatch(/themes/i);
				expect(String(prompt)).toMatch(/sentiment/i);
				for (const c of cases) {
					expect(String(prompt)).toContain(`#${String(c.caseNumber)} "${String(c.subject)}"`);
					// The whole transcript, or (for a very long one) its first 6,000 characters.
					expect(String(prompt)).toContain(String(c.transcript).trim().slice(0, 6000));
				}
				expect(prompts[0].cases).toEqual(
					cases.map((c) =>
						expect.objectContaining({ id: c.id, caseNumber: c.caseNumber, subject: c.subject }),
					),
				);
			},
		);
	});

	describe('chat visitor to contact, case and follow-up task', () => {
		const contactsOfVisitor = () =>
			t.org.store.rows('Contact').filter((c) => String(c.Email).toLowerCase() === VISITOR_EMAIL);

		it('is not a contact of the demo org yet', () => {
			expect(contactsOfVisitor()).toHaveLength(0);
		});

		it.each(AUTHENTICATIONS)(
			'finds or creates the contact, opens a case for it and a task on the case (%s)',
			async (kind) => {
				const existing = contactsOfVisitor();
				const casesBefore = t.org.store.count('Case');
				const { run } = await execute('chat', kind);

				// The first run creates the contact; every later one finds it, and never adds another.
				const [contact] = nodeOutput(run, 'Find or Create Contact');
				expect(contact).toMatchObject({
					success: true,
					action: existing.length === 0 ? 'created' : 'matched',
				});
				const contacts = contactsOfVisitor();
				expect(contacts).toHaveLength(1);
				expect(contacts[0]).toMatchObject({
					Id: contact.id,
					FirstName: 'Jamie',
					LastName: 'Rivera',
				});
				if (existing.length > 0) expect(contact.id).toBe(existing[0].Id);

				const [createdCase] = nodeOutput(run, 'Create Case');
				expect(createdCase).toMatchObject({ success: true });
				expect(t.org.store.count('Case')).toBe(casesBefore + 1);
				const caseRow = t.org.store.get(String(createdCase.id), 'Case');
				expect(caseRow).toMatchObject({
					ContactId: contact.id,
					Origin: 'Chat',
					Status: 'New',
					SuppliedEmail: VISITOR_EMAIL,
				});
				expect(String(caseRow?.Subject)).toMatch(/^My smart thermostat lost its Wi-Fi connection/);
				expect(caseRow?.Description).toBe(caseRow?.Subject);

				const [task] = nodeOutput(run, 'Create Follow-up Task');
				expect(task).toMatchObject({ success: true });
				const taskRow = t.org.store.get(String(task.id), 'Task');
				expect(taskRow).toMatchObject({
					WhatId: createdCase.id,
					WhoId: contact.id,
					Status: 'Not Started',
				});
				expect(String(taskRow?.Subject)).toMatch(/^Follow up on chat: My smart thermostat/);
				expect(taskRow?.ActivityDate).toBeTruthy();
			},
		);

		it('left one contact for the visitor, with one case and one task per run', () => {
			const contacts = contactsOfVisitor();
			expect(contacts).toHaveLength(1);
			const cases = t.org.store.rows('Case').filter((c) => c.ContactId === contacts[0].Id);
			expect(cases).toHaveLength(AUTHENTICATIONS.length);
			const tasks = t.org.store.rows('Task').filter((task) => task.WhoId === contacts[0].Id);
			expect(tasks.map((task) => task.WhatId).sort()).toEqual(cases.map((c) => c.Id).sort());
		});
	});

	describe("chat visitor's attachment to a new case", () => {
		/** The text the workflow's "Chat Visitor" node gives as the visitor's file, and its name. */
		const visitor = () => {
			const node = exampleWorkflows()[EXAMPLES.chatFile].nodes.find(
				(n) => n.name === 'Chat Visitor',
			);
			const fields = (
				node?.parameters.assignments as { assignments: Array<{ name: string; value: string }> }
			).assignments;
			const value = (name: string) => String(fields.find((f) => f.name === name)?.value);
			return {
				email: value('email'),
				name: value('attachmentName'),
				text: value('attachmentText'),
			};
		};

		it('opens a case for the visitor and uploads the file to it, byte for byte', async () => {
			const { email, name, text } = visitor();
			const { run } = await execute('chatFile', 'clientCredentials');

			const [createdCase] = nodeOutput(run, 'Create Case');
			const caseRow = t.org.store.get(String(createdCase.id), 'Case');
			const [contact] = t.org.store
				.rows('Contact')
				.filter((c) => String(c.Email).toLowerCase() === email);
			expect(caseRow).toMatchObject({
				ContactId: contact.Id,
				Origin: 'Chat',
				SuppliedEmail: email,
			});

			const [uploaded] = nodeOutput(run, 'Upload File to Case');
			expect(uploaded).toMatchObject({ success: true });
			const links = t.org.store
				.rows('ContentDocumentLink')
				.filter((l) => l.LinkedEntityId === createdCase.id);
			expect(links).toHaveLength(1);
			expect(links[0].ContentDocumentId).toBe(uploaded.contentDocumentId);
			const versions = t.org.store
				.rows('ContentVersion')
				.filter((v) => v.ContentDocumentId === links[0].ContentDocumentId);
			expect(versions).toHaveLength(1);
			expect(versions[0]).toMatchObject({
				PathOnClient: name,
				Title: name.replace(/\.txt$/, ''),
				FirstPublishLocationId: createdCase.id,
			});
			expect(String(versions[0].Description)).toMatch(/in the chat$/);
			expect(Buffer.isBuffer(versions[0].VersionData)).toBe(true);
			expect((versions[0].VersionData as Buffer).toString('utf8')).toBe(text);
		});
	});

	describe("the latest closed cases' attachments, downloaded", () => {
		it("lists the files of the case and of its emails and downloads each, with the org's name and size", async () => {
			const closed = latestClosedCase(t);
			const caseId = String(closed?.Id);
			const emailIds = new Set(
				t.org.store
					.rows('EmailMessage')
					.filter((e) => e.ParentId === caseId)
					.map((e) => String(e.Id)),
			);
			const linked = t.org.store
				.rows('ContentDocumentLink')
				.filter((l) => l.LinkedEntityId === caseId || emailIds.has(String(l.LinkedEntityId)));
			// The demo org's latest closed case holds the two files prepareOrgForExamples put there.
			expect(linked).toHaveLength(2);
			const { run } = await execute('caseFiles', 'clientCredentials');

			const files = nodeOutput(run, 'Get Files of Each Case');
			expect(files.map((f) => f.contentDocumentId).sort()).toEqual(
				linked.map((l) => l.ContentDocumentId).sort(),
			);
			const downloaded = nodeOutput(run, 'Download Each File');
			const binaries = nodeBinaries(run, 'Download Each File');
			expect(downloaded).toHaveLength(2);
			const expected = {
				[CLOSED_CASE_FILES.onCase.path]: Buffer.from(CLOSED_CASE_FILES.onCase.text),
				[CLOSED_CASE_FILES.onEmail.path]: CLOSED_CASE_FILES.onEmail.bytes,
			};
			for (const [i, item] of downloaded.entries()) {
				const version = t.org.store
					.rows('ContentVersion')
					.find((v) => v.ContentDocumentId === item.contentDocumentId && v.IsLatest === true);
				const bytes = version?.VersionData as Buffer;
				expect(bytes.equals(expected[String(version?.PathOnClient)])).toBe(true);
				const binary = binaries[i].data;
				expect(binary).toMatchObject({ fileName: version?.PathOnClient });
				expect(item).toMatchObject({ fileName: version?.PathOnClient, size: bytes.length });
				// n8n's default binary mode keeps the bytes in the item, as base64; its other modes (an id
				// in place of the data) give their count.
				if (binary.id === undefined)
					expect(Buffer.from(String(binary.data), 'base64').equals(bytes)).toBe(true);
				else expect(binary.bytes).toBe(bytes.length);
			}
			const mimeTypes = Object.fromEntries(
				binaries.map((b) => [String(b.data.fileName), b.data.mimeType]),
			);
			expect(mimeTypes).toEqual({
				[CLOSED_CASE_FILES.onCase.path]: 'text/plain',
				[CLOSED_CASE_FILES.onEmail.path]: 'image/png',
			});
		});
	});

	describe('a field the object does not have', () => {
		it('Get Many fails with our message naming the field, not as a Salesforce refusal', async () => {
			// n8n execute exits non-zero for a failed run; its output carries the node's error either way.
			const outcome = await n8n.execute(UNKNOWN_FIELD_ID).then(
				(run) => JSON.stringify(run.data.resultData.error ?? null),
				(error: Error) => error.message,
			);
			expect(outcome).toMatch(/Case \(Case\) has no field "Subjct"/);
			expect(outcome).not.toMatch(/Salesforce refused|UNKNOWN_ERROR/);
		});
	});

	describe('500 leads upserted by external ID', () => {
		const importedLeads = () =>
			t.org.store
				.rows('Lead')
				.filter((l) => String(l[LEAD_EXTERNAL_ID_FIELD] ?? '').startsWith(LEAD_KEY_PREFIX));

		it.each(AUTHENTICATIONS)(
			'creates or updates the 500 leads in one run, in a few API calls (%s)',
			async (kind) => {
				const before = importedLeads();
				// A change made in Salesforce since the last run, which the upsert overwrites.
				if (before.length > 0)
					t.org.store.update('Lead', String(before[0].Id), { Company: 'Changed in Salesforce' });
				const leadsBefore = t.org.store.count('Lead');
				const { run, apiCalls, apiCallsByKind } = await execute('leads', kind);

				const results = nodeOutput(run, 'Create or Update Leads');
				expect(results).toHaveLength(LEAD_COUNT);
				expect(results.every((r) => r.success === true)).toBe(true);
				// The first run creates them all; the later runs update the same records.
				expect(results.every((r) => r.created === (before.length === 0))).toBe(true);

				const leads = importedLeads();
				expect(leads).toHaveLength(LEAD_COUNT);
				expect(t.org.store.count('Lead')).toBe(
					leadsBefore + (before.length === 0 ? LEAD_COUNT : 0),
				);
				const keys = leads.map((l) => String(l[LEAD_EXTERNAL_ID_FIELD])).sort();
				expect(keys).toEqual(
					Array.from(
						{ length: LEAD_COUNT },
						(_, i) => `${LEAD_KEY_PREFIX}${String(i + 1).padStart(4, '0')}`,
					),
				);
				expect(new Set(results.map((r) => r.id)).size).toBe(LEAD_COUNT);
				expect(new Set(results.map((r) => r.id))).toEqual(new Set(leads.map((l) => l.Id)));
				if (before.length > 0) {
					expect(new Set(leads.map((l) => l.Id))).toEqual(new Set(before.map((l) => l.Id)));
					expect(t.org.store.get(String(before[0].Id), 'Lead')?.Company).not.toBe(
						'Changed in Salesforce',
					);
				}
				const first = leads.find((l) => l[LEAD_EXTERNAL_ID_FIELD] === `${LEAD_KEY_PREFIX}0001`);
				expect(first).toMatchObject({
					FirstName: 'Ava',
					LastName: 'Schmidt',
					Company: 'Northwind Traders',
					Email: 'ava.schmidt.0001@leads.example',
					LeadSource: 'Purchased List',
				});

				expect(apiCalls).toBe(LEAD_UPSERT_API_CALLS.total);
				expect(apiCallsByKind).toEqual(LEAD_UPSERT_API_CALLS.byKind);
			},
		);
	});

	describe('every example workflow with the trigger, run as "Fetch test event"', () => {
		// The editor's manual run: n8n started, the run asked through its REST API.
		let rest: N8nRestClient;
		beforeAll(async () => {
			const started = Date.now();
			await n8n.start();
			rest = new N8nRestClient(n8n.url);
			await rest.signInAsOwner();
			timings.push(
				`n8n start for the trigger examples: ${((Date.now() - started) / 1000).toFixed(1)} s`,
			);
		});
		afterAll(async () => {
			await n8n?.stop();
		});

		it('finds the trigger examples', () => {
			expect(TRIGGER_EXAMPLES.map(([file]) => file)).toEqual(
				expect.arrayContaining([
					'closed-cases-trigger.json',
					'new-leads-qualification-prompt.json',
					'case-status-priority-alert.json',
					'chat-ended-llm-themes.json',
				]),
			);
		});

		it.each(TRIGGER_EXAMPLES.map(([file], i) => [file, i] as const))(
			'%s: the trigger emits the latest event with what a user looks at, and the next node runs',
			async (file, i) => {
				const workflow = TRIGGER_EXAMPLES[i][1];
				const trigger = triggerNodeOf(workflow);
				const started = Date.now();
				const run = await runFromTrigger(n8n, rest, triggerExampleId(i), trigger.name);
				timings.push(
					`${file} (${triggerEventOf(trigger)}, Fetch test event): ${((Date.now() - started) / 1000).toFixed(1)} s`,
				);
				expect({ status: run.status, error: run.error }).toEqual({
					status: 'success',
					error: undefined,
				});
				// In manual mode ("Fetch test event") a polling trigger gives the latest event.
				checkTriggerItems(run.items[trigger.name] ?? [], trigger, t.org.store);
				const next = nextNodesOf(workflow, trigger.name);
				expect(next.length).toBeGreaterThan(0);
				for (const node of next) expect(run.items[node]?.length ?? 0).toBeGreaterThan(0);
			},
		);
	});
});
