import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { parsePrivateKey, signAssertion } from './common/jwtAssertion';
import { restApiTest } from './common/credentialTest';
import {
	apiVersionProperty,
	consumerKeyProperty,
	credentialIcon,
	environmentProperty,
	loginUrlOf,
	myDomainUrlProperty,
	normalizeUrl,
} from './common/salesforceHosts';
import { requestSession, type CachedSession } from './common/sessionRequest';
import { sessionProperties, useCachedSession } from './common/sessionCache';

export class SalesforceServiceCloudJwtApi implements ICredentialType {
	name = 'salesforceServiceCloudJwtApi';

	displayName = 'Salesforce Service Cloud JWT API';

	documentationUrl =
		'https://github.com/n8n-nodes-salesforce-service-cloud/n8n-nodes-salesforce-service-cloud#jwt-bearer-certificate';

	icon = credentialIcon;

	properties: INodeProperties[] = [
		environmentProperty,
		myDomainUrlProperty,
		consumerKeyProperty,
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'integration@yourcompany.com',
			description:
				'The Salesforce username n8n works as. The user must be pre-authorized for the app.',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			required: true,
			description:
				'The private key that belongs to the certificate uploaded to the app, in PEM format: from "-----BEGIN PRIVATE KEY-----" (or "-----BEGIN RSA PRIVATE KEY-----") to its END line',
		},
		{
			displayName: 'Audience',
			name: 'audience',
			type: 'string',
			default: '',
			placeholder: 'https://login.salesforce.com',
			description:
				"Leave empty to use the login server of the environment. Orgs that require it (Spring '26 and later) take their My Domain URL here.",
		},
		apiVersionProperty,
		...sessionProperties,
	];

	/** Runs only when the cached session is empty or has ended: one token request per session. */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<CachedSession> {
		const key = parsePrivateKey(String(credentials.privateKey ?? ''));
		const loginUrl = loginUrlOf(credentials);
		const username = String(credentials.username ?? '').trim();
		const consumerKey = String(credentials.clientId ?? '').trim();
		if (!username)
			throw new Error('Username is empty: enter the Salesforce username n8n should work as.');
		if (!consumerKey)
			throw new Error(
				'Consumer Key is empty: copy it from the connected app (App Manager > the app > View > Manage Consumer Details).',
			);
		const aud = normalizeUrl(String(credentials.audience ?? '')) || loginUrl;
		const assertion = signAssertion({ iss: consumerKey, sub: username, aud }, key);
		return requestSession(
			this.helpers,
			{ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion },
			{ flow: 'jwt', loginUrl, username },
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
