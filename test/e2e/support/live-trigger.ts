import type { TestOrg } from '../../sandbox-org/testing';
import {
	demoCredentials,
	exampleWorkflows,
	n8nWithPackage,
	withAuthentication,
	type WorkflowJson,
} from './e2e-env';
import type { N8nInstance } from './n8n-instance';
import { WorkflowExecutions } from './n8n-executions';
import { N8nRestClient } from './n8n-rest';
import { triggerNodeOf, type WorkflowNode } from './trigger-examples';

// The machinery of the trigger's live tests (test/e2e/trigger.e2e.ts): example workflows active in
// a real n8n against the sandbox org, a timeline of what happened, waits for the org to see a poll
// and for n8n's executions to hold what a test expects, and a failure message with the org's
// queries and n8n's log.

/** A poll runs every minute at a random second; an emission is in n8n's executions shortly after. */
export const ONE_POLL_MS = 60_000;
export const EMIT_DEADLINE_MS = 2 * ONE_POLL_MS + 30_000;

/** An example workflow to activate: its file in test/workflows, the id it gets, and changes to its trigger. */
export interface ActiveExample {
	file: string;
	id: string;
	/** Changes the trigger's parameters (such as importing nothing). */
	configure?: (trigger: WorkflowNode) => void;
}

/** A workflow whose executions a test watches, and how its trigger's items are named in the timeline. */
export interface Watched {
	executions: WorkflowExecutions;
	trigger: string;
	nameOf: (item: Record<string, unknown>) => string;
}

export class LiveTrigger {
	readonly timeline: string[] = [];
	private readonly instances: N8nInstance[] = [];
	private readonly t0 = Date.now();

	constructor(
		private readonly t: TestOrg,
		private readonly label: string,
	) {}

	note(line: string): void {
		const entry = `[+${((Date.now() - this.t0) / 1000).toFixed(1).padStart(6)} s] ${line}`;
		this.timeline.push(entry);
		process.stderr.write(`${this.label} ${entry}\n`);
	}

	/** Seconds since this run began. */
	elapsed(since = this.t0): string {
		return ((Date.now() - since) / 1000).toFixed(0);
	}

	/** n8n with the package, the credentials and the example workflows, activated; not started. */
	async n8nWithActiveExamples(examples: ActiveExample[]): Promise<N8nInstance> {
		const instance = n8nWithPackage();
		this.instances.push(instance);
		await instance.importCredentials(await demoCredentials(this.t));
		const all = exampleWorkflows();
		const workflows: WorkflowJson[] = examples.map(({ file, id, configure }) => {
			const example = all[file];
			if (!example) throw new Error(`test/workflows/${file} is missing`);
			const workflow = withAuthentication(example, 'clientCredentials', id);
			configure?.(triggerNodeOf(workflow));
			return workflow;
		});
		await instance.importWorkflows(workflows);
		for (const { id } of examples) await instance.activateWorkflow(id);
		this.note(
			`n8n ${instance.version}: package, credentials and workflows ${examples.map((e) => e.id).join(', ')} installed and activated in ${instance.userFolder}`,
		);
		return instance;
	}

	/**
	 * Starts (or restarts) n8n, signs in (with a new client, or again with the one of the first
	 * start: the port stays), and waits for the poll n8n runs while activating each workflow: a query
	 * matching each of `activationQueries` (by default, any query).
	 */
	async start(
		instance: N8nInstance,
		client?: N8nRestClient,
		activationQueries: RegExp[] = [/./],
	): Promise<N8nRestClient> {
		const startedAt = Date.now();
		await instance.start();
		const rest = client ?? new N8nRestClient(instance.url);
		await rest.signInAsOwner();
		this.note(
			`n8n started on ${instance.url} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
		);
		for (const matching of activationQueries)
			await this.waitForPoll(`activation poll (${matching.source})`, startedAt, 60_000, matching);
		return rest;
	}

	/** The org's query requests (each poll makes at least one) after `since`, whose SOQL matches. */
	queriesSince(since: number, matching: RegExp = /./): number {
		return this.t.org.counters.log.filter(
			(e) => e.kind === 'query' && e.at > since && matching.test(decodeURIComponent(e.path)),
		).length;
	}

	async waitForPoll(
		what: string,
		since: number,
		timeoutMs: number,
		matching: RegExp = /./,
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (this.queriesSince(since, matching) === 0) {
			if (Date.now() > deadline)
				throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 500));
		}
		this.note(`${what}: the org got a query`);
	}

	/** Reads the executions of each watched workflow until `done`, noting each new one. */
	async waitFor(
		watched: Watched[],
		what: string,
		done: () => boolean,
		timeoutMs: number,
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			for (const w of watched) {
				const { fresh } = await w.executions.collect();
				for (const e of fresh) {
					const names = (e.items[w.trigger] ?? []).map(w.nameOf);
					this.note(
						`${w.trigger}: execution ${e.id} (${e.mode ?? '?'}, ${e.status}, started ${e.startedAt ?? '?'}): ${names.join(', ') || 'no items'}${e.error ? `; error: ${e.error}` : ''}`,
					);
				}
			}
			if (done()) {
				this.note(`${what}: done`);
				return;
			}
			if (Date.now() > deadline)
				throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 3000));
		}
	}

	/**
	 * After the last emission: one more poll of each workflow (a query matching each of `polls`), and
	 * then no execution running and none failed, in any watched workflow (so nothing else comes).
	 */
	async expectSettled(watched: Watched[], polls: RegExp[] = [/./]): Promise<void> {
		const since = Date.now();
		for (const matching of polls)
			await this.waitForPoll(
				`one more poll (${matching.source})`,
				since,
				ONE_POLL_MS + 30_000,
				matching,
			);
		await new Promise((r) => setTimeout(r, 5000));
		for (const w of watched) {
			const { all } = await w.executions.collect();
			expect(all.filter((e) => !WorkflowExecutions.isFinished(e.status)).map((e) => e.id)).toEqual(
				[],
			);
			expect(
				[...w.executions.read.values()]
					.filter((e) => e.status !== 'success' || e.error)
					.map((e) => `${e.id}: ${e.status} ${e.error ?? ''}`),
			).toEqual([]);
		}
	}

	/** The failure message: what happened, the org's recent queries and n8n's log. */
	diagnosed(error: unknown, instance: N8nInstance): Error {
		const message = error instanceof Error ? error.message : String(error);
		const polls = this.t.org.counters.log
			.filter((e) => e.kind === 'query')
			.map(
				(e) =>
					`  ${new Date(e.at).toISOString()} ${e.status} ${e.method} ${decodeURIComponent(e.path).slice(0, 160)}`,
			);
		return new Error(
			`${message}\n\nTimeline:\n${this.timeline.join('\n')}\n\nThe org's queries:\n${polls.slice(-30).join('\n')}\n\nn8n's log (tail):\n${instance.tail(80)}`,
		);
	}

	async dispose(): Promise<void> {
		for (const n8n of this.instances) await n8n.dispose();
	}
}

/** Counts items by name: `{ name: times }`. */
export function countByName(
	items: Array<{ json: Record<string, unknown> }>,
	nameOf: (item: Record<string, unknown>) => string,
): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { json } of items) counts[nameOf(json)] = (counts[nameOf(json)] ?? 0) + 1;
	return counts;
}
