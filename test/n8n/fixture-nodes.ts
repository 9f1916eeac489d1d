import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

// Test-only nodes for the harness's own tests, using the credentials of ./fixture-credentials.ts.

const LIMITS_PATH = '/services/data/v62.0/limits';

/** A tiny node calling `limits` through `httpRequestWithAuthentication`, as our nodes will. */
export class HarnessProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Probe',
		name: 'harnessProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls the org through n8n (harness test only)',
		defaults: { name: 'Harness Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sandboxOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'sandboxClientCredentialsApi',
				required: true,
				displayOptions: { show: { authentication: ['clientCredentials'] } },
			},
			{
				name: 'sandboxNodeTestedApi',
				required: true,
				testedBy: 'sandboxSessionTest',
				displayOptions: { show: { authentication: ['nodeTested'] } },
			},
			{
				name: 'sandboxBearerApi',
				required: true,
				displayOptions: { show: { authentication: ['bearer'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2', value: 'oAuth2' },
					{ name: 'Client Credentials', value: 'clientCredentials' },
					{ name: 'Node Tested', value: 'nodeTested' },
					{ name: 'Bearer (Generic Authenticate)', value: 'bearer' },
				],
				default: 'oAuth2',
			},
			{ displayName: 'Concurrent Calls', name: 'concurrentCalls', type: 'number', default: 1 },
			{
				displayName: 'Limit',
				name: 'limitName',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLimitNames' },
				default: 'DailyApiRequests',
			},
		],
	};

	methods = {
		loadOptions: {
			async getLimitNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const limits = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'sandboxClientCredentialsApi',
					{ method: 'GET', url: LIMITS_PATH, json: true },
				)) as IDataObject;
				return Object.keys(limits).map((name) => ({ name, value: name }));
			},
		},
		listSearch: {
			async searchLimits(
				this: ILoadOptionsFunctions,
				filter?: string,
			): Promise<INodeListSearchResult> {
				const limits = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'sandboxClientCredentialsApi',
					{ method: 'GET', url: LIMITS_PATH, json: true },
				)) as IDataObject;
				const names = Object.keys(limits).filter(
					(name) => !filter || name.toLowerCase().includes(filter.toLowerCase()),
				);
				return { results: names.map((name) => ({ name, value: name })) };
			},
		},
		resourceMapping: {
			async getLimitFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
				const current = this.getCurrentNodeParameter('limitName') as string;
				return {
					fields: ['Max', 'Remaining', 'Max'].map((id) => ({
						id,
						displayName: `${current} ${id}`,
						required: false,
						defaultMatch: false,
						display: true,
						type: 'number',
					})),
				};
			},
		},
		credentialTest: {
			async sandboxSessionTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = credential.data ?? {};
				try {
					await this.helpers.request({
						method: 'POST',
						uri: `${String(data.myDomainUrl)}/services/oauth2/token`,
						form: {
							grant_type: 'client_credentials',
							client_id: data.clientId,
							client_secret: data.clientSecret,
						},
						json: true,
					});
				} catch (error) {
					const body = (error as { error?: { error_description?: string } }).error;
					return {
						status: 'Error',
						message: `Salesforce refused the login: ${body?.error_description ?? 'unknown error'}`,
					};
				}
				return { status: 'OK', message: 'Connection successful!' };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const authentication = this.getNodeParameter('authentication', i) as string;
			const limit = this.getNodeParameter('limitName', i) as string;
			const concurrentCalls = this.getNodeParameter('concurrentCalls', i) as number;
			const call = async (): Promise<IDataObject> => {
				if (authentication === 'oAuth2') {
					// The instance URL as n8n-core keeps it in the stored token data.
					const credentials = await this.getCredentials<{
						oauthTokenData?: { instance_url?: string };
					}>('sandboxOAuth2Api');
					const instanceUrl = credentials.oauthTokenData?.instance_url;
					return (await this.helpers.httpRequestWithAuthentication.call(this, 'sandboxOAuth2Api', {
						method: 'GET',
						url: `${String(instanceUrl)}${LIMITS_PATH}`,
						json: true,
					})) as IDataObject;
				}
				if (authentication === 'bearer') {
					const { instanceUrl } = await this.getCredentials<{ instanceUrl: string }>(
						'sandboxBearerApi',
					);
					return (await this.helpers.httpRequestWithAuthentication.call(this, 'sandboxBearerApi', {
						method: 'GET',
						url: `${instanceUrl}${LIMITS_PATH}`,
						json: true,
					})) as IDataObject;
				}
				// The session's instance URL is set as baseURL by the credential's authenticate().
				return (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'sandboxClientCredentialsApi',
					{ method: 'GET', url: LIMITS_PATH, json: true },
				)) as IDataObject;
			};
			const results = await Promise.all(Array.from({ length: concurrentCalls }, call));
			const limits = results[0];
			out.push({ json: { limit, value: limits[limit] as IDataObject }, pairedItem: { item: i } });
		}
		return [out];
	}
}

/**
 * A tiny polling trigger: counts its polls in the node's static data and emits on every second
 * poll, with the org's remaining API allowance (read through the credential, as a trigger does).
 */
export class HarnessPoller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Poller',
		name: 'harnessPoller',
		group: ['trigger'],
		version: 1,
		description: 'Polls the org (harness test only)',
		defaults: { name: 'Harness Poller' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sandboxClientCredentialsApi', required: true }],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node');
		state.polls = ((state.polls as number | undefined) ?? 0) + 1;
		const limits = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'sandboxClientCredentialsApi',
			{ method: 'GET', url: LIMITS_PATH, json: true },
		)) as IDataObject;
		if ((state.polls as number) % 2 === 1 && this.getMode() !== 'manual') return null;
		return [
			[
				{
					json: {
						polls: state.polls,
						mode: this.getMode(),
						remaining: (limits.DailyApiRequests as IDataObject).Remaining,
					},
				},
			],
		];
	}
}
