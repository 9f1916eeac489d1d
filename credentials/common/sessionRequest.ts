import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { describeTokenError, type TokenErrorContext } from './tokenErrors';

/** A session as the JWT and client credentials credentials cache it (hidden properties). */
export interface CachedSession extends IDataObject {
	sessionToken: string;
	instanceUrl: string;
}

interface TokenResponse {
	access_token?: string;
	instance_url?: string;
	error?: string;
	error_description?: string;
}

/**
 * Posts a token request and returns the new session. Failures become plain-words errors; the
 * form (which holds the assertion or the secret) never appears in them.
 */
export async function requestSession(
	helpers: IHttpRequestHelper['helpers'],
	form: Record<string, string>,
	ctx: TokenErrorContext,
): Promise<CachedSession> {
	// Credentials have no node to build n8n's NodeApiError with: a failure is read here, outside a
	// catch block, and thrown as a plain error that the nodes' error boundary shows.
	const outcome = await helpers
		.httpRequest({
			method: 'POST',
			url: `${ctx.loginUrl}/services/oauth2/token`,
			body: new URLSearchParams(form).toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: true,
		})
		.then(
			(response) => ({
				response: response as { statusCode: number; body: TokenResponse | string },
			}),
			(error: { code?: string; cause?: { code?: string } }) => ({
				networkCode: error.code ?? error.cause?.code ?? '',
			}),
		);
	if ('networkCode' in outcome) {
		const code = outcome.networkCode;
		throw new Error(
			`Could not reach Salesforce at ${ctx.loginUrl}${code ? ` (${code})` : ''}. Check the Environment and the My Domain URL, and that this server can reach the internet.`,
		);
	}
	const { response } = outcome;
	const body: TokenResponse =
		typeof response.body === 'string' ? safeJson(response.body) : (response.body ?? {});
	if (response.statusCode === 200 && body.access_token && body.instance_url) {
		return { sessionToken: body.access_token, instanceUrl: body.instance_url.replace(/\/+$/, '') };
	}
	if (body.error)
		throw new Error(describeTokenError(body.error, body.error_description ?? '', ctx));
	throw new Error(
		`Salesforce at ${ctx.loginUrl} answered the login with HTTP ${response.statusCode} and no session. Check the Environment and the My Domain URL.`,
	);
}

function safeJson(text: string): TokenResponse {
	try {
		return JSON.parse(text) as TokenResponse;
	} catch {
		return {};
	}
}
