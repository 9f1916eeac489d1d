import { Connection } from '@jsforce/jsforce-node';
import { NodeOperationError, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import { apiVersionOf } from '../../../credentials/common/salesforceHosts';
import { DescribeCache } from '../schema/describeCache';
import { CREDENTIAL_TYPES, type Authentication } from './credentialTypes';
import { N8nHttpTransport, type SalesforceContext } from './httpTransport';
import type { RetrySettings } from './retryPolicy';

/**
 * Stands in for the instance URL before a JWT or client credentials session exists: such requests
 * leave with a path only and the credential adds its session's instance URL (see httpTransport).
 */
const INSTANCE_PENDING = 'https://instance-from-session.invalid';

export interface SalesforceConnection {
	conn: Connection;
	apiVersion: string;
	transport: N8nHttpTransport;
	credentialType: string;
	/** Describes fetched once per object for this connection's lifetime. */
	describes: DescribeCache;
}

export interface ConnectOptions {
	retry?: RetrySettings;
}

/** The one way nodes reach Salesforce: a jsforce connection whose requests travel through n8n. */
export async function connectToSalesforce(context: SalesforceContext, options: ConnectOptions = {}): Promise<SalesforceConnection> {
	const authentication = authenticationOf(context);
	const credentialType = CREDENTIAL_TYPES[authentication];
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	let apiVersion: string;
	try {
		apiVersion = apiVersionOf(credentials);
	} catch (e) {
		throw new NodeOperationError(context.getNode(), (e as Error).message);
	}
	const instanceUrl = authentication === 'oAuth2' ? oauthInstanceUrl(context, credentials) : String(credentials.instanceUrl || INSTANCE_PENDING);
	const transport = new N8nHttpTransport(context, { credentialType, pathOnly: authentication !== 'oAuth2', retry: options.retry });
	// jsforce signs requests with its own accessToken; n8n replaces that header with the real session.
	const conn = new Connection({ instanceUrl, accessToken: 'session-held-by-n8n', version: apiVersion });
	(conn as unknown as { _transport: N8nHttpTransport })._transport = transport;
	return { conn, apiVersion, transport, credentialType, describes: new DescribeCache(conn) };
}

function authenticationOf(context: SalesforceContext): Authentication {
	const value = context.getNode().parameters.authentication;
	return typeof value === 'string' && value in CREDENTIAL_TYPES ? (value as Authentication) : 'oAuth2';
}

function oauthInstanceUrl(context: SalesforceContext, credentials: ICredentialDataDecryptedObject): string {
	const token = credentials.oauthTokenData as IDataObject | undefined;
	const url = typeof token?.instance_url === 'string' ? token.instance_url : '';
	if (!url) {
		throw new NodeOperationError(context.getNode(), 'The Salesforce OAuth2 credential is not connected yet', {
			description: 'Open the credential and click "Connect my account" to log in to Salesforce.',
		});
	}
	return url.replace(/\/+$/, '');
}
