import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { TestCredentialsHelper } from './credentials-helper';
import { prepareN8nEnvironment } from './environment';
import type { TestNodeTypes } from './node-types';
import type { NodeSpec } from './workflow-node';
import { workflowNode } from './workflow-node';

export interface ExecuteOptions extends NodeSpec {
	/** The items on the node's input (default: one empty item, as after a manual trigger). */
	input?: INodeExecutionData[];
	/** 'trigger' for a production run (the default, as a run started by our trigger), 'manual' for the editor. */
	mode?: WorkflowExecuteMode;
	/** The workflow's static data before the run (not persisted by this function). */
	staticData?: IDataObject;
}

export interface NodeRun {
	/** The node's output per output index, or undefined when it failed. */
	output: INodeExecutionData[][] | undefined;
	/**
	 * The error as n8n recorded it for the node: n8n-core stores a plain copy (`{...error, message,
	 * stack}`: own enumerable fields such as `name`, `description`, `httpCode`, `context`; no class,
	 * no `cause`). This is what the execution log and the UI show.
	 */
	error: ExecutionBaseError | undefined;
	/** The error exactly as the node's `execute()` threw it (class, `cause` and all), if it threw. */
	thrown: unknown;
	/** The whole run as n8n-core returns it. */
	run: IRun;
	/** The static data after the run. */
	staticData: IDataObject;
	/** Whether the run changed the static data: n8n saves it after the execution only then. */
	staticDataChanged: boolean;
}

let executionCounter = 0;

/**
 * Runs one node through n8n-core's `WorkflowExecute`, as the first node after the trigger in a
 * one-node workflow: the node gets `input` on its main input, an `ExecuteContext` built by the
 * engine, and the engine's handling of errors, `continueOnFail`, `onError`, retries and paired
 * items. This is how n8n runs a node (NodeTestHarness in n8n's repo does the same).
 */
export async function executeNode(
	nodeTypes: TestNodeTypes,
	credentialsHelper: TestCredentialsHelper,
	options: ExecuteOptions,
): Promise<NodeRun> {
	await prepareN8nEnvironment();
	const node = workflowNode(nodeTypes, options);
	let thrown: unknown;
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: capturing(nodeTypes, (error) => (thrown = error)),
		staticData: structuredClone(options.staticData ?? {}),
		settings: { executionOrder: 'v1' },
	});
	const mode = options.mode ?? 'trigger';
	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflow.id,
		name: workflow.name ?? '',
		nodes: [node],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const additionalData = createAdditionalData(credentialsHelper, {
		hooks,
		executionId,
		workflowId: workflow.id,
	});
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode(node.name) ?? node,
					data: { main: [options.input ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		output: taskData?.error
			? undefined
			: (taskData?.data?.main as INodeExecutionData[][] | undefined),
		error: taskData?.error ?? run.data.resultData.error,
		thrown,
		run,
		staticData: plainStaticData(workflow.staticData),
		staticDataChanged: workflow.staticData.__dataChanged === true,
	};
}

/** The node types, with each `execute()` reporting what it throws before n8n-core copies it. */
function capturing(nodeTypes: TestNodeTypes, onThrow: (error: unknown) => void): INodeTypes {
	return {
		getByName: (name) => nodeTypes.getByName(name),
		getKnownTypes: () => nodeTypes.getKnownTypes(),
		getByNameAndVersion(name, version): INodeType {
			const type = nodeTypes.getByNameAndVersion(name, version);
			const { execute } = type;
			if (!execute) return type;
			const wrapped: INodeType['execute'] = async function (this: IExecuteFunctions) {
				try {
					return await execute.call(this);
				} catch (error) {
					onThrow(error);
					throw error;
				}
			};
			return Object.create(type, { execute: { value: wrapped } }) as INodeType;
		},
	};
}

/** The static data as n8n would save it (JSON, without the change marker). */
export function plainStaticData(staticData: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	delete copy.__dataChanged;
	return copy;
}
