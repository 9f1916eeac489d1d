import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, WorkflowActivateMode } from 'n8n-workflow';
import { Workflow, WorkflowActivationError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { TestCredentialsHelper } from './credentials-helper';
import { prepareN8nEnvironment } from './environment';
import { plainStaticData } from './execute-node';
import type { TestNodeTypes } from './node-types';
import type { NodeSpec } from './workflow-node';
import { workflowNode } from './workflow-node';

export interface ActivePollOptions extends NodeSpec {
	/** The workflow's static data as stored before activation (what a previous n8n process saved). */
	staticData?: IDataObject;
}

export interface PollOutcome {
	/** What `poll()` handed to n8n (n8n then starts an execution with it), or null when it returned null. */
	emitted: INodeExecutionData[][] | null;
	/**
	 * An error `poll()` threw: n8n records a failed execution and polls again next time. In the poll
	 * n8n runs while activating the workflow, n8n refuses the activation and shows the error to the
	 * user (`WorkflowActivationError`, "There was a problem activating the workflow: ...").
	 */
	error: Error | undefined;
	/** The activation poll failed: the workflow is not active (the next `poll()` is the activation again). */
	activationFailed?: boolean;
}

/**
 * A workflow with a polling trigger, activated in n8n. Like n8n's ActiveWorkflowManager it keeps
 * ONE `Workflow` object in memory between polls, and each poll runs through n8n-core's
 * `PollTriggerExecutor` with a `PollContext` (mode 'trigger'). Static data reaches the "database"
 * (`storedStaticData`) only when n8n saves it (`WorkflowStaticDataService.saveStaticData`, which
 * writes only when the data changed): when `poll()` emits items, and after the first poll of an
 * activation (n8n's `ActiveWorkflowManager.add()` runs one poll at once, then saves). Any later
 * poll that returns null leaves its changes in memory only. `restart()` is n8n restarting: the
 * in-memory workflow is dropped and rebuilt from what was saved, and activated again.
 */
export class ActivePoll {
	private workflow!: Workflow;
	private node!: INode;
	private stored: IDataObject;
	private activation: WorkflowActivateMode = 'activate';
	/** The next poll is the one n8n runs while activating the workflow (set by `load`). */
	private activating!: boolean;

	constructor(
		private readonly nodeTypes: TestNodeTypes,
		private readonly credentialsHelper: TestCredentialsHelper,
		private readonly options: ActivePollOptions,
	) {
		this.stored = structuredClone(options.staticData ?? {});
		this.load();
	}

	/** The static data as saved to the database. */
	get storedStaticData(): IDataObject {
		return structuredClone(this.stored);
	}

	/** The static data as the running n8n holds it in memory. */
	get memoryStaticData(): IDataObject {
		return plainStaticData(this.workflow.staticData);
	}

	/** n8n restarts: the workflow is activated again ('init') from the saved static data. */
	restart(): void {
		this.activation = 'init';
		this.load();
	}

	/** One scheduled poll; the first of an activation runs as n8n's `ActiveWorkflowTriggers` runs it. */
	async poll(): Promise<PollOutcome> {
		const outcome = await this.run('trigger', this.activation, this.activating);
		if (this.activating && !outcome.activationFailed) {
			this.activating = false;
			this.save(this.workflow);
		}
		return outcome;
	}

	/**
	 * The editor's "Fetch test event": the same poll in 'manual' mode. n8n does not save static data
	 * from a manual run; `memoryStaticData` shows whether the node touched it anyway.
	 */
	async fetchTestEvent(): Promise<PollOutcome> {
		return this.run('manual', 'manual');
	}

	private async run(
		mode: 'trigger' | 'manual',
		activation: WorkflowActivateMode,
		activating = false,
	): Promise<PollOutcome> {
		await prepareN8nEnvironment();
		const outcome: PollOutcome = { emitted: null, error: undefined };
		const workflow = this.workflow;
		const additionalData = createAdditionalData(this.credentialsHelper, {
			workflowId: workflow.id,
		});
		const context = new PollContext(
			workflow,
			this.node,
			additionalData,
			mode,
			activation,
			(data) => {
				// n8n: `void this.workflowStaticDataService.saveStaticData(workflow)`, then the execution starts.
				if (mode === 'trigger') this.save(workflow);
				outcome.emitted = data;
			},
			(error) => {
				outcome.error = error;
			},
		);
		try {
			// n8n's `activatePollTrigger` runs the first poll with `testingTrigger` on, so that an error is thrown, not emitted.
			await Container.get(PollTriggerExecutor).create(
				workflow,
				this.node,
				context,
				() => workflow === this.workflow,
			)(activating);
		} catch (e) {
			const error = e instanceof Error ? e : new Error(String(e));
			outcome.error = new WorkflowActivationError(
				`There was a problem activating the workflow: "${error.message}"`,
				{ cause: error, node: this.node },
			);
			outcome.activationFailed = true;
		}
		return outcome;
	}

	private save(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true) return;
		this.stored = plainStaticData(workflow.staticData);
		workflow.staticData.__dataChanged = false;
	}

	private load(): void {
		this.activating = true;
		this.node = workflowNode(this.nodeTypes, this.options);
		this.workflow = new Workflow({
			id: 'test-workflow',
			name: 'Test workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: structuredClone(this.stored),
			settings: { executionOrder: 'v1' },
		});
		this.node = this.workflow.getNode(this.node.name) ?? this.node;
	}
}
