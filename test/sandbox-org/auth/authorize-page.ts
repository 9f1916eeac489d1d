import type { SfResponse } from '../http/types';
import type { AuthorizeRequest } from './authorize-request';

const HTML_HEADERS: Record<string, string> = {
	'Content-Type': 'text/html;charset=UTF-8',
	'Cache-Control': 'no-store',
	'X-Frame-Options': 'DENY',
};

/** Salesforce's words for a failed login. */
export const LOGIN_FAILED_MESSAGE =
	"Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

/**
 * The login-and-consent page. Salesforce shows a login page and then an "Allow Access?" page; the
 * sandbox shows both on one, keeping Salesforce's element ids (`username`, `password`, `oaapprove`,
 * `oadeny`) so a person or a Playwright script can drive it.
 */
export function loginPage(
	request: AuthorizeRequest,
	options: { error?: string; username?: string } = {},
): SfResponse {
	const hidden = request.carried
		.map(
			([name, value]) =>
				`<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
		)
		.join('\n\t\t');
	const username = options.username ?? request.loginHint ?? '';
	const error = options.error
		? `<div id="error" class="loginError" role="alert">${escapeHtml(options.error)}</div>`
		: '';
	const scopes = request.scopes.map((s) => `<li>${escapeHtml(SCOPE_LABELS[s] ?? s)}</li>`).join('');
	const text = `<!DOCTYPE html>
<html lang="en">
<head>
	<meta charset="utf-8">
	<title>Login | Salesforce (sandbox org)</title>
	<style>body{font-family:sans-serif;max-width:26rem;margin:3rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}.loginError{color:#c23934}</style>
</head>
<body>
	<h1>Log in to the sandbox org</h1>
	<p><strong>${escapeHtml(request.app.name)}</strong> is asking to:</p>
	<ul id="scopes">${scopes}</ul>
	${error}
	<form id="login_form" method="post" action="/services/oauth2/authorize">
		${hidden}
		<label for="username">Username</label>
		<input type="email" id="username" name="username" autocomplete="username" value="${escapeHtml(username)}">
		<label for="password">Password</label>
		<input type="password" id="password" name="password" autocomplete="current-password">
		<button type="submit" id="oaapprove" name="decision" value="allow">Allow</button>
		<button type="submit" id="oadeny" name="decision" value="deny" formnovalidate>Deny</button>
	</form>
</body>
</html>
`;
	return { status: 200, text, headers: HTML_HEADERS };
}

/**
 * The page Salesforce shows instead of redirecting when it cannot trust the callback (unknown
 * consumer key, callback URL not in the app): its text carries the error as the URL would.
 */
export function authorizeErrorPage(error: string, description: string): SfResponse {
	const code = `error=${encodeURIComponent(error)}&error_description=${encodeURIComponent(description)}`;
	const text = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Remote Access Authorization Error</title></head>
<body>
	<h1>OAuth Error</h1>
	<p>We can't authorize you because of an OAuth error. For more information, contact your Salesforce administrator.</p>
	<p id="error" data-error="${escapeHtml(error)}" data-error-description="${escapeHtml(description)}">${escapeHtml(code)}</p>
</body>
</html>
`;
	return { status: 400, text, headers: HTML_HEADERS };
}

const SCOPE_LABELS: Record<string, string> = {
	api: 'Manage user data via APIs (api)',
	full: 'Full access (full)',
	refresh_token: 'Perform requests at any time (refresh_token, offline_access)',
	offline_access: 'Perform requests at any time (refresh_token, offline_access)',
	id: 'Access the identity URL service (id, profile, email, address, phone)',
	openid: 'Access unique user identifiers (openid)',
	web: 'Manage user data via Web browsers (web)',
};

const HTML_ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}
