import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { shortHash } from '../shortHash';
import type { Authentication } from './credentialTypes';

/**
 * Who a connection acts as, as a short hash: the org and user a credential signs in as, and the API
 * version (a describe differs by user, through field permissions, and by version). What the nodes
 * keep across executions (kept describes, in the process's memory) is filed under it, so that a
 * credential pointed at another org, user or version starts afresh. For JWT and client
 * credentials the secret (private key, client secret) counts too, through a SHA-256 digest: a
 * credential that names the same app and user but could not sign in never gets a describe another
 * credential fetched. An OAuth2 identity URL comes from a token Salesforce issued.
 */
export function connectionIdentity(
	authentication: Authentication,
	credentials: ICredentialDataDecryptedObject,
	instanceUrl: string,
	apiVersion: string,
): string {
	const token = credentials.oauthTokenData as IDataObject | undefined;
	// OAuth2: the identity URL (https://login.salesforce.com/id/<org Id>/<user Id>) names org and user;
	// without one, the instance does not name the user, so the refresh token stands in (a rotated
	// one only costs a describe). JWT and client credentials: the login server with the username,
	// or with the connected app (whose "run as" user signs in), name them before any session exists.
	const who =
		authentication === 'oAuth2'
			? typeof token?.id === 'string' && token.id !== ''
				? token.id
				: `${instanceUrl} ${digest(token?.refresh_token ?? token?.access_token)}`
			: [
					credentials.environment,
					credentials.myDomainUrl,
					authentication === 'jwt' ? credentials.username : '',
					credentials.clientId,
					digest(authentication === 'jwt' ? credentials.privateKey : credentials.clientSecret),
				]
					.map((v) =>
						String(v ?? '')
							.trim()
							.toLowerCase(),
					)
					.join(' ');
	return shortHash(`${authentication}\n${who}\n${apiVersion}`);
}

function digest(secret: unknown): string {
	return createHash('sha256')
		.update(String(secret ?? '').trim())
		.digest('hex');
}
