import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { restApiTest } from './common/credentialTest';
import {
	apiVersionProperty,
	assertUrl,
	consumerKeyProperty,
	consumerSecretProperty,
	credentialIcon,
	isSharedLoginHost,
	normalizeUrl,
} from './common/salesforceHosts';
import { requestSession, type CachedSession } from './common/sessionRequest';
import { sessionProperties, useCachedSession } from './common/sessionCache';

export class SalesforceServiceCloudClientCredentialsApi implements ICredentialType {
	name = 'salesforceServiceCloudClientCredentialsApi';

	displayName = 'Salesforce Service Cloud Client Credentials API';

	documentationUrl =
		'https://github.com/n8n-nodes-salesforce-service-cloud/n8n-nodes-salesforce-service-cloud#client-credentials';

	icon = credentialIcon;

	properties: INodeProperties[] = [
		{
			displayName: 'My Domain URL',
			name: 'myDomainUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://yourcompany.my.salesforce.com',
			description:
				"Your org's My Domain address (Setup > My Domain). Salesforce offers the client credentials flow only there, not on login.salesforce.com or test.salesforce.com.",
		},
		consumerKeyProperty,
		consumerSecretProperty,
		apiVersionProperty,
		...sessionProperties,
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<CachedSession> {
		const loginUrl = normalizeUrl(String(credentials.myDomainUrl ?? ''));
		if (loginUrl === '')
			throw new Error(
				"My Domain URL is empty: enter your org's My Domain address (Setup > My Domain).",
			);
		assertUrl(loginUrl, 'My Domain URL');
		if (isSharedLoginHost(loginUrl)) {
			throw new Error(
				`My Domain URL is ${new URL(loginUrl).hostname}, a shared login server: Salesforce offers the client credentials flow only on your org's own My Domain address, such as https://yourcompany.my.salesforce.com (Setup > My Domain).`,
			);
		}
		const clientId = String(credentials.clientId ?? '').trim();
		const clientSecret = String(credentials.clientSecret ?? '').trim();
		if (!clientId || !clientSecret)
			throw new Error(
				'Consumer Key and Consumer Secret are both needed: copy them from the app (App Manager > the app > View > Manage Consumer Details).',
			);
		return requestSession(
			this.helpers,
			{ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
			{ flow: 'clientCredentials', loginUrl },
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return useCachedSession(credentials, requestOptions);
	}

	test: ICredentialTestRequest = restApiTest();
}
