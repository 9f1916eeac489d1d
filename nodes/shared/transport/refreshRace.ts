import { sleep, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import type { SalesforceContext } from './httpTransport';

/**
 * An OAuth2 refresh that lost a race with refresh-token rotation on. In queue mode several n8n
 * processes share one credential; when two refresh the session with the same refresh token,
 * Salesforce accepts the first, invalidates that token, and answers the second with `invalid_grant`
 * (n8n: "The credential … needs to be reconnected"). The stored credential is not broken: the winner
 * stores the rotated token (the loser stores nothing). n8n 2.x refreshes under a lock and re-reads
 * the credential first, so this needs a refresh outside the lock: n8n 1.x, or a 2.x process that
 * waited 10 s for the lock in vain.
 *
 * `RefreshRace` tells a lost race from a credential refused for good: after a refused refresh it
 * re-reads the stored credential (n8n reads it from the database) until its refresh token differs
 * from the one last known, waiting up to about 2.5 s for the winner to store it. A changed token
 * means another process refreshed: the request may be sent again once (n8n signs it with the stored
 * token). An unchanged one means Salesforce refused this credential's refresh token itself.
 */
/** The waits (ms) before each read of the stored credential: about 2.5 s in all. */
const WAITS_MS = [0, 100, 200, 400, 800, 1000] as const;

export class RefreshRace {
	constructor(
		private readonly context: SalesforceContext,
		private readonly credentialType: string,
		/** The refresh token of the credential as the connection read it. */
		private knownRefreshToken: string | undefined,
	) {}

	/** Whether another process stored a new refresh token since the one last known (and it is now known). */
	async anotherProcessRefreshed(): Promise<boolean> {
		for (const wait of WAITS_MS) {
			if (wait > 0) await sleep(wait);
			const stored = await this.storedRefreshToken();
			if (stored !== undefined && stored !== this.knownRefreshToken) {
				this.knownRefreshToken = stored;
				return true;
			}
		}
		return false;
	}

	private async storedRefreshToken(): Promise<string | undefined> {
		try {
			const credentials = await this.context.getCredentials<ICredentialDataDecryptedObject>(
				this.credentialType,
			);
			return refreshTokenOf(credentials);
		} catch {
			return undefined;
		}
	}
}

export function refreshTokenOf(credentials: ICredentialDataDecryptedObject): string | undefined {
	const token = credentials.oauthTokenData as IDataObject | undefined;
	return typeof token?.refresh_token === 'string' ? token.refresh_token : undefined;
}

/**
 * Whether n8n failed to sign a request because the token endpoint refused the refresh token
 * (`invalid_grant`): n8n 2.x throws its "needs to be reconnected" error (`failure.cause`
 * `credential-invalid`), n8n 1.x client-oauth2's error with the token endpoint's body.
 */
export function isRefusedRefresh(error: unknown): boolean {
	for (
		let e = error as
				| { cause?: unknown; failure?: { cause?: unknown }; body?: unknown; code?: unknown }
				| undefined,
			depth = 0;
		e && typeof e === 'object' && depth < 4;
		e = e.cause as typeof e, depth++
	) {
		if (e.failure?.cause === 'credential-invalid') return true;
		const body = e.body as { error?: unknown } | undefined;
		if (e.code === 'EAUTH' && body?.error === 'invalid_grant') return true;
	}
	return false;
}
