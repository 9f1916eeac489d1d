import type { SfRequest, SfResponse } from '../http/types';
import { redeemAuthorizationCode } from './authorization-codes';
import { authenticateClient, clientCredentials, isResponse } from './client-auth';
import type { OAuthParams } from './form-params';
import { TokenErrors } from './oauth-errors';
import { verifierMatches } from './pkce';
import { tokenResponse } from './token-response';

/** Scopes that ask for a refresh token in the web-server flow. */
const REFRESH_SCOPES = new Set(['refresh_token', 'offline_access']);

/**
 * `grant_type=authorization_code`: the web-server flow's exchange. The client authenticates with its
 * secret (body or HTTP Basic) unless the app lets the flow run without one; the `redirect_uri` must be
 * the one the code was issued for, and a PKCE challenge, when one was sent, must be answered.
 */
export function authorizationCodeGrant(req: SfRequest, params: OAuthParams): SfResponse {
	const credentials = clientCredentials(req, params);
	const app = authenticateClient(req, credentials, 'checked-when-given');
	if (isResponse(app)) return app;
	if (credentials.clientSecret === undefined && app.requireSecretForWebServerFlow !== false)
		return TokenErrors.invalidClientCredentials();

	const code = params.get('code');
	const grant = code ? redeemAuthorizationCode(req.org, code) : 'invalid';
	if (grant === 'invalid') return TokenErrors.invalidAuthorizationCode();
	if (grant === 'expired') return TokenErrors.expiredAuthorizationCode();
	if (grant.clientId !== app.clientId) return TokenErrors.invalidAuthorizationCode();
	if (params.get('redirect_uri') !== grant.redirectUri) return TokenErrors.redirectUriMismatch();

	const verifier = params.get('code_verifier');
	if (grant.codeChallenge !== undefined) {
		if (!verifier || !verifierMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod))
			return TokenErrors.invalidCodeVerifier();
	} else if (verifier !== undefined) {
		// A verifier with no challenge to answer is refused too: the client's PKCE state is out of step.
		return TokenErrors.invalidCodeVerifier();
	}

	const refreshToken = grant.scopes.some((s) => REFRESH_SCOPES.has(s))
		? req.org.sessions.issueRefreshToken(grant.userId, app.clientId, grant.scopes)
		: undefined;
	return tokenResponse(req, app, grant.userId, grant.scopes, { returned: refreshToken });
}
