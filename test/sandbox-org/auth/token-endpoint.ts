import { oauthError } from '../http/errors';
import type { SfRequest, SfResponse } from '../http/types';
import { oauthParams, type OAuthParams } from './form-params';
import { authorizationCodeGrant } from './grant-authorization-code';
import { clientCredentialsGrant } from './grant-client-credentials';
import { JWT_BEARER_GRANT, jwtBearerGrant } from './grant-jwt-bearer';
import { passwordGrant } from './grant-password';
import { refreshTokenGrant } from './grant-refresh-token';
import { TokenErrors } from './oauth-errors';
import { NO_STORE } from './token-response';

type Grant = (req: SfRequest, params: OAuthParams) => SfResponse;

const GRANTS = new Map<string, Grant>([
	['authorization_code', authorizationCodeGrant],
	['refresh_token', refreshTokenGrant],
	[JWT_BEARER_GRANT, jwtBearerGrant],
	['client_credentials', clientCredentialsGrant],
	['password', passwordGrant],
]);

/**
 * `POST /services/oauth2/token`. Every request is counted, failed ones too (they count toward the
 * login rate limit as well). A missing or unknown `grant_type`, or parameters sent as JSON instead of
 * a form, answer `unsupported_grant_type`.
 */
export function handleTokenRequest(req: SfRequest): SfResponse {
	const params = oauthParams(req);
	const grantType = params.get('grant_type');
	req.org.counters.countTokenRequest(grantType ?? '(none)');
	const fault = req.org.faults.failNextLogin;
	if (fault && fault.count > 0) {
		fault.count--;
		if (fault.status === 400)
			return { ...oauthError('unknown_error', 'retry your request'), headers: NO_STORE };
		return {
			status: fault.status,
			text: '<html><body>Service Unavailable</body></html>',
			headers: { ...NO_STORE, 'Content-Type': 'text/html' },
		};
	}
	const grant = grantType === undefined ? undefined : GRANTS.get(grantType);
	const response = grant ? grant(req, params) : TokenErrors.unsupportedGrantType();
	return { ...response, headers: { ...NO_STORE, ...response.headers } };
}
