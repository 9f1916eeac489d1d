import { oauthError } from '../http/errors';
import type { SfResponse } from '../http/types';

/**
 * The token endpoint's errors, worded as Salesforce words them (HTTP 400, `{error, error_description}`).
 * Sources: recorded fixtures (client identifier invalid, expired access/refresh token, authentication
 * failure), Salesforce's OAuth error docs and what clients and troubleshooting notes quote verbatim.
 */
export const TokenErrors = {
	unsupportedGrantType: (): SfResponse =>
		oauthError('unsupported_grant_type', 'grant type not supported'),
	invalidClientId: (): SfResponse => oauthError('invalid_client_id', 'client identifier invalid'),
	invalidClientCredentials: (): SfResponse =>
		oauthError('invalid_client', 'invalid client credentials'),
	authenticationFailure: (): SfResponse => oauthError('invalid_grant', 'authentication failure'),
	expiredRefreshToken: (): SfResponse =>
		oauthError('invalid_grant', 'expired access/refresh token'),
	invalidAuthorizationCode: (): SfResponse =>
		oauthError('invalid_grant', 'invalid authorization code'),
	/** A used or timed-out code; Salesforce also answers this to a JWT whose `exp` has passed. */
	expiredAuthorizationCode: (): SfResponse =>
		oauthError('invalid_grant', 'expired authorization code'),
	redirectUriMismatch: (): SfResponse =>
		oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration'),
	invalidCodeVerifier: (): SfResponse => oauthError('invalid_grant', 'invalid code verifier'),
	invalidAssertion: (): SfResponse => oauthError('invalid_grant', 'invalid assertion'),
	audienceInvalid: (): SfResponse => oauthError('invalid_grant', 'audience is invalid'),
	userNotApproved: (): SfResponse =>
		oauthError('invalid_grant', "user hasn't approved this consumer"),
	noClientCredentialsUser: (): SfResponse =>
		oauthError('invalid_grant', 'no client credentials user enabled'),
} as const;

/** Revocation errors (HTTP 400). */
export const RevokeErrors = {
	unsupportedTokenType: (): SfResponse =>
		oauthError('unsupported_token_type', 'this token type is not supported'),
} as const;

/**
 * The identity service (userinfo, identity URLs) refuses a request with a status and one word of
 * plain text, not JSON: 403 `Bad_OAuth_Token` where the data API would answer 401.
 */
export function identityError(
	status: 403 | 404,
	code: 'Missing_OAuth_Token' | 'Bad_OAuth_Token' | 'Wrong_Org' | 'Bad_Id' | 'Inactive',
): SfResponse {
	return { status, text: code, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } };
}
