import type { SfRequest, SfResponse } from '../http/types';
import { oauthParams } from './form-params';
import { RevokeErrors } from './oauth-errors';
import { revokeFamily } from './refresh-families';

/**
 * `POST /services/oauth2/revoke` (form `token=`) or `GET ...?token=`: an access token ends its session;
 * a refresh token is revoked together with the sessions issued from it. 200 with an empty body;
 * a token the org does not know answers 400 `unsupported_token_type`.
 */
export function handleRevoke(req: SfRequest): SfResponse {
	const token = oauthParams(req).get('token');
	if (!token) return RevokeErrors.unsupportedTokenType();
	const isRefreshToken = req.org.sessions.refreshGrant(token) !== undefined;
	if (!req.org.sessions.revoke(token)) return RevokeErrors.unsupportedTokenType();
	if (isRefreshToken) revokeFamily(req.org, token);
	return { status: 200, headers: { 'Cache-Control': 'no-store' } };
}
