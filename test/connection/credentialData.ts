import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Authentication } from '../../nodes/shared/transport/credentialTypes';
import { connect } from '../sandbox-org/auth/oauth-test-client';
import { DEMO_KEYS_DIR } from '../sandbox-org/org';
import type { TestOrg } from '../sandbox-org/testing';

// The credentials a user saves for each kind, pointed at a sandbox org: used by the harness tests,
// the end-to-end suite and `npm start` alike.

export const AUTHENTICATIONS: Authentication[] = ['oAuth2', 'jwt', 'clientCredentials'];

export const demoKey = (file = 'demo-private-key.pem') =>
	readFileSync(join(DEMO_KEYS_DIR, file), 'utf8');

/** The credential data a user saves for each kind, pointed at the sandbox org (its URL stands for the My Domain). */
export async function credentialData(
	t: TestOrg,
	authentication: Authentication,
	overrides: ICredentialDataDecryptedObject = {},
): Promise<ICredentialDataDecryptedObject> {
	switch (authentication) {
		case 'oAuth2':
			// What the editor stores after "Connect": the fields and the token response of the web-server flow.
			return {
				environment: 'myDomain',
				myDomainUrl: t.url,
				clientId: t.identity.clientId,
				clientSecret: t.identity.clientSecret,
				oauthTokenData: await connect(t, 'api refresh_token'),
				...overrides,
			};
		case 'jwt':
			return {
				environment: 'myDomain',
				myDomainUrl: t.url,
				clientId: t.identity.clientId,
				username: t.identity.username,
				privateKey: demoKey(),
				...overrides,
			};
		case 'clientCredentials':
			return {
				myDomainUrl: t.url,
				clientId: t.identity.clientId,
				clientSecret: t.identity.clientSecret,
				...overrides,
			};
	}
}
