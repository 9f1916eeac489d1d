import type { INodeCredentialsDetails } from 'n8n-workflow';

import { connect } from '../sandbox-org/auth/oauth-test-client';
import type { TestOrg } from '../sandbox-org/testing';
import {
	SandboxBearerApi,
	SandboxClientCredentialsApi,
	SandboxNodeTestedApi,
	SandboxOAuth2Api,
	SandboxOAuth2RefreshOn403Api,
} from './fixture-credentials';
import { HarnessPoller, HarnessProbe } from './fixture-nodes';
import { N8nHarness } from './harness';

export type CredentialRef = INodeCredentialsDetails & { id: string };

/** A harness with the test-only credential types and nodes. */
export function fixtureHarness() {
	const probe = new HarnessProbe();
	const poller = new HarnessPoller();
	const n8n = new N8nHarness({
		credentials: [
			new SandboxOAuth2Api(),
			new SandboxOAuth2RefreshOn403Api(),
			new SandboxClientCredentialsApi(),
			new SandboxNodeTestedApi(),
			new SandboxBearerApi(),
		],
		nodes: [probe, poller],
	});
	return { n8n, probe, poller };
}

/**
 * What the editor stores after the user fills in the OAuth2 credential and clicks "Connect": the
 * fields, and the token response of the web-server flow as `oauthTokenData`.
 */
export async function connectedOAuth2Credential(
	n8n: N8nHarness,
	t: TestOrg,
	type = 'sandboxOAuth2Api',
): Promise<CredentialRef> {
	const tokenResponse = await connect(t, 'api refresh_token');
	return n8n.addCredential(type, {
		instanceUrl: t.url,
		clientId: t.identity.clientId,
		clientSecret: t.identity.clientSecret,
		oauthTokenData: tokenResponse,
	});
}

/** A client-credentials credential as the user saves it: no session yet. */
export function clientCredentials(
	n8n: N8nHarness,
	t: TestOrg,
	type = 'sandboxClientCredentialsApi',
	clientSecret = t.identity.clientSecret,
): CredentialRef {
	return n8n.addCredential(type, {
		myDomainUrl: t.url,
		clientId: t.identity.clientId,
		clientSecret,
	});
}

/** Counts the org's token requests made while `fn` runs. */
export async function countTokenRequests<T>(
	t: TestOrg,
	fn: () => Promise<T>,
): Promise<{ result: T; tokenRequests: number; byGrant: Record<string, number> }> {
	const before = { ...t.org.counters.tokenRequestsByGrant };
	const total = t.org.counters.tokenRequests;
	const result = await fn();
	const byGrant: Record<string, number> = {};
	for (const [grant, count] of Object.entries(t.org.counters.tokenRequestsByGrant)) {
		const delta = count - (before[grant] ?? 0);
		if (delta > 0) byGrant[grant] = delta;
	}
	return { result, tokenRequests: t.org.counters.tokenRequests - total, byGrant };
}
