import { Container } from '@n8n/di';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type { INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';

const INSTANCE_URL = 'http://localhost:5678/';

export interface AdditionalDataOptions {
	hooks?: ExecutionLifecycleHooks;
	executionId?: string;
	workflowId?: string;
	/** The node parameters the editor sends along with a load-options request. */
	currentNodeParameters?: INodeParameters;
}

/**
 * What the CLI's `WorkflowExecuteAdditionalData.getBase()` gives n8n-core: the credentials helper,
 * the instance URLs (a default local n8n), empty variables, n8n-core's external-secrets proxy with
 * no secrets manager behind it. Sub-workflows, task runners, AI agents
 * and runtime credentials are not available: calling them fails loudly.
 */
export function createAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	options: AdditionalDataOptions = {},
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not available in the n8n test harness`);
	};
	return {
		credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		workflowId: options.workflowId,
		userId: 'test-user',
		currentNodeParameters: options.currentNodeParameters,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${INSTANCE_URL}rest`,
		instanceBaseUrl: INSTANCE_URL,
		formBaseUrl: `${INSTANCE_URL}form`,
		formWaitingBaseUrl: `${INSTANCE_URL}form-waiting`,
		formTestBaseUrl: `${INSTANCE_URL}form-test`,
		webhookBaseUrl: `${INSTANCE_URL}webhook`,
		webhookWaitingBaseUrl: `${INSTANCE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${INSTANCE_URL}webhook-test`,
		mcpBaseUrl: `${INSTANCE_URL}mcp`,
		mcpTestBaseUrl: `${INSTANCE_URL}mcp-test`,
		variables: {},
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: unsupported('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: unsupported('A task runner'),
	};
}
