import type { INodeProperties } from 'n8n-workflow';

/** The three credential types every Salesforce Service Cloud node accepts. */
export const CREDENTIAL_TYPES = {
	oAuth2: 'salesforceServiceCloudOAuth2Api',
	jwt: 'salesforceServiceCloudJwtApi',
	clientCredentials: 'salesforceServiceCloudClientCredentialsApi',
} as const;

export type Authentication = keyof typeof CREDENTIAL_TYPES;

/** The node parameter that picks which credential the node shows and uses. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (Log in with Salesforce)', value: 'oAuth2' },
		{ name: 'JWT Bearer (Certificate)', value: 'jwt' },
		{ name: 'Client Credentials', value: 'clientCredentials' },
	],
	default: 'oAuth2',
};

/** The `credentials` entry of a node description: each type shown for its authentication choice. */
export const nodeCredentials = (Object.keys(CREDENTIAL_TYPES) as Authentication[]).map((authentication) => ({
	name: CREDENTIAL_TYPES[authentication],
	required: true,
	displayOptions: { show: { authentication: [authentication] } },
}));
