import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloudTrigger } from '../../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';

// The trigger's Fields go through the same path check as the action node's field lists.

describe("the trigger's Fields", () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
	});
	afterAll(async () => {
		await t.close();
	});

	const activate = async (fields: string | string[]) => {
		const trigger = new SalesforceServiceCloudTrigger();
		const harness = new N8nHarness({
			credentials: [new SalesforceServiceCloudClientCredentialsApi()],
			nodes: [trigger],
		});
		const { credentials } = await saveCredential(harness, t, 'clientCredentials');
		return harness.activatePoll({
			type: trigger,
			parameters: { authentication: 'clientCredentials', fields },
			credentials,
		});
	};

	it('refuses a subquery and a wrong parent field at the first poll, naming the parameter; takes a comma-separated string', async () => {
		const queries = t.org.counters.apiCallsByKind.query;
		const subquery = await (
			await activate(['CaseNumber', 'Id, (SELECT Id, Subject FROM Tasks)'])
		).poll();
		expect(subquery.error?.message).toMatch(
			/Fields: "Id, \(SELECT Id, Subject FROM Tasks\)" is not a field name/,
		);
		const parent = await (await activate(['Owner.Nmae'])).poll();
		expect(parent.error?.message).toMatch(/Fields: .*no field "Nmae"/);
		expect(t.org.counters.apiCallsByKind.query).toBe(queries);
		const ok = await (await activate('CaseNumber, Owner.Name')).poll();
		expect(ok.error).toBeUndefined();
	});
});
