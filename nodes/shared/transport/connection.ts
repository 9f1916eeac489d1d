import { NodeOperationError, type ICredentialDataDecryptedObject } from 'n8n-workflow';

import { apiVersionOf } from '../../../credentials/common/salesforceHosts';
import { DescribeCache } from '../schema/describeCache';
import { connectionIdentity } from './connectionIdentity';
import { CREDENTIAL_TYPES, type Authentication } from './credentialTypes';
import { N8nHttpTransport, type SalesforceContext } from './httpTransport';
import { oauthInstanceUrl } from './oauthInstanceUrl';
import { refreshTokenOf } from './refreshRace';
import { SalesforceRestClient } from './restClient';
import type { RetrySettings } from './retryPolicy';
import { describeObject, describeObjects, INSTANCE_PENDING } from './salesforceApi';

export interface SalesforceConnection {
	/** Sends the requests `salesforceApi.ts` builds, through n8n. */
	conn: SalesforceRestClient;
	apiVersion: string;
	transport: N8nHttpTransport;
	credentialType: string;
	/** Describes fetched once per object for this connection's lifetime. */
	describes: DescribeCache;
	/** The org, user and API version the connection acts as, hashed: what is kept across executions is filed under it. */
	identity: string;
}

export interface ConnectOptions {
	retry?: RetrySettings;
}

/** The one way nodes reach Salesforce: a REST client whose requests travel through n8n. */
export async function connectToSalesforce(
	context: SalesforceContext,
	options: ConnectOptions = {},
): Promise<SalesforceConnection> {
	const authentication = authenticationOf(context);
	const credentialType = CREDENTIAL_TYPES[authentication];
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	let apiVersion: string;
	try {
		apiVersion = apiVersionOf(credentials);
	} catch (e) {
		throw new NodeOperationError(context.getNode(), (e as Error).message);
	}
	// Before a JWT or client credentials session exists, INSTANCE_PENDING stands in: such requests leave
	// with a path only and the credential adds its session's instance URL (see httpTransport).
	const instanceUrl =
		authentication === 'oAuth2'
			? await oauthInstanceUrl(context, credentialType, credentials)
			: String(credentials.instanceUrl || INSTANCE_PENDING);
	const transport = new N8nHttpTransport(context, {
		credentialType,
		pathOnly: authentication !== 'oAuth2',
		retry: options.retry,
		refreshToken: authentication === 'oAuth2' ? refreshTokenOf(credentials) : undefined,
	});
	const conn = new SalesforceRestClient(transport, instanceUrl);
	return {
		conn,
		apiVersion,
		transport,
		credentialType,
		identity: connectionIdentity(authentication, credentials, instanceUrl, apiVersion),
		describes: new DescribeCache(
			(objectName) => describeObject({ conn, apiVersion }, objectName),
			(objectNames) => describeObjects({ conn, apiVersion }, objectNames),
		),
	};
}

function authenticationOf(context: SalesforceContext): Authentication {
	const value = context.getNode().parameters.authentication;
	return typeof value === 'string' && value in CREDENTIAL_TYPES
		? (value as Authentication)
		: 'oAuth2';
}
