import type {
	IDataObject,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import type { NodeRun } from '../n8n/execute-node';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';

/** A suite's sandbox org and n8n with the action node, started before its tests and stopped after them. */
export interface ActionSuite {
	node: SalesforceServiceCloud;
	t: TestOrg;
	harness: N8nHarness;
	credentials: INodeCredentials;
	/** Runs the node for the suite's resource over `input` items (one empty item by default). */
	run(
		parameters: INodeParameters,
		input?: IDataObject[],
		continueOnFail?: boolean,
	): Promise<NodeRun & { items: INodeExecutionData[] }>;
	/** Runs the node over whole input items (json and binary). */
	runItems(
		parameters: INodeParameters,
		input: INodeExecutionData[],
		continueOnFail?: boolean,
	): Promise<NodeRun & { items: INodeExecutionData[] }>;
}

/** Registers the suite's setup and teardown; `prepare` shapes the org (custom fields, ...) before n8n starts. */
export function actionSuite(resource: string, prepare?: (t: TestOrg) => void): ActionSuite {
	const suite = { node: new SalesforceServiceCloud() } as ActionSuite;
	beforeAll(async () => {
		suite.t = await startTestOrg();
		prepare?.(suite.t);
		suite.harness = new N8nHarness({
			credentials: [new SalesforceServiceCloudClientCredentialsApi()],
			nodes: [suite.node],
		});
		({ credentials: suite.credentials } = await saveCredential(
			suite.harness,
			suite.t,
			'clientCredentials',
		));
	});
	afterAll(async () => {
		await suite.t.close();
	});
	suite.run = async (parameters, input = [{}], continueOnFail = false) =>
		suite.runItems(
			parameters,
			input.map((json) => ({ json })),
			continueOnFail,
		);
	suite.runItems = async (parameters, input, continueOnFail = false) => {
		const result = await suite.harness.execute({
			type: suite.node,
			parameters: { authentication: 'clientCredentials', resource, ...parameters },
			credentials: suite.credentials,
			input,
			settings: continueOnFail ? { onError: 'continueRegularOutput' } : {},
		});
		return { ...result, items: (result.output?.[0] ?? []) as INodeExecutionData[] };
	};
	return suite;
}
