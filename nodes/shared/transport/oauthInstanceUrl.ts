import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { loginUrlOf } from '../../../credentials/common/salesforceHosts';
import type { SalesforceContext } from './httpTransport';

/**
 * Instance URLs learnt from identity URLs. An identity URL names one user of one org, whose REST
 * API lives at one address, so every process that learns it learns the same value: a per-process
 * copy can only save a call, never disagree with another process.
 */
const learnt = new Map<string, string>();

/**
 * The org's REST address for an OAuth2 credential. Salesforce puts `instance_url` in every token
 * response, but stored token data has been seen without it after a background refresh (n8n issue
 * #34916, queue mode with Postgres: every execution failed with "Invalid URL" until the user
 * reconnected). Then the address is learnt from the identity service: the identity URL the token data
 * keeps (`id`), or the login server's UserInfo endpoint, whose `urls.rest` names the REST API.
 */
export async function oauthInstanceUrl(
	context: SalesforceContext,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const token = credentials.oauthTokenData as IDataObject | undefined;
	if (!token || typeof token.access_token !== 'string') throw notConnected(context);
	if (typeof token.instance_url === 'string' && token.instance_url !== '')
		return token.instance_url.replace(/\/+$/, '');
	const identityUrl = typeof token.id === 'string' && isHttpUrl(token.id) ? token.id : undefined;
	const known = identityUrl && learnt.get(identityUrl);
	if (known) return known;
	const url = identityUrl ?? `${loginUrlOf(credentials)}/services/oauth2/userinfo`;
	const instanceUrl = restOrigin(await identityDocument(context, credentialType, url));
	if (!instanceUrl) throw notConnected(context);
	if (identityUrl) learnt.set(identityUrl, instanceUrl);
	return instanceUrl;
}

async function identityDocument(
	context: SalesforceContext,
	credentialType: string,
	url: string,
): Promise<unknown> {
	const request: IHttpRequestOptions = { method: 'GET', url, json: true };
	try {
		// The identity service answers an ended session with 403 (not the REST API's 401): n8n renews it on either.
		return await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			request,
			{ oauth2: { tokenExpiredStatusCode: [401, 403] } },
		);
	} catch {
		throw notConnected(context);
	}
}

/** The origin of the document's REST API URL (`urls.rest`), if it names one. */
function restOrigin(document: unknown): string | undefined {
	const urls = (document as { urls?: Record<string, unknown> } | null)?.urls;
	const rest = urls?.rest ?? urls?.custom_domain;
	return typeof rest === 'string' && isHttpUrl(rest) ? new URL(rest).origin : undefined;
}

function isHttpUrl(value: string): boolean {
	try {
		return /^https?:$/.test(new URL(value).protocol);
	} catch {
		return false;
	}
}

function notConnected(context: SalesforceContext): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		'The Salesforce OAuth2 credential is not connected yet',
		{
			description: 'Open the credential and click "Connect my account" to log in to Salesforce.',
		},
	);
}
