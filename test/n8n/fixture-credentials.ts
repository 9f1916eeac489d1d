import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

// Test-only credential types for the harness's own tests. The package's real credentials live in
// credentials/; these only exercise what n8n does with such types.

const OAUTH2_CHILD_PROPERTIES: ICredentialType['properties'] = [
	{ displayName: 'Instance URL', name: 'instanceUrl', type: 'string', default: '' },
	{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
	{
		displayName: 'Authorization URL',
		name: 'authUrl',
		type: 'hidden',
		default: '={{ $self["instanceUrl"] }}/services/oauth2/authorize',
	},
	{
		displayName: 'Access Token URL',
		name: 'accessTokenUrl',
		type: 'hidden',
		default: '={{ $self["instanceUrl"] }}/services/oauth2/token',
	},
	{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'api refresh_token' },
	{
		displayName: 'Auth URI Query Parameters',
		name: 'authQueryParameters',
		type: 'hidden',
		default: '',
	},
	{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
];

/** An `oAuth2Api` child, as ours will be: endpoints follow an instance URL field (an expression on `$self`). */
export class SandboxOAuth2Api implements ICredentialType {
	name = 'sandboxOAuth2Api';
	displayName = 'Sandbox OAuth2 API (harness test)';
	extends = ['oAuth2Api'];
	properties = OAUTH2_CHILD_PROPERTIES;
	test: ICredentialType['test'] = {
		request: { baseURL: '={{ $credentials.instanceUrl }}', url: '/services/oauth2/userinfo' },
	};
}

/**
 * The same, declaring which statuses mean "token expired" (n8n-core reads `tokenExpiredStatusCode`
 * from the credential data; `oAuth2Api`'s own property is `doNotInherit`, so a child declares it).
 * Salesforce's userinfo endpoint answers 403 (not 401) to an ended session.
 */
export class SandboxOAuth2RefreshOn403Api extends SandboxOAuth2Api {
	name = 'sandboxOAuth2RefreshOn403Api';
	displayName = 'Sandbox OAuth2 API refreshing on 403 (harness test)';
	properties: ICredentialType['properties'] = [
		...OAUTH2_CHILD_PROPERTIES,
		{
			displayName: 'Token Expired Status Code',
			name: 'tokenExpiredStatusCode',
			type: 'hidden',
			default: [401, 403],
		},
	];
}

/**
 * A generic credential with a session cached in an expirable hidden property, renewed by
 * `preAuthentication` (client credentials grant), as our JWT and client-credentials types will.
 */
export class SandboxClientCredentialsApi implements ICredentialType {
	name = 'sandboxClientCredentialsApi';
	displayName = 'Sandbox Client Credentials API (harness test)';
	properties: ICredentialType['properties'] = [
		{ displayName: 'My Domain URL', name: 'myDomainUrl', type: 'string', default: '' },
		{ displayName: 'Consumer Key', name: 'clientId', type: 'string', default: '' },
		{
			displayName: 'Consumer Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{ displayName: 'Instance URL', name: 'instanceUrl', type: 'hidden', default: '' },
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${String(credentials.myDomainUrl)}/services/oauth2/token`,
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: String(credentials.clientId),
				client_secret: String(credentials.clientSecret),
			}).toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			json: true,
		})) as { access_token: string; instance_url: string };
		return { sessionToken: response.access_token, instanceUrl: response.instance_url };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL ?? String(credentials.instanceUrl),
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.sessionToken)}`,
			},
		};
	}

	test: ICredentialType['test'] = {
		request: { baseURL: '={{ $credentials.myDomainUrl }}', url: '/services/data/v62.0/limits' },
		rules: [
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The org has spent its daily API allowance' },
			},
		],
	};
}

/** A plain access token sent by a generic `authenticate` object (an expression on `$credentials`). */
export class SandboxBearerApi implements ICredentialType {
	name = 'sandboxBearerApi';
	displayName = 'Sandbox Bearer Token (harness test)';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Instance URL', name: 'instanceUrl', type: 'string', default: '' },
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};
}

/** The same credential without its own `test`: the node tests it with `methods.credentialTest`. */
export class SandboxNodeTestedApi extends SandboxClientCredentialsApi {
	name = 'sandboxNodeTestedApi';
	displayName = 'Sandbox credential tested by the node (harness test)';
	test = undefined;
}
