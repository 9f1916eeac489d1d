import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { restApiTest } from './common/credentialTest';
import {
	apiVersionProperty,
	consumerKeyProperty,
	consumerSecretProperty,
	credentialIcon,
	environmentProperty,
	myDomainUrlProperty,
} from './common/salesforceHosts';

/** The login server as an n8n expression over this credential's own fields (`$self`). */
const LOGIN_URL_EXPRESSION =
	'($self.environment === "myDomain" ? (/^https?:\\/\\//i.test($self.myDomainUrl.trim()) ? "" : "https://") + $self.myDomainUrl.trim().replace(/\\/+$/, "") : $self.environment === "sandbox" ? "https://test.salesforce.com" : "https://login.salesforce.com")';

export class SalesforceServiceCloudOAuth2Api implements ICredentialType {
	name = 'salesforceServiceCloudOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Salesforce Service Cloud OAuth2 API';

	documentationUrl =
		'https://github.com/n8n-nodes-salesforce-service-cloud/n8n-nodes-salesforce-service-cloud#oauth2-web-server-flow';

	icon = credentialIcon;

	properties: INodeProperties[] = [
		environmentProperty,
		myDomainUrlProperty,
		// Salesforce's names for n8n's Client ID and Client Secret.
		consumerKeyProperty,
		consumerSecretProperty,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'pkce' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${LOGIN_URL_EXPRESSION} + "/services/oauth2/authorize" }}`,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${LOGIN_URL_EXPRESSION} + "/services/oauth2/token" }}`,
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'api refresh_token',
			description:
				'Space-separated OAuth scopes. "api refresh_token" lets n8n call the REST API and stay connected; add more only if your flows need them.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		apiVersionProperty,
	];

	test: ICredentialTestRequest = restApiTest('={{$credentials.oauthTokenData.instance_url}}');
}
