import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The session the JWT and client credentials credentials keep between executions. n8n runs the
 * credential's preAuthentication when `sessionToken` (marked expirable) is empty, or when a request
 * answers 401, and saves what it returns into the credential.
 */
export const sessionProperties: INodeProperties[] = [
	{
		displayName: 'Session Token',
		name: 'sessionToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{ displayName: 'Instance URL', name: 'instanceUrl', type: 'hidden', default: '' },
];

/**
 * Signs a request with the cached session. Requests to the org are sent with a path only; the
 * session's instance URL becomes their base (it is known only once the session exists).
 */
export function useCachedSession(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	requestOptions.headers = {
		...requestOptions.headers,
		Authorization: `Bearer ${String(credentials.sessionToken ?? '')}`,
	};
	if (
		!requestOptions.baseURL &&
		!/^https?:\/\//i.test(requestOptions.url) &&
		credentials.instanceUrl
	) {
		requestOptions.baseURL = String(credentials.instanceUrl);
	}
	return requestOptions;
}
