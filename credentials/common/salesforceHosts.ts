import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

// Where a credential logs in: Salesforce's production or sandbox login servers, or the org's
// own My Domain. Shared by the three credential types.

export const PRODUCTION_LOGIN_URL = 'https://login.salesforce.com';
export const SANDBOX_LOGIN_URL = 'https://test.salesforce.com';

/** The API version a credential uses unless the user sets another (Summer '25). */
export const DEFAULT_API_VERSION = '64.0';

export const environmentProperty: INodeProperties = {
	displayName: 'Environment',
	name: 'environment',
	type: 'options',
	options: [
		{ name: 'Production', value: 'production', description: 'Log in at login.salesforce.com' },
		{ name: 'Sandbox', value: 'sandbox', description: 'Log in at test.salesforce.com' },
		{
			name: 'My Domain',
			value: 'myDomain',
			description: "Log in at your org's own My Domain address",
		},
	],
	default: 'production',
	description:
		'Which Salesforce login server to use. Pick My Domain if your org requires it, or for a sandbox with its own domain.',
};

export const myDomainUrlProperty: INodeProperties = {
	displayName: 'My Domain URL',
	name: 'myDomainUrl',
	type: 'string',
	default: '',
	placeholder: 'https://yourcompany.my.salesforce.com',
	description: "Your org's My Domain address, as shown in Salesforce Setup > My Domain",
	displayOptions: { show: { environment: ['myDomain'] } },
};

/** The package's icon, for each credential type (paths relative to dist/credentials/). */
export const credentialIcon = {
	light: 'file:../icons/salesforce-service-cloud.svg',
	dark: 'file:../icons/salesforce-service-cloud.dark.svg',
} as const;

export const consumerKeyProperty: INodeProperties = {
	displayName: 'Consumer Key',
	name: 'clientId',
	type: 'string',
	default: '',
	required: true,
	description: 'The Consumer Key (client ID) of the connected app or External Client App',
};

export const consumerSecretProperty: INodeProperties = {
	displayName: 'Consumer Secret',
	name: 'clientSecret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	description: 'The Consumer Secret (client secret) of the app',
};

export const apiVersionProperty: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'string',
	default: DEFAULT_API_VERSION,
	placeholder: DEFAULT_API_VERSION,
	description:
		'The Salesforce REST API version to call, such as 64.0. Change it only if your org needs another one.',
};

/** `https://x.my.salesforce.com/` -> `https://x.my.salesforce.com`; adds https:// when it is missing. */
export function normalizeUrl(value: string): string {
	const trimmed = value.trim().replace(/\/+$/, '');
	if (trimmed === '') return '';
	return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** The login server of a credential: My Domain when chosen, else production or sandbox. */
export function loginUrlOf(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'myDomain') {
		const url = normalizeUrl(String(credentials.myDomainUrl ?? ''));
		if (url === '')
			throw new Error(
				"My Domain URL is empty: enter your org's My Domain address (Setup > My Domain), or pick Production or Sandbox as the environment.",
			);
		assertUrl(url, 'My Domain URL');
		return url;
	}
	return credentials.environment === 'sandbox' ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
}

/** True for Salesforce's shared login servers, where the client credentials flow is not offered. */
export function isSharedLoginHost(url: string): boolean {
	const host = new URL(url).hostname.toLowerCase();
	return host === 'login.salesforce.com' || host === 'test.salesforce.com';
}

export function assertUrl(url: string, fieldName: string): void {
	if (!URL.canParse(url))
		throw new Error(
			`${fieldName} is not a web address: enter it like https://yourcompany.my.salesforce.com`,
		);
}

/** The API version setting, checked: `64.0`, also accepted as `64` or `v64.0`. */
export function apiVersionOf(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.apiVersion ?? '').trim() || DEFAULT_API_VERSION;
	const m = /^v?(\d{2,3})(?:\.0)?$/i.exec(raw);
	if (!m)
		throw new Error(
			`API Version "${raw}" is not a Salesforce API version: enter a number such as ${DEFAULT_API_VERSION}`,
		);
	return `${m[1]}.0`;
}
