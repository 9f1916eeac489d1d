import { transcriptBody } from '../sandbox-org/demo/chat-transcript';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { countByName, EMIT_DEADLINE_MS, LiveTrigger, type Watched } from './support/live-trigger';
import { WorkflowExecutions } from './support/n8n-executions';
import { insertRoseCase } from '../sandbox-org/roseCase';

// The trigger live in a real n8n, in real time with its one-minute poll: the example workflows
// (importing nothing, so only events from activation on) against the sandbox org.
// Case Closed: cases close one at a time, in a burst within one second, late (committed minutes
// after their SystemModstamp), and again after a reopen, with n8n restarted in between; n8n's
// executions must then hold every closing exactly once, each with its email thread. A second test
// restarts n8n before the trigger has emitted anything, with a case closed while n8n was down: n8n
// saves the static data of the poll it runs while activating, so nothing is lost.
// Record Created (Lead) and Chat Ended share one n8n: leads created one at a time, in a burst within
// one second, late, edited after their creation, and while n8n is down; chats ending before and
// while n8n is down. Each lead and each chat must be in n8n's executions exactly once.

const WORKFLOW_FILE = 'closed-cases-trigger.json';
const WORKFLOW_ID = 'e2eTriggerLive01';
const TRIGGER = 'Case Closed';
const CODE = 'Build prompt';
/** How late the late closing commits: past the burst's poll and the restart, well within the trigger's 10-minute overlap. */
const COMMIT_LAG_MS = 150_000;

const LEADS = {
	file: 'new-leads-qualification-prompt.json',
	id: 'e2eLiveLeads0001',
	trigger: 'New Lead',
	code: 'Build qualification prompt',
	/** The org's queries of the trigger's polls. */
	query: /FROM[+ ]Lead\b/,
};
const CHATS = {
	file: 'chat-ended-llm-themes.json',
	id: 'e2eLiveChats0001',
	trigger: 'Chat Ended',
	code: 'Build themes prompt',
	query: /FROM[+ ]LiveChatTranscript\b/,
};
/** How late the late lead commits: past the burst's poll (at most a minute after), within the 10-minute overlap. */
const LEAD_COMMIT_LAG_MS = 90_000;

describe(
	`Salesforce Service Cloud Trigger live in n8n ${process.env.N8N_VERSION ?? ''}`.trim(),
	() => {
		let t: TestOrg;
		let queue: string;
		let live: LiveTrigger;

		beforeAll(async () => {
			t = await startTestOrg({ cases: 0 });
			queue = t.org.addQueue('Tier 1 Support');
			live = new LiveTrigger(t, 'trigger.e2e');
		});
		afterAll(async () => {
			await live?.dispose();
			await t?.close();
		});

		const newCase = (subject: string) => insertRoseCase(t.org, queue, subject);
		const close = (id: string) => t.org.store.update('Case', id, { Status: 'Closed' });

		/** n8n with the Case Closed example (importing nothing) under `workflowId`, activated; not started. */
		const n8nWithActiveTrigger = (workflowId: string) =>
			live.n8nWithActiveExamples([
				{
					file: WORKFLOW_FILE,
					id: workflowId,
					configure: (trigger) => {
						trigger.parameters.importFrom = 'none';
					},
				},
			]);

		it('emits every closing exactly once with its email thread: one, a burst, a late commit, across a restart, and a reopened case again', async () => {
			const org = t.org;
			const before = newCase('Closed before activation');
			const reopened = newCase('Reopened and closed again');
			const burst = Array.from({ length: 4 }, (_, i) => newCase(`Burst ${i + 1}`));
			const late = newCase('Late commit');
			const names = new Map<string, string>([
				[before, 'before'],
				[reopened, 'reopened'],
				[late, 'late'],
				...burst.map((id, i): [string, string] => [id, `burst${i + 1}`]),
			]);
			const nameOf = (item: Record<string, unknown>) =>
				names.get(String(item.id)) ?? `unknown ${String(item.id)}`;
			close(before);

			const startedAt = Date.now();
			const instance = await n8nWithActiveTrigger(WORKFLOW_ID);
			try {
				const rest = await live.start(instance);
				const executions = new WorkflowExecutions(instance, rest, WORKFLOW_ID);
				const watched: Watched[] = [{ executions, trigger: TRIGGER, nameOf }];
				const emitted = () => executions.itemsOf(TRIGGER);
				const timesEmitted = (id: string) => emitted().filter((i) => i.json.id === id).length;

				close(reopened);
				live.note('closed "reopened"');
				await live.waitFor(
					watched,
					'"reopened" emitted',
					() => timesEmitted(reopened) === 1,
					EMIT_DEADLINE_MS,
				);

				org.store.commitLagMs = COMMIT_LAG_MS;
				close(late);
				org.store.commitLagMs = 0;
				const lateVisibleAt = Date.now() + COMMIT_LAG_MS;
				live.note(`closed "late", committing ${COMMIT_LAG_MS / 1000} s late`);
				const burstStart = Date.now();
				burst.forEach(close);
				live.note(`closed the burst of ${burst.length} in ${Date.now() - burstStart} ms`);
				org.store.update('Case', reopened, {
					Subject: 'Reopened and closed again (edited after closing)',
				});
				live.note('edited "reopened" after its closing (no new closing)');
				await live.waitFor(
					watched,
					'the burst emitted',
					() => burst.every((id) => timesEmitted(id) === 1),
					EMIT_DEADLINE_MS,
				);
				expect(timesEmitted(late)).toBe(0);

				live.note('restarting n8n');
				await instance.stop();
				live.note('n8n stopped');
				await live.start(instance, rest);
				live.note(
					`"late" becomes visible ${Date.now() < lateVisibleAt ? `in ${((lateVisibleAt - Date.now()) / 1000).toFixed(0)} s, after the restart` : "already (before the restart's first poll)"}`,
				);

				org.store.update('Case', reopened, { Status: 'Working' });
				live.note('reopened "reopened"');
				await new Promise((r) => setTimeout(r, 1500));
				close(reopened);
				live.note('closed "reopened" again');
				await live.waitFor(
					watched,
					'"late" and the second closing of "reopened" emitted',
					() => timesEmitted(late) === 1 && timesEmitted(reopened) === 2,
					Math.max(0, lateVisibleAt - Date.now()) + EMIT_DEADLINE_MS,
				);

				// One more poll after the last emission, and no execution running: nothing else comes.
				await live.expectSettled(watched);
				const all = emitted();
				live.note(
					`emitted ${all.length} items in ${executions.read.size} executions: ${all.map((i) => nameOf(i.json)).join(', ')}`,
				);
				expect(countByName(all, nameOf)).toEqual({
					reopened: 2,
					late: 1,
					burst1: 1,
					burst2: 1,
					burst3: 1,
					burst4: 1,
				});
				// The burst came in one poll, and the closings of "reopened" are two, with different dates.
				expect(
					new Set(all.filter((i) => burst.includes(String(i.json.id))).map((i) => i.executionId))
						.size,
				).toBe(1);
				expect(
					new Set(all.filter((i) => i.json.id === reopened).map((i) => i.json.closedDate)).size,
				).toBe(2);

				for (const { json } of all) {
					expect(json).toMatchObject({
						status: 'Closed',
						ownerName: 'Tier 1 Support',
						contactName: 'Rose Gonzalez',
					});
					const emails = json.emails as Array<Record<string, unknown>>;
					expect(emails.map((e) => e.direction)).toEqual(['fromCustomer', 'fromAgent']);
					expect(emails[1].text).toBe('We sent a new one.');
					expect(String(json.transcript)).toMatch(
						/Customer \(Rose Gonzalez\)[\s\S]*my printer is broken[\s\S]*Agent \(Hannah Weiß\)[\s\S]*We sent a new one/,
					);
				}
				// The Code node made a prompt of each transcript.
				const prompts = executions.itemsOf(CODE).map((i) => i.json);
				expect(prompts).toHaveLength(all.length);
				for (const p of prompts) {
					expect(String(p.prompt)).toContain(`Case ${String(p.caseNumber)}: ${String(p.subject)}`);
					expect(String(p.prompt)).toMatch(/themes[\s\S]*sentiment[\s\S]*We sent a new one/);
					expect(p.emailCount).toBe(2);
				}
				live.note(`Case Closed live test passed in ${live.elapsed(startedAt)} s`);
			} catch (error) {
				throw live.diagnosed(error, instance);
			}
		});

		it('loses nothing when n8n restarts before the trigger has emitted anything: a case closed while n8n was down comes at the restart', async () => {
			const closedWhileDown = newCase('Closed while n8n was down');
			const nameOf = (item: Record<string, unknown>) =>
				item.id === closedWhileDown ? 'closedWhileDown' : `unknown ${String(item.id)}`;
			const workflowId = `${WORKFLOW_ID.slice(0, 12)}Down`;
			const startedAt = Date.now();
			const instance = await n8nWithActiveTrigger(workflowId);
			try {
				const rest = await live.start(instance);
				const executions = new WorkflowExecutions(instance, rest, workflowId);
				const watched: Watched[] = [{ executions, trigger: TRIGGER, nameOf }];
				await instance.stop();
				live.note('n8n stopped before the trigger emitted anything');
				close(closedWhileDown);
				live.note('closed "closedWhileDown"');
				// Well past the second the trigger started from, so that only its saved start can cover the closing.
				await new Promise((r) => setTimeout(r, 2000));
				await live.start(instance, rest);
				await live.waitFor(
					watched,
					'"closedWhileDown" emitted',
					() => executions.itemsOf(TRIGGER).length > 0,
					EMIT_DEADLINE_MS,
				);
				await live.expectSettled(watched);
				expect(executions.itemsOf(TRIGGER).map((i) => nameOf(i.json))).toEqual(['closedWhileDown']);
				live.note(`restart-before-emitting test passed in ${live.elapsed(startedAt)} s`);
			} catch (error) {
				throw live.diagnosed(error, instance);
			}
		});

		describe('Record Created (Lead) and Chat Ended, in one n8n', () => {
			const MINUTE = 60_000;
			const names = new Map<string, string>();
			const nameOf = (item: Record<string, unknown>) =>
				names.get(String(item.Id)) ?? `unknown ${String(item.Id)}`;

			/** A web lead named `name`, created now. */
			const newLead = (name: string) => {
				const id = t.org.store.insert('Lead', {
					FirstName: 'Ava',
					LastName: `Schmidt ${name}`,
					Company: `Northwind ${name}`,
					Title: 'Head of Support',
					Email: `ava.${name.toLowerCase()}@northwind.example`,
					Industry: 'Retail',
					Country: 'Germany',
					LeadSource: 'Web',
					Status: 'Open - Not Contacted',
				});
				names.set(id, name);
				return id;
			};

			/** A chat from George, waiting for an agent; `end` completes it as Salesforce does when it ends. */
			const startChat = (name: string) => {
				const store = t.org.store;
				const contactId = store.insert('Contact', {
					FirstName: 'George',
					LastName: 'Macaroni',
					Email: 'george@customer.example',
				});
				const caseId = store.insert('Case', {
					Subject: `Black screen (${name})`,
					Status: 'New',
					Origin: 'Chat',
					ContactId: contactId,
				});
				const visitorId = store.insert('LiveChatVisitor', { SessionKey: `sess-${name}` });
				const requested = t.org.clock.now();
				const id = store.insert('LiveChatTranscript', {
					Status: 'Waiting',
					RequestTime: requested,
					ChatKey: `key-${name}-${requested}`,
					LiveChatVisitorId: visitorId,
					ContactId: contactId,
				});
				names.set(id, name);
				const end = () => {
					const now = t.org.clock.now();
					// Salesforce keeps StartTime to the second.
					const start = Math.floor((now - 3 * MINUTE) / 1000) * 1000;
					store.update('LiveChatTranscript', id, {
						Status: 'Completed',
						StartTime: start,
						EndTime: now,
						EndedBy: 'Visitor',
						CaseId: caseId,
						Body: transcriptBody(
							[
								{ role: 'Agent', text: "Hi, I'll be happy to help", at: start + 10_000 },
								{ role: 'EndUser', text: `My screen is black (${name})`, at: start + 44_000 },
								{ role: 'Agent', text: 'Let me check <that>', at: start + 73_000 },
							],
							{
								start,
								offsetMinutes: -300,
								origin: 'Live Chat Button',
								agentName: 'Stephen Fountain',
								visitorName: 'George Macaroni',
							},
						),
					});
				};
				return { id, end };
			};

			it('emits each new lead once (one, a burst in one second, a late commit, edited later, created while n8n was down) and each ended chat once with its messages, across a restart', async () => {
				const org = t.org;
				newLead('before');
				const chatBefore = startChat('chatBefore');
				chatBefore.end();
				const chat1 = startChat('chat1');
				const chatDown = startChat('chatWhileDown');

				const startedAt = Date.now();
				const instance = await live.n8nWithActiveExamples(
					[LEADS, CHATS].map(({ file, id }) => ({
						file,
						id,
						configure: (trigger) => {
							trigger.parameters.recordImportFrom = 'none';
						},
					})),
				);
				try {
					const rest = await live.start(instance, undefined, [LEADS.query, CHATS.query]);
					const leads = new WorkflowExecutions(instance, rest, LEADS.id);
					const chats = new WorkflowExecutions(instance, rest, CHATS.id);
					const watched: Watched[] = [
						{ executions: leads, trigger: LEADS.trigger, nameOf },
						{ executions: chats, trigger: CHATS.trigger, nameOf },
					];
					const times = (executions: WorkflowExecutions, trigger: string, id: string) =>
						executions.itemsOf(trigger).filter((i) => i.json.Id === id).length;
					const leadTimes = (id: string) => times(leads, LEADS.trigger, id);
					const chatTimes = (id: string) => times(chats, CHATS.trigger, id);

					const one = newLead('one');
					chat1.end();
					live.note('created lead "one", ended "chat1"');
					await live.waitFor(
						watched,
						'"one" and "chat1" emitted',
						() => leadTimes(one) === 1 && chatTimes(chat1.id) === 1,
						EMIT_DEADLINE_MS,
					);

					org.store.commitLagMs = LEAD_COMMIT_LAG_MS;
					const late = newLead('late');
					org.store.commitLagMs = 0;
					const lateVisibleAt = Date.now() + LEAD_COMMIT_LAG_MS;
					live.note(`created lead "late", committing ${LEAD_COMMIT_LAG_MS / 1000} s late`);
					// At the start of a second, so that the burst is all in one second.
					await new Promise((r) => setTimeout(r, 1000 - (org.clock.now() % 1000) + 20));
					const burstStart = org.clock.now();
					const burst = Array.from({ length: 4 }, (_, i) => newLead(`burst${i + 1}`));
					const seconds = new Set(
						burst.map((id) => String(org.store.get(id, 'Lead')?.CreatedDate).slice(0, -3)),
					);
					live.note(
						`created the burst of ${burst.length} leads in ${org.clock.now() - burstStart} ms (${seconds.size} second)`,
					);
					org.store.update('Lead', one, { Status: 'Working - Contacted', Title: 'CTO' });
					live.note('edited lead "one" after its creation (no new lead)');
					await live.waitFor(
						watched,
						'the burst emitted',
						() => burst.every((id) => leadTimes(id) === 1),
						EMIT_DEADLINE_MS,
					);
					expect(leadTimes(late)).toBe(0);

					live.note('restarting n8n');
					await instance.stop();
					live.note('n8n stopped');
					chatDown.end();
					const leadDown = newLead('whileDown');
					live.note('ended "chatWhileDown" and created lead "whileDown" while n8n was down');
					await live.start(instance, rest, [LEADS.query, CHATS.query]);
					live.note(
						`"late" becomes visible ${Date.now() < lateVisibleAt ? `in ${((lateVisibleAt - Date.now()) / 1000).toFixed(0)} s, after the restart` : "already (before the restart's first poll)"}`,
					);
					await live.waitFor(
						watched,
						'"late", "whileDown" and "chatWhileDown" emitted',
						() =>
							leadTimes(late) === 1 && leadTimes(leadDown) === 1 && chatTimes(chatDown.id) === 1,
						Math.max(0, lateVisibleAt - Date.now()) + EMIT_DEADLINE_MS,
					);

					await live.expectSettled(watched, [LEADS.query, CHATS.query]);
					const emittedLeads = leads.itemsOf(LEADS.trigger);
					const emittedChats = chats.itemsOf(CHATS.trigger);
					live.note(
						`emitted ${emittedLeads.length} leads in ${leads.read.size} executions and ${emittedChats.length} chats in ${chats.read.size}`,
					);
					expect(countByName(emittedLeads, nameOf)).toEqual({
						one: 1,
						late: 1,
						burst1: 1,
						burst2: 1,
						burst3: 1,
						burst4: 1,
						whileDown: 1,
					});
					expect(
						new Set(
							emittedLeads
								.filter((i) => burst.includes(String(i.json.Id)))
								.map((i) => i.executionId),
						).size,
					).toBe(1);
					expect(countByName(emittedChats, nameOf)).toEqual({ chat1: 1, chatWhileDown: 1 });

					// Each lead with the fields the example chose, as created; a prompt of each.
					for (const { json } of emittedLeads) {
						const name = nameOf(json);
						expect(json).toMatchObject({
							FirstName: 'Ava',
							LastName: `Schmidt ${name}`,
							Company: `Northwind ${name}`,
							Title: 'Head of Support',
							Email: `ava.${name.toLowerCase()}@northwind.example`,
							LeadSource: 'Web',
							Status: 'Open - Not Contacted',
						});
					}
					const leadPrompts = leads.itemsOf(LEADS.code).map((i) => i.json);
					expect(leadPrompts.map((p) => p.leadId).sort()).toEqual(
						emittedLeads.map((i) => i.json.Id).sort(),
					);
					for (const p of leadPrompts)
						expect(String(p.prompt)).toMatch(
							new RegExp(
								`Name: Ava Schmidt ${names.get(String(p.leadId))}[\\s\\S]*Company: Northwind`,
							),
						);

					// Each chat with its messages, case and contact; a prompt of each.
					for (const { json } of emittedChats) {
						const name = nameOf(json);
						expect(json).toMatchObject({
							Status: 'Completed',
							Case: { Subject: `Black screen (${name})` },
							Contact: { Name: 'George Macaroni' },
							LiveChatVisitor: { SessionKey: `sess-${name}` },
						});
						expect(json).not.toHaveProperty('Body');
						expect(
							(json.messages as Array<Record<string, unknown>>).map(
								(m) => `${String(m.who)} ${String(m.name)}: ${String(m.text)}`,
							),
						).toEqual([
							"agent Stephen Fountain: Hi, I'll be happy to help",
							`customer George Macaroni: My screen is black (${name})`,
							'agent Stephen Fountain: Let me check <that>',
						]);
					}
					const chatPrompts = chats.itemsOf(CHATS.code).map((i) => i.json);
					expect(chatPrompts).toHaveLength(emittedChats.length);
					for (const p of chatPrompts) {
						expect(p.messageCount).toBe(3);
						expect(String(p.prompt)).toContain(
							`Customer (George Macaroni): My screen is black (${names.get(String(p.chatId))})`,
						);
					}
					live.note(
						`Record Created and Chat Ended live test passed in ${live.elapsed(startedAt)} s`,
					);
				} catch (error) {
					throw live.diagnosed(error, instance);
				}
			});
		});
	},
);
