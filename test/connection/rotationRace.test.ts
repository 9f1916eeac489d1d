import type { IDataObject } from 'n8n-workflow';

import { isRefusedRefresh } from '../../nodes/shared/transport/refreshRace';
import { postForm } from '../sandbox-org/auth/oauth-test-client';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { probeHooks } from './probe.node';
import { harness, probe, saveCredential } from './setup';

// An OAuth2 credential with refresh-token rotation on, shared by several n8n processes (queue mode):
// another worker refreshes the session with the same refresh token a moment before this one does,
// and stores the rotated token a moment after. n8n 2.x holds a lock while it refreshes, so this
// happens when a process refreshes outside it (n8n 1.x has no such lock; 2.x refreshes without it
// when the lock is not granted within 10 s). This execution's refresh then loses: Salesforce
// answers `invalid_grant`, because the refresh token it sent has just been replaced. The stored
// credential is not broken (the winner stored the new token); the request is sent again with it.

describe('OAuth2 with refresh-token rotation: another process refreshed first', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
		for (let i = 0; i < 600; i++) t.org.store.insert('Case', { Subject: `Case ${i}` });
	});
	afterAll(async () => {
		await t.close();
	});
	afterEach(() => {
		probeHooks.betweenPages = undefined;
		t.org.sessions.rotateRefreshTokens = false;
	});

	/** What another worker does: refreshes with the stored refresh token now, and stores the answer once `store` is called. */
	async function refreshElsewhere(refreshToken: string) {
		const answer = await postForm(`${t.url}/services/oauth2/token`, {
			grant_type: 'refresh_token',
			refresh_token: refreshToken,
			client_id: t.identity.clientId,
			client_secret: t.identity.clientSecret,
		});
		if (answer.status !== 200) throw new Error(`refresh elsewhere: ${answer.text}`);
		return answer.json as IDataObject;
	}

	it('the request that lost the refresh is sent again with the token the other process stored', async () => {
		t.org.sessions.rotateRefreshTokens = true;
		const n8n = harness();
		const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
		const stored = () => n8n.storedCredential(ref.id).oauthTokenData as IDataObject;
		const tokensBefore = t.org.counters.tokenRequests;
		let saved: Promise<void> | undefined;

		probeHooks.betweenPages = async (page) => {
			if (page !== 1) return;
			t.org.sessions.expireAll();
			const original = stored();
			const rotated = await refreshElsewhere(String(original.refresh_token));
			saved = (async () => {
				// The other worker stores its token only after this execution's refresh has been refused.
				const refused = t.org.counters.tokenRequests + 1;
				while (t.org.counters.tokenRequests < refused) await new Promise((r) => setTimeout(r, 5));
				n8n.store.save(
					ref.id,
					JSON.stringify({
						...n8n.storedCredential(ref.id),
						oauthTokenData: { ...original, ...rotated },
					}),
					'updateCredentialsOauthTokenData',
				);
			})();
		};
		const result = await n8n.execute({
			type: probe,
			parameters: {
				authentication: 'oAuth2',
				action: 'pagedQuery',
				soql: 'SELECT Id FROM Case',
			},
			credentials,
		});
		await saved;

		expect(result.error).toBeUndefined();
		expect(result.output?.[0]?.[0]?.json).toMatchObject({ records: 600, pages: 3 });
		// The other worker's refresh, and this execution's refused one: no further login.
		expect(t.org.counters.tokenRequests - tokensBefore).toBe(2);
		// The stored credential still works: the next execution needs no reconnect and no login.
		const tokensBeforeNext = t.org.counters.tokenRequests;
		const next = await n8n.execute({
			type: probe,
			parameters: { authentication: 'oAuth2', action: 'manyCalls', count: 2 },
			credentials,
		});
		expect(next.error).toBeUndefined();
		expect(t.org.counters.tokenRequests - tokensBeforeNext).toBe(0);
		expect(t.org.sessions.validate(String(stored().access_token))).toBeDefined();
	});

	it('a refresh token revoked for good still says to reconnect, with no extra login', async () => {
		t.org.sessions.rotateRefreshTokens = true;
		const n8n = harness();
		const { ref, credentials } = await saveCredential(n8n, t, 'oAuth2');
		const token = n8n.storedCredential(ref.id).oauthTokenData as IDataObject;
		t.org.sessions.revoke(String(token.refresh_token));
		t.org.sessions.expireAll();
		const tokensBefore = t.org.counters.tokenRequests;
		const result = await n8n.execute({
			type: probe,
			parameters: { authentication: 'oAuth2', action: 'manyCalls', count: 1 },
			credentials,
		});
		expect(result.error?.message).toBe(
			'The Salesforce credential could not start a session [CREDENTIAL_ERROR]',
		);
		expect(t.org.counters.tokenRequests - tokensBefore).toBe(1);
	});
});

describe('a refused refresh, as each n8n version reports it', () => {
	it("n8n 2.x's reconnect error and n8n 1.x client-oauth2's invalid_grant are refused refreshes; other failures are not", () => {
		const n8n2 = Object.assign(new Error('The credential "x" needs to be reconnected.'), {
			failure: { cause: 'credential-invalid' },
		});
		const n8n1 = Object.assign(new Error('Invalid grant'), {
			code: 'EAUTH',
			body: { error: 'invalid_grant', error_description: 'expired access/refresh token' },
		});
		const wrapped = Object.assign(new Error('request failed'), { cause: n8n1 });
		const otherAuth = Object.assign(new Error('Invalid client'), {
			code: 'EAUTH',
			body: { error: 'invalid_client' },
		});
		expect([n8n2, n8n1, wrapped].map(isRefusedRefresh)).toEqual([true, true, true]);
		expect([otherAuth, new Error('ECONNRESET'), undefined].map(isRefusedRefresh)).toEqual([
			false,
			false,
			false,
		]);
	});
});
