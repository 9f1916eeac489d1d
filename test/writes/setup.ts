import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloudJwtApi } from '../../credentials/SalesforceServiceCloudJwtApi.credentials';
import { SalesforceServiceCloudOAuth2Api } from '../../credentials/SalesforceServiceCloudOAuth2Api.credentials';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import type { NodeSpec } from '../n8n/workflow-node';
import type { TestOrg } from '../sandbox-org/testing';
import { SalesforceWriter } from './writer.node';

const writer = new SalesforceWriter();

/** Runs the writer node through n8n's engine against the org, with a client credentials session. */
export async function runWriter(
	t: TestOrg,
	parameters: INodeParameters,
	records: IDataObject[],
	settings: NodeSpec['settings'] = {},
) {
	const n8n = new N8nHarness({
		credentials: [
			new SalesforceServiceCloudOAuth2Api(),
			new SalesforceServiceCloudJwtApi(),
			new SalesforceServiceCloudClientCredentialsApi(),
		],
		nodes: [writer],
	});
	const { credentials } = await saveCredential(n8n, t, 'clientCredentials');
	const input: INodeExecutionData[] = records.map((json) => ({ json }));
	const result = await n8n.execute({
		type: writer,
		parameters: { authentication: 'clientCredentials', ...parameters },
		credentials,
		input,
		settings,
	});
	return { ...result, items: result.output?.[0] ?? [] };
}
