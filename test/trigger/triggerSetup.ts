import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloudJwtApi } from '../../credentials/SalesforceServiceCloudJwtApi.credentials';
import { SalesforceServiceCloudOAuth2Api } from '../../credentials/SalesforceServiceCloudOAuth2Api.credentials';
import { SalesforceServiceCloudTrigger } from '../../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import type { ActivePoll, PollOutcome } from '../n8n/poll';
import type { TestOrg } from '../sandbox-org/testing';

/** The trigger activated in n8n (n8n-core's polling path) against the test org, with these parameters. */
export async function activateTrigger(
	t: TestOrg,
	parameters: INodeParameters = {},
	staticData?: IDataObject,
): Promise<ActivePoll> {
	const trigger = new SalesforceServiceCloudTrigger();
	const harness = new N8nHarness({
		credentials: [
			new SalesforceServiceCloudOAuth2Api(),
			new SalesforceServiceCloudJwtApi(),
			new SalesforceServiceCloudClientCredentialsApi(),
		],
		nodes: [trigger],
	});
	const { credentials } = await saveCredential(harness, t, 'clientCredentials');
	return harness.activatePoll({
		type: trigger,
		parameters: { authentication: 'clientCredentials', ...parameters },
		credentials,
		staticData,
	});
}

/** The items a poll handed to n8n (none when it returned null); its error thrown. */
export function emittedJson(outcome: PollOutcome): IDataObject[] {
	if (outcome.error) throw outcome.error;
	return (outcome.emitted?.[0] ?? []).map((i) => i.json);
}
