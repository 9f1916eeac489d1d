import type { ICredentialDataDecryptedObject, INodeCredentials } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { SalesforceServiceCloudJwtApi } from '../../credentials/SalesforceServiceCloudJwtApi.credentials';
import { SalesforceServiceCloudOAuth2Api } from '../../credentials/SalesforceServiceCloudOAuth2Api.credentials';
import {
	CREDENTIAL_TYPES,
	type Authentication,
} from '../../nodes/shared/transport/credentialTypes';
import { N8nHarness } from '../n8n/harness';
import type { TestOrg } from '../sandbox-org/testing';
import { credentialData } from './credentialData';
import { SalesforceProbe } from './probe.node';

export { AUTHENTICATIONS, credentialData, demoKey } from './credentialData';

export const probe = new SalesforceProbe();

export function harness(): N8nHarness {
	return new N8nHarness({
		credentials: [
			new SalesforceServiceCloudOAuth2Api(),
			new SalesforceServiceCloudJwtApi(),
			new SalesforceServiceCloudClientCredentialsApi(),
		],
		nodes: [probe],
	});
}

/** Saves a credential of the kind and returns what a node references. */
export async function saveCredential(
	n8n: N8nHarness,
	t: TestOrg,
	authentication: Authentication,
	overrides: ICredentialDataDecryptedObject = {},
) {
	const type = CREDENTIAL_TYPES[authentication];
	const ref = n8n.addCredential(type, await credentialData(t, authentication, overrides));
	const credentials: INodeCredentials = { [type]: ref };
	return { ref, type, credentials };
}
