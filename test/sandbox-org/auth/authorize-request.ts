import type { SfRequest } from '../http/types';
import type { ConnectedApp } from '../org';
import type { OAuthParams } from './form-params';
import { DEFAULT_APP_SCOPES } from './token-response';

/** An authorization request that passed the checks made before anyone logs in. */
export interface AuthorizeRequest {
	app: ConnectedApp;
	redirectUri: string;
	/** Scopes asked for; the app's own when the request names none. */
	scopes: string[];
	state?: string;
	codeChallenge?: string;
	codeChallengeMethod?: string;
	loginHint?: string;
	/** The parameters to carry through the login form unchanged. */
	carried: Array<[string, string]>;
}

/** Why an authorization request cannot go on, and how Salesforce says so. */
export type AuthorizeRefusal =
	/** Salesforce cannot trust the callback, so it shows its own error page instead of redirecting. */
	| { kind: 'page'; error: string; description: string }
	/** The callback is trusted: the error goes back to it as `?error=...&error_description=...&state=...`. */
	| { kind: 'redirect'; redirectUri: string; error: string; description?: string; state?: string };

/** The parameters of the authorize endpoint the login form carries from the GET to the POST. */
const CARRIED_PARAMS = [
	'response_type',
	'client_id',
	'redirect_uri',
	'scope',
	'state',
	'code_challenge',
	'code_challenge_method',
	'prompt',
	'login_hint',
	'display',
	'nonce',
];

/**
 * Checks an authorization request in Salesforce's order: an unknown consumer key or a callback URL
 * the app does not list gets an error page (never a redirect to an untrusted URL); anything wrong
 * after that is reported to the callback.
 */
export function checkAuthorizeRequest(
	req: SfRequest,
	params: OAuthParams,
): AuthorizeRequest | AuthorizeRefusal {
	const clientId = params.get('client_id');
	const app = clientId ? req.org.app(clientId) : undefined;
	if (!app)
		return { kind: 'page', error: 'invalid_client_id', description: 'client identifier invalid' };

	const redirectUri = params.get('redirect_uri');
	if (
		!redirectUri ||
		!isUrl(redirectUri) ||
		(app.callbackUrls.length > 0 && !app.callbackUrls.includes(redirectUri))
	) {
		return {
			kind: 'page',
			error: 'redirect_uri_mismatch',
			description: 'redirect_uri must match configuration',
		};
	}

	const state = params.get('state');
	if (params.get('response_type') !== 'code') {
		return {
			kind: 'redirect',
			redirectUri,
			error: 'unsupported_response_type',
			description: 'response type not supported',
			state,
		};
	}
	// The sandbox keeps no browser session, so a request that may not show a login page cannot succeed.
	if (params.get('prompt')?.split(' ').includes('none'))
		return { kind: 'redirect', redirectUri, error: 'login_required', state };

	const scope = params.get('scope')?.trim();
	return {
		app,
		redirectUri,
		scopes: scope ? scope.split(/\s+/) : [...DEFAULT_APP_SCOPES],
		state,
		codeChallenge: params.get('code_challenge') || undefined,
		codeChallengeMethod: params.get('code_challenge_method') || undefined,
		loginHint: params.get('login_hint'),
		carried: CARRIED_PARAMS.flatMap((name) => {
			const value = params.get(name);
			return value === undefined ? [] : [[name, value] as [string, string]];
		}),
	};
}

export function isRefusal(value: AuthorizeRequest | AuthorizeRefusal): value is AuthorizeRefusal {
	return 'kind' in value;
}

/** The callback URL with parameters added to its query (keeping any it already has). */
export function callbackWith(
	redirectUri: string,
	params: Record<string, string | undefined>,
): string {
	const url = new URL(redirectUri);
	for (const [key, value] of Object.entries(params))
		if (value !== undefined) url.searchParams.append(key, value);
	return url.toString();
}

function isUrl(value: string): boolean {
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}
