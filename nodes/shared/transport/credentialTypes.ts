import type { INodeProperties } from 'n8n-workflow';

/**
 * The three ways every Salesforce Service Cloud node signs in: the `authentication` parameter's value
 * (saved in workflows), its name in the editor, and the credential type it uses.
 */
const AUTHENTICATION_CHOICES = [
	{
		value: 'oAuth2',
		name: 'OAuth2 (Log in with Salesforce)',
		credentialType: 'salesforceServiceCloudOAuth2Api',
	},
	{
		value: 'jwt',
		name: 'JWT Bearer (Certificate)',
		credentialType: 'salesforceServiceCloudJwtApi',
	},
	{
		value: 'clientCredentials',
		name: 'Client Credentials',
		credentialType: 'salesforceServiceCloudClientCredentialsApi',
	},
] as const;

type AuthenticationChoice = (typeof AUTHENTICATION_CHOICES)[number];

export type Authentication = AuthenticationChoice['value'];

/** The credential type each authentication choice uses. */
export const CREDENTIAL_TYPES = Object.fromEntries(
	AUTHENTICATION_CHOICES.map(({ value, credentialType }) => [value, credentialType]),
) as {
	readonly [C in AuthenticationChoice as C['value']]: C['credentialType'];
};

/** The node parameter that picks which credential the node shows and uses. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: AUTHENTICATION_CHOICES.map(({ name, value }) => ({ name, value })),
	default: 'oAuth2',
};

/** The `credentials` entry of a node description: each type shown for its authentication choice. */
export const nodeCredentials = AUTHENTICATION_CHOICES.map(({ value, credentialType }) => ({
	name: credentialType,
	required: true,
	displayOptions: { show: { authentication: [value] } },
}));
