import { createHmac } from 'node:crypto';

import type { SfRequest, SfResponse } from '../http/types';
import type { ConnectedApp } from '../org';
import { linkSession } from './refresh-families';

/** A token response body, with its keys in the order Salesforce writes them. */
export interface TokenResponseBody {
	access_token: string;
	/** Only the web-server flow with the `refresh_token` scope, and refreshes with rotation on. */
	refresh_token?: string;
	/** Not in the JWT bearer flow's response. */
	signature?: string;
	scope: string;
	instance_url: string;
	id: string;
	token_type: 'Bearer';
	/** Not in the JWT bearer flow's response. */
	issued_at?: string;
}

/** How a token response is told apart from the usual one. */
export interface TokenResponseOptions extends RefreshTokenUse {
	/**
	 * Leave out `signature` and `issued_at`, as Salesforce's JWT bearer response does (its documented
	 * example has only access_token, scope, instance_url, id and token_type: the client of that flow
	 * proves itself with a key, not the consumer secret the signature is keyed with).
	 */
	unsigned?: boolean;
}

/** How a session relates to a refresh token. */
export interface RefreshTokenUse {
	/** A refresh token to hand out with this session. */
	returned?: string;
	/** The refresh token this session was issued from (revoking it ends the session). */
	issuedFrom?: string;
}

/** The identity URL of a user: `<instance>/id/<orgId>/<userId>`. */
export function identityUrl(req: SfRequest, userId: string): string {
	return `${req.baseUrl}/id/${req.org.orgId}/${userId}`;
}

/**
 * Issues a session for a user through an app and answers as Salesforce does: no `expires_in` (a
 * session's end shows as 401 INVALID_SESSION_ID), `issued_at` in epoch ms as a string, and a
 * `signature` over `id + issued_at` keyed with the consumer secret, by which a client can check
 * that the identity URL came from Salesforce.
 */
export function tokenResponse(
	req: SfRequest,
	app: ConnectedApp,
	userId: string,
	scopes: string[],
	options: TokenResponseOptions = {},
): SfResponse {
	const session = req.org.sessions.issue(userId, app.clientId, scopes);
	const family = options.returned ?? options.issuedFrom;
	if (family) linkSession(req.org, family, session.accessToken);
	const refreshToken = options.returned;
	const id = identityUrl(req, userId);
	const issuedAt = String(session.issuedAt);
	const body: TokenResponseBody = {
		access_token: session.accessToken,
		...(refreshToken ? { refresh_token: refreshToken } : {}),
		...(options.unsigned ? {} : { signature: tokenSignature(id, issuedAt, app.clientSecret) }),
		scope: scopes.join(' '),
		instance_url: req.baseUrl,
		id,
		token_type: 'Bearer',
		...(options.unsigned ? {} : { issued_at: issuedAt }),
	};
	return { status: 200, body, headers: NO_STORE };
}

export function tokenSignature(id: string, issuedAt: string, clientSecret: string): string {
	return createHmac('sha256', clientSecret)
		.update(id + issuedAt)
		.digest('base64');
}

/** Token responses and errors are never cached. */
export const NO_STORE: Record<string, string> = {
	'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private',
};

/** The scopes an app grants when a flow names none (the connected app's selected OAuth scopes). */
export const DEFAULT_APP_SCOPES: readonly string[] = ['api', 'refresh_token'];
