import type { SfRequest, SfResponse } from '../http/types';
import { authenticateClient, clientCredentials, isResponse } from './client-auth';
import type { OAuthParams } from './form-params';
import { isActiveUser } from './logins';
import { TokenErrors } from './oauth-errors';
import { passFamilyOn } from './refresh-families';
import { tokenResponse } from './token-response';

/**
 * `grant_type=refresh_token`. The secret is checked when the client sends one. With rotation on (org-
 * wide or for the app) the response carries a new refresh token and the old one stops working;
 * without it there is no `refresh_token` in the response at all.
 */
export function refreshTokenGrant(req: SfRequest, params: OAuthParams): SfResponse {
	const app = authenticateClient(req, clientCredentials(req, params), 'checked-when-given');
	if (isResponse(app)) return app;

	const refreshToken = params.get('refresh_token') ?? '';
	const grant = req.org.sessions.refreshGrant(refreshToken);
	if (!grant || grant.clientId !== app.clientId || !isActiveUser(req.org, grant.userId))
		return TokenErrors.expiredRefreshToken();

	if (!(req.org.sessions.rotateRefreshTokens || app.rotateRefreshTokens)) {
		return tokenResponse(req, app, grant.userId, grant.scopes, { issuedFrom: refreshToken });
	}
	const rotated = req.org.sessions.issueRefreshToken(grant.userId, app.clientId, grant.scopes);
	req.org.sessions.revokeRefreshToken(refreshToken);
	passFamilyOn(req.org, refreshToken, rotated);
	return tokenResponse(req, app, grant.userId, grant.scopes, { returned: rotated });
}
