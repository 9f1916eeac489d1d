import type { SfRequest, SfResponse } from '../http/types';
import { authenticateClient, clientCredentials, isResponse } from './client-auth';
import type { OAuthParams } from './form-params';
import { passwordFlowLogin } from './logins';
import { TokenErrors } from './oauth-errors';
import { DEFAULT_APP_SCOPES, tokenResponse } from './token-response';

/**
 * `grant_type=password`: client id and secret, username, and the password with or without the
 * user's security token appended. No refresh token. A user without "API Enabled" still gets a
 * session (the REST API refuses it later).
 */
export function passwordGrant(req: SfRequest, params: OAuthParams): SfResponse {
	const app = authenticateClient(req, clientCredentials(req, params), 'required');
	if (isResponse(app)) return app;
	const login = passwordFlowLogin(req.org, params.get('username'), params.get('password'));
	if (!login) return TokenErrors.authenticationFailure();
	return tokenResponse(req, app, login.userId, [...DEFAULT_APP_SCOPES]);
}
