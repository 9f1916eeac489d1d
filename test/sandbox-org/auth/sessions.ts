import { randomBytes } from 'node:crypto';

import type { Clock } from '../core/clock';

export interface Session {
	accessToken: string;
	userId: string;
	clientId: string;
	scopes: string[];
	issuedAt: number;
}

export interface RefreshGrant {
	refreshToken: string;
	userId: string;
	clientId: string;
	scopes: string[];
}

/**
 * Access tokens and refresh tokens. Salesforce says nothing of a session's lifetime in the token
 * response; a session that has ended answers 401 INVALID_SESSION_ID.
 */
export class Sessions {
	private readonly sessions = new Map<string, Session>();
	private readonly refreshGrants = new Map<string, RefreshGrant>();
	/** How long a session lasts; Salesforce's default is 2 hours of inactivity. */
	lifetimeMs = 2 * 60 * 60 * 1000;
	/** When on, each refresh issues a new refresh token and the old one stops working. */
	rotateRefreshTokens = false;

	constructor(
		private readonly clock: Clock,
		private readonly orgId: string,
	) {}

	/** A new session. Access tokens look like Salesforce's: `<orgId15>!<random>`. */
	issue(userId: string, clientId: string, scopes: string[]): Session {
		const accessToken = `${this.orgId.slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
		const session = { accessToken, userId, clientId, scopes, issuedAt: this.clock.now() };
		this.sessions.set(accessToken, session);
		return session;
	}

	/** The live session behind an access token, or undefined when it is unknown, revoked or has ended. */
	validate(accessToken: string): Session | undefined {
		const s = this.sessions.get(accessToken);
		if (!s) return undefined;
		if (this.clock.now() - s.issuedAt >= this.lifetimeMs) {
			this.sessions.delete(accessToken);
			return undefined;
		}
		return s;
	}

	issueRefreshToken(userId: string, clientId: string, scopes: string[]): string {
		const refreshToken = `5Aep861${randomBytes(40).toString('base64url')}`;
		this.refreshGrants.set(refreshToken, { refreshToken, userId, clientId, scopes });
		return refreshToken;
	}

	refreshGrant(refreshToken: string): RefreshGrant | undefined {
		return this.refreshGrants.get(refreshToken);
	}

	revokeRefreshToken(refreshToken: string): boolean {
		return this.refreshGrants.delete(refreshToken);
	}

	/** Revokes an access token, or a refresh token (auth/refresh-families.ts ends the sessions issued from it). */
	revoke(token: string): boolean {
		if (this.sessions.delete(token)) return true;
		return this.refreshGrants.delete(token);
	}

	/** Ends every session now (refresh tokens keep working). */
	expireAll(): void {
		this.sessions.clear();
	}

	get activeCount(): number {
		return this.sessions.size;
	}
}
