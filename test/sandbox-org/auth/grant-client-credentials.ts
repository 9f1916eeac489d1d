import type { SfRequest, SfResponse } from '../http/types';
import { authenticateClient, clientCredentials, isResponse } from './client-auth';
import type { OAuthParams } from './form-params';
import { isActiveUser } from './logins';
import { TokenErrors } from './oauth-errors';
import { DEFAULT_APP_SCOPES, tokenResponse } from './token-response';

/**
 * `grant_type=client_credentials`: the app's id and secret buy a session of its run-as user. An app
 * with no run-as user (the flow switched off) answers `no client credentials user enabled`.
 * Salesforce serves this flow on My Domain hosts only; the sandbox's URL stands for one.
 */
export function clientCredentialsGrant(req: SfRequest, params: OAuthParams): SfResponse {
	const app = authenticateClient(req, clientCredentials(req, params), 'required');
	if (isResponse(app)) return app;
	const userId = app.clientCredentialsUserId;
	if (!userId || !isActiveUser(req.org, userId)) return TokenErrors.noClientCredentialsUser();
	return tokenResponse(req, app, userId, [...DEFAULT_APP_SCOPES]);
}
