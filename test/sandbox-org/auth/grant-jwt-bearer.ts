import type { SfRequest, SfResponse } from '../http/types';
import type { OAuthParams } from './form-params';
import { parseJwt, signedByAnyCertificate } from './jwt';
import { findLogin, isActiveUser } from './logins';
import { TokenErrors } from './oauth-errors';
import { DEFAULT_APP_SCOPES, tokenResponse } from './token-response';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Salesforce: "The validity must be the expiration time of the assertion within 3 minutes". */
export const MAX_ASSERTION_VALIDITY_MS = 3 * 60 * 1000;

/** The audiences Salesforce accepts: production and sandbox login hosts, and the org's own (My Domain) URL. */
export function acceptedAudiences(req: SfRequest): string[] {
	return ['https://login.salesforce.com', 'https://test.salesforce.com', req.baseUrl];
}

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`: an RS256 assertion signed with the key of
 * a certificate uploaded to the app. `iss` names the app, `sub` the user (who must be pre-authorized),
 * `aud` the login host, `exp` a moment at most 3 minutes ahead. No refresh token (the client signs a
 * new assertion when the session ends), and no `signature` or `issued_at`.
 */
export function jwtBearerGrant(req: SfRequest, params: OAuthParams): SfResponse {
	const jwt = parseJwt(params.get('assertion'));
	if (!jwt || jwt.header.alg !== 'RS256') return TokenErrors.invalidAssertion();

	const app = typeof jwt.claims.iss === 'string' ? req.org.app(jwt.claims.iss) : undefined;
	if (!app) return TokenErrors.invalidClientId();
	if (!signedByAnyCertificate(jwt, app.certificates)) return TokenErrors.invalidAssertion();

	const audiences = Array.isArray(jwt.claims.aud) ? jwt.claims.aud : [jwt.claims.aud];
	const accepted = acceptedAudiences(req);
	if (!audiences.some((a) => typeof a === 'string' && accepted.includes(a)))
		return TokenErrors.audienceInvalid();

	const exp = jwt.claims.exp;
	if (typeof exp !== 'number' || !Number.isFinite(exp)) return TokenErrors.invalidAssertion();
	const now = req.org.clock.now();
	if (exp * 1000 <= now) return TokenErrors.expiredAuthorizationCode();
	if (exp * 1000 > now + MAX_ASSERTION_VALIDITY_MS) return TokenErrors.invalidAssertion();

	const login = findLogin(req.org, typeof jwt.claims.sub === 'string' ? jwt.claims.sub : undefined);
	if (!login || !isActiveUser(req.org, login.userId) || !app.preAuthorizedUserIds.has(login.userId))
		return TokenErrors.userNotApproved();

	return tokenResponse(req, app, login.userId, [...DEFAULT_APP_SCOPES], { unsigned: true });
}
