import type { SfRequest, SfResponse } from '../http/types';
import { issueAuthorizationCode } from './authorization-codes';
import { authorizeErrorPage, LOGIN_FAILED_MESSAGE, loginPage } from './authorize-page';
import {
	type AuthorizeRefusal,
	callbackWith,
	checkAuthorizeRequest,
	isRefusal,
} from './authorize-request';
import { oauthParams } from './form-params';
import { passwordLogin } from './logins';

/** `GET /services/oauth2/authorize`: the web-server flow's first step, answered with the login page. */
export function showAuthorizePage(req: SfRequest): SfResponse {
	const request = checkAuthorizeRequest(req, oauthParams(req));
	return isRefusal(request) ? refuse(request) : loginPage(request);
}

/**
 * `POST /services/oauth2/authorize`: the login form. Deny sends `error=access_denied` to the callback;
 * Allow with a good login sends a one-time `code` (and the `state`); a bad login shows the page again.
 */
export function submitAuthorizePage(req: SfRequest): SfResponse {
	const params = oauthParams(req);
	const request = checkAuthorizeRequest(req, params);
	if (isRefusal(request)) return refuse(request);

	if (params.get('decision') === 'deny') {
		return redirect(
			callbackWith(request.redirectUri, {
				error: 'access_denied',
				error_description: 'end-user denied authorization',
				state: request.state,
			}),
		);
	}
	const login = passwordLogin(req.org, params.get('username'), params.get('password'));
	if (!login)
		return loginPage(request, { error: LOGIN_FAILED_MESSAGE, username: params.get('username') });

	const code = issueAuthorizationCode(req.org, {
		clientId: request.app.clientId,
		userId: login.userId,
		redirectUri: request.redirectUri,
		scopes: request.scopes,
		codeChallenge: request.codeChallenge,
		codeChallengeMethod: request.codeChallengeMethod,
	});
	return redirect(callbackWith(request.redirectUri, { code, state: request.state }));
}

function refuse(refusal: AuthorizeRefusal): SfResponse {
	if (refusal.kind === 'page') return authorizeErrorPage(refusal.error, refusal.description);
	return redirect(
		callbackWith(refusal.redirectUri, {
			error: refusal.error,
			error_description: refusal.description,
			state: refusal.state,
		}),
	);
}

function redirect(location: string): SfResponse {
	return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}
