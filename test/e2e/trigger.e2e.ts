import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import {
	demoCredentials,
	exampleWorkflows,
	n8nWithPackage,
	NODE_TYPES,
	withAuthentication,
} from './support/e2e-env';
import type { N8nInstance } from './support/n8n-instance';
import { WorkflowExecutions } from './support/n8n-executions';
import { N8nRestClient } from './support/n8n-rest';

// The trigger live in a real n8n, in real time with its one-minute poll: the example workflow
// (importing nothing, so only closings from activation on) against the sandbox org. Cases close one
// at a time, in a burst within one second, late (committed minutes after their SystemModstamp), and
// again after a reopen, with n8n restarted in between; n8n's executions must then hold every
// closing exactly once, each with its email thread.
// A second test restarts n8n before the trigger has emitted anything, with a case closed while n8n
// was down: n8n saves the static data of the poll it runs while activating, so nothing is lost.

const WORKFLOW_FILE = 'closed-cases-trigger.json';
const WORKFLOW_ID = 'e2eTriggerLive01';
const TRIGGER = 'Case Closed';
const CODE = 'Build prompt';
/** How late the late closing commits: past the burst's poll and the restart, well within the trigger's 10-minute overlap. */
const COMMIT_LAG_MS = 150_000;
/** A poll runs every minute at a random second; an emission is in n8n's executions shortly after. */
const ONE_POLL_MS = 60_000;
const EMIT_DEADLINE_MS = 2 * ONE_POLL_MS + 30_000;

describe(
	`Salesforce Service Cloud Trigger live in n8n ${process.env.N8N_VERSION ?? ''}`.trim(),
	() => {
		let t: TestOrg;
		let queue: string;
		const instances: N8nInstance[] = [];
		const t0 = Date.now();
		const timeline: string[] = [];
		const note = (line: string) => {
			const entry = `[+${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`;
			timeline.push(entry);
			process.stderr.write(`trigger.e2e ${entry}\n`);
		};

		beforeAll(async () => {
			t = await startTestOrg({ cases: 0 });
			queue = t.org.addQueue('Tier 1 Support');
		});
		afterAll(async () => {
			for (const n8n of instances) await n8n.dispose();
			await t?.close();
		});

		/** A case from Rose with her email and the agent's reply (which quotes her). */
		const newCase = (subject: string) => {
			const org = t.org;
			const contactId = org.store.insert('Contact', {
				FirstName: 'Rose',
				LastName: 'Gonzalez',
				Email: 'rose@customer.example',
			});
			const id = org.store.insert('Case', {
				Subject: subject,
				Status: 'New',
				Origin: 'Email',
				Priority: 'High',
				OwnerId: queue,
				ContactId: contactId,
			});
			const at = org.clock.now();
			org.store.insert('EmailMessage', {
				ParentId: id,
				Incoming: true,
				FromAddress: 'rose@customer.example',
				FromName: 'Rose Gonzalez',
				ToAddress: 'support@company.example',
				Subject: subject,
				TextBody: `${subject}: my printer is broken.\n\nRose`,
				MessageDate: at,
				Status: '1',
			});
			org.store.insert('EmailMessage', {
				ParentId: id,
				Incoming: false,
				FromAddress: 'support@company.example',
				FromName: 'Hannah Weiß',
				ToAddress: 'rose@customer.example',
				Subject: `Re: ${subject}`,
				TextBody: `We sent a new one.\n\nOn Mon, Rose Gonzalez <rose@customer.example> wrote:\n> ${subject}: my printer is broken.`,
				MessageDate: at + 1000,
				Status: '3',
			});
			return id;
		};
		const close = (id: string) => t.org.store.update('Case', id, { Status: 'Closed' });

		/** n8n with the package, the credentials and the example workflow (importing nothing) under `workflowId`, activated; not started. */
		async function n8nWithActiveTrigger(workflowId: string): Promise<N8nInstance> {
			const instance = n8nWithPackage();
			instances.push(instance);
			await instance.importCredentials(await demoCredentials(t));
			const workflow = withAuthentication(
				exampleWorkflows()[WORKFLOW_FILE],
				'clientCredentials',
				workflowId,
			);
			const trigger = workflow.nodes.find((n) => n.type === NODE_TYPES.trigger);
			if (!trigger) throw new Error(`${WORKFLOW_FILE} has no trigger node`);
			trigger.parameters.importFrom = 'none';
			await instance.importWorkflows([workflow]);
			await instance.activateWorkflow(workflowId);
			note(
				`n8n ${instance.version}: package, credentials and workflow ${workflowId} installed and activated in ${instance.userFolder}`,
			);
			return instance;
		}

		/**
		 * Starts (or restarts) n8n, signs in (with a new client, or again with the one of the first
		 * start: the port stays), and waits for the poll n8n runs while activating the workflow.
		 */
		async function startAndWaitForActivationPoll(
			instance: N8nInstance,
			client?: N8nRestClient,
		): Promise<N8nRestClient> {
			const startedAt = Date.now();
			await instance.start();
			const rest = client ?? new N8nRestClient(instance.url);
			await rest.signInAsOwner();
			note(`n8n started on ${instance.url} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
			await waitForPoll('activation poll', startedAt, 60_000);
			return rest;
		}

		/** The org's query requests (each poll makes at least one) after `since`. */
		const queriesSince = (since: number) =>
			t.org.counters.log.filter((e) => e.kind === 'query' && e.at > since).length;
		async function waitForPoll(what: string, since: number, timeoutMs: number): Promise<void> {
			const deadline = Date.now() + timeoutMs;
			while (queriesSince(since) === 0) {
				if (Date.now() > deadline)
					throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
				await new Promise((r) => setTimeout(r, 500));
			}
			note(`${what}: the org got a query`);
		}

		/** Reads the executions until `done`, noting each new one. */
		async function waitFor(
			executions: WorkflowExecutions,
			what: string,
			done: () => boolean,
			timeoutMs: number,
			nameOf: (id: unknown) => string,
		): Promise<void> {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const { fresh } = await executions.collect();
				for (const e of fresh) {
					const ids = (e.items[TRIGGER] ?? []).map((i) => nameOf(i.id));
					note(
						`execution ${e.id} (${e.mode ?? '?'}, ${e.status}, started ${e.startedAt ?? '?'}): ${ids.join(', ') || 'no items'}${e.error ? `; error: ${e.error}` : ''}`,
					);
				}
				if (done()) {
					note(`${what}: done`);
					return;
				}
				if (Date.now() > deadline)
					throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
				await new Promise((r) => setTimeout(r, 3000));
			}
		}

		/** The failure message: what happened, the org's recent queries and n8n's log. */
		function diagnosed(error: unknown, instance: N8nInstance): Error {
			const message = error instanceof Error ? error.message : String(error);
			const polls = t.org.counters.log
				.filter((e) => e.kind === 'query')
				.map(
					(e) =>
						`  ${new Date(e.at).toISOString()} ${e.status} ${e.method} ${decodeURIComponent(e.path).slice(0, 160)}`,
				);
			return new Error(
				`${message}\n\nTimeline:\n${timeline.join('\n')}\n\nThe org's queries:\n${polls.slice(-30).join('\n')}\n\nn8n's log (tail):\n${instance.tail(80)}`,
			);
		}

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
			const nameOf = (id: unknown) => names.get(String(id)) ?? `unknown ${String(id)}`;
			close(before);

			const instance = await n8nWithActiveTrigger(WORKFLOW_ID);
			try {
				const rest = await startAndWaitForActivationPoll(instance);
				const executions = new WorkflowExecutions(instance, rest, WORKFLOW_ID);
				const emitted = () => executions.itemsOf(TRIGGER);
				const timesEmitted = (id: string) => emitted().filter((i) => i.json.id === id).length;

				close(reopened);
				note('closed "reopened"');
				await waitFor(
					executions,
					'"reopened" emitted',
					() => timesEmitted(reopened) === 1,
					EMIT_DEADLINE_MS,
					nameOf,
				);

				org.store.commitLagMs = COMMIT_LAG_MS;
				close(late);
				org.store.commitLagMs = 0;
				const lateVisibleAt = Date.now() + COMMIT_LAG_MS;
				note(`closed "late", committing ${COMMIT_LAG_MS / 1000} s late`);
				const burstStart = Date.now();
				burst.forEach(close);
				note(`closed the burst of ${burst.length} in ${Date.now() - burstStart} ms`);
				org.store.update('Case', reopened, {
					Subject: 'Reopened and closed again (edited after closing)',
				});
				note('edited "reopened" after its closing (no new closing)');
				await waitFor(
					executions,
					'the burst emitted',
					() => burst.every((id) => timesEmitted(id) === 1),
					EMIT_DEADLINE_MS,
					nameOf,
				);
				expect(timesEmitted(late)).toBe(0);

				note('restarting n8n');
				await instance.stop();
				note('n8n stopped');
				await startAndWaitForActivationPoll(instance, rest);
				note(
					`"late" becomes visible ${Date.now() < lateVisibleAt ? `in ${((lateVisibleAt - Date.now()) / 1000).toFixed(0)} s, after the restart` : "already (before the restart's first poll)"}`,
				);

				org.store.update('Case', reopened, { Status: 'Working' });
				note('reopened "reopened"');
				await new Promise((r) => setTimeout(r, 1500));
				close(reopened);
				note('closed "reopened" again');
				await waitFor(
					executions,
					'"late" and the second closing of "reopened" emitted',
					() => timesEmitted(late) === 1 && timesEmitted(reopened) === 2,
					Math.max(0, lateVisibleAt - Date.now()) + EMIT_DEADLINE_MS,
					nameOf,
				);

				// One more poll after the last emission, and no execution running: nothing else comes.
				await waitForPoll('one more poll', Date.now(), ONE_POLL_MS + 30_000);
				await new Promise((r) => setTimeout(r, 5000));
				const { all: listed } = await executions.collect();
				expect(
					listed.filter((e) => !WorkflowExecutions.isFinished(e.status)).map((e) => e.id),
				).toEqual([]);

				const all = emitted();
				note(
					`emitted ${all.length} items in ${executions.read.size} executions: ${all.map((i) => nameOf(i.json.id)).join(', ')}`,
				);
				expect(
					[...executions.read.values()]
						.filter((e) => e.status !== 'success' || e.error)
						.map((e) => `${e.id}: ${e.status} ${e.error ?? ''}`),
				).toEqual([]);
				const counts: Record<string, number> = {};
				for (const item of all)
					counts[nameOf(item.json.id)] = (counts[nameOf(item.json.id)] ?? 0) + 1;
				expect(counts).toEqual({
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
				note(`passed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
			} catch (error) {
				throw diagnosed(error, instance);
			}
		});

		it('loses nothing when n8n restarts before the trigger has emitted anything: a case closed while n8n was down comes at the restart', async () => {
			const closedWhileDown = newCase('Closed while n8n was down');
			const nameOf = (id: unknown) =>
				id === closedWhileDown ? 'closedWhileDown' : `unknown ${String(id)}`;
			const workflowId = `${WORKFLOW_ID.slice(0, 12)}Down`;
			const instance = await n8nWithActiveTrigger(workflowId);
			try {
				const rest = await startAndWaitForActivationPoll(instance);
				const executions = new WorkflowExecutions(instance, rest, workflowId);
				await instance.stop();
				note('n8n stopped before the trigger emitted anything');
				close(closedWhileDown);
				note('closed "closedWhileDown"');
				// Well past the second the trigger started from, so that only its saved start can cover the closing.
				await new Promise((r) => setTimeout(r, 2000));
				await startAndWaitForActivationPoll(instance, rest);
				await waitFor(
					executions,
					'"closedWhileDown" emitted',
					() => executions.itemsOf(TRIGGER).length > 0,
					EMIT_DEADLINE_MS,
					nameOf,
				);
				await waitForPoll('one more poll', Date.now(), ONE_POLL_MS + 30_000);
				await new Promise((r) => setTimeout(r, 5000));
				await executions.collect();
				expect(executions.itemsOf(TRIGGER).map((i) => nameOf(i.json.id))).toEqual([
					'closedWhileDown',
				]);
			} catch (error) {
				throw diagnosed(error, instance);
			}
		});
	},
);
