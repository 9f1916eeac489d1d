import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, INodeCredentials } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloudJwtApi } from '../../credentials/SalesforceServiceCloudJwtApi.credentials';
import { SalesforceServiceCloudOAuth2Api } from '../../credentials/SalesforceServiceCloudOAuth2Api.credentials';
import { CREDENTIAL_TYPES, type Authentication } from '../../nodes/shared/transport/credentialTypes';
import { N8nHarness } from '../n8n/harness';
import { connect } from '../sandbox-org/auth/oauth-test-client';
import { DEMO_KEYS_DIR } from '../sandbox-org/org';
import type { TestOrg } from '../sandbox-org/testing';
import { SalesforceProbe } from './probe.node';

export const probe = new SalesforceProbe();

export function harness(): N8nHarness {
	return new N8nHarness({
		credentials: [new SalesforceServiceCloudOAuth2Api(), new SalesforceServiceCloudJwtApi(), new SalesforceServiceCloudClientCredentialsApi()],
		nodes: [probe],
	});
}

export const demoKey = (file = 'demo-private-key.pem') => readFileSync(join(DEMO_KEYS_DIR, file), 'utf8');

/** The credential data a user saves for each kind, pointed at the sandbox org (its URL stands for the My Domain). */
export async function credentialData(t: TestOrg, authentication: Authentication, overrides: ICredentialDataDecryptedObject = {}): Promise<ICredentialDataDecryptedObject> {
	switch (authentication) {
		case 'oAuth2':
			return { environment: 'myDomain', myDomainUrl: t.url, clientId: t.identity.clientId, clientSecret: t.identity.clientSecret, oauthTokenData: await connect(t, 'api refresh_token'), ...overrides };
		case 'jwt':
			return { environment: 'myDomain', myDomainUrl: t.url, clientId: t.identity.clientId, username: t.identity.username, privateKey: demoKey(), ...overrides };
		case 'clientCredentials':
			return { myDomainUrl: t.url, clientId: t.identity.clientId, clientSecret: t.identity.clientSecret, ...overrides };
	}
}

/** Saves a credential of the kind and returns what a node references. */
export async function saveCredential(n8n: N8nHarness, t: TestOrg, authentication: Authentication, overrides: ICredentialDataDecryptedObject = {}) {
	const type = CREDENTIAL_TYPES[authentication];
	const ref = n8n.addCredential(type, await credentialData(t, authentication, overrides));
	const credentials: INodeCredentials = { [type]: ref };
	return { ref, type, credentials };
}

export const AUTHENTICATIONS: Authentication[] = ['oAuth2', 'jwt', 'clientCredentials'];
