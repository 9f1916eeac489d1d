import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { N8nInstance } from './n8n-instance';
import type { N8nRestClient } from './n8n-rest';

// A workflow's executions as n8n's editor reads them (`GET /rest/executions`, then each one's run
// data, which n8n stores `flatted`-stringified), with the items each node put out.

export interface ExecutionSummary {
	id: string;
	status: string;
	mode?: string;
	startedAt?: string;
	stoppedAt?: string | null;
}

export interface ReadExecution {
	id: string;
	status: string;
	mode?: string;
	startedAt?: string;
	/** The items of each node's first output in its first run, by node name. */
	items: Record<string, Array<Record<string, unknown>>>;
	/** The workflow's or a node's error message. */
	error?: string;
}

interface RunData {
	resultData: {
		error?: { message: string };
		runData: Record<
			string,
			Array<{
				error?: { message: string };
				data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
			}>
		>;
	};
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

export class WorkflowExecutions {
	/** Finished executions read so far, by id. */
	readonly read = new Map<string, ReadExecution>();
	private readonly flatted: { parse(text: string): unknown };

	constructor(
		n8n: N8nInstance,
		private readonly rest: N8nRestClient,
		private readonly workflowId: string,
	) {
		this.flatted = createRequire(join(n8n.installDir, 'node_modules', 'n8n', 'package.json'))(
			'flatted',
		) as { parse(text: string): unknown };
	}

	/** Reads the finished executions not read yet; returns them and the whole list (running ones too). */
	async collect(): Promise<{ fresh: ReadExecution[]; all: ExecutionSummary[] }> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: this.workflowId }));
		const list = await this.rest.ok<{ results: ExecutionSummary[] }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=100`,
		);
		const fresh: ReadExecution[] = [];
		for (const execution of [...list.results].reverse()) {
			if (this.read.has(execution.id) || !FINISHED.has(execution.status)) continue;
			const detail = await this.rest.ok<{ data: string }>(
				'GET',
				`/rest/executions/${execution.id}`,
			);
			const run = this.flatted.parse(detail.data) as RunData;
			const items: ReadExecution['items'] = {};
			let error = run.resultData.error?.message;
			for (const [node, runs] of Object.entries(run.resultData.runData)) {
				items[node] = (runs[0]?.data?.main[0] ?? []).map((i) => i.json);
				error ??= runs[0]?.error?.message;
			}
			const read: ReadExecution = {
				id: execution.id,
				status: execution.status,
				mode: execution.mode,
				startedAt: execution.startedAt,
				items,
				error,
			};
			this.read.set(execution.id, read);
			fresh.push(read);
		}
		return { fresh, all: list.results };
	}

	/** Every item `node` put out, across the executions read, with the execution it came in. */
	itemsOf(node: string): Array<{ executionId: string; json: Record<string, unknown> }> {
		return [...this.read.values()].flatMap((e) =>
			(e.items[node] ?? []).map((json) => ({ executionId: e.id, json })),
		);
	}

	static isFinished(status: string): boolean {
		return FINISHED.has(status);
	}
}

/**
 * "Fetch test event" as the editor runs it (a polling trigger runs once in manual mode; `n8n
 * execute` cannot start from a trigger): a manual run of the whole workflow from `trigger`
 * (`POST /rest/workflows/:id/run`), read back once it has finished.
 */
export async function runFromTrigger(
	n8n: N8nInstance,
	rest: N8nRestClient,
	workflowId: string,
	trigger: string,
	timeoutMs = 120_000,
): Promise<ReadExecution> {
	// n8n 1.x runs the workflow sent in the body; 2.x runs the stored one (and drops `workflowData`).
	const workflowData = await rest.ok<Record<string, unknown>>(
		'GET',
		`/rest/workflows/${workflowId}`,
	);
	const started = await rest.ok<{ executionId?: string; waitingForWebhook?: boolean }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{ workflowData, triggerToStartFrom: { name: trigger } },
	);
	if (!started.executionId)
		throw new Error(`n8n did not start a run of ${workflowId}: ${JSON.stringify(started)}`);
	const executions = new WorkflowExecutions(n8n, rest, workflowId);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await executions.collect();
		const run = executions.read.get(String(started.executionId));
		if (run) return run;
		if (Date.now() > deadline)
			throw new Error(
				`the manual run ${started.executionId} of ${workflowId} did not finish in time`,
			);
		await new Promise((r) => setTimeout(r, 1000));
	}
}
