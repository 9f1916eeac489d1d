import { timingSafeEqual } from 'node:crypto';

import type { SfRequest, SfResponse } from '../http/types';
import type { ConnectedApp } from '../org';
import type { OAuthParams } from './form-params';
import { TokenErrors } from './oauth-errors';

/** The client credentials a token request carries, from the body or an HTTP Basic header. */
export interface ClientCredentials {
	clientId?: string;
	clientSecret?: string;
}

export function clientCredentials(req: SfRequest, params: OAuthParams): ClientCredentials {
	const basic = basicCredentials(req.headers.authorization);
	return {
		clientId: params.get('client_id') ?? basic?.clientId,
		clientSecret: params.get('client_secret') ?? basic?.clientSecret,
	};
}

/**
 * The connected app a request names, with its secret checked: `invalid_client_id` for an unknown
 * consumer key, `invalid_client` for a wrong (or, when `secret` is 'required', missing) secret.
 */
export function authenticateClient(
	req: SfRequest,
	credentials: ClientCredentials,
	secret: 'required' | 'checked-when-given',
): ConnectedApp | SfResponse {
	const app = credentials.clientId ? req.org.app(credentials.clientId) : undefined;
	if (!app) return TokenErrors.invalidClientId();
	if (credentials.clientSecret === undefined) {
		return secret === 'required' ? TokenErrors.invalidClientCredentials() : app;
	}
	return sameSecret(credentials.clientSecret, app.clientSecret)
		? app
		: TokenErrors.invalidClientCredentials();
}

export function isResponse(value: ConnectedApp | SfResponse): value is SfResponse {
	return 'status' in value;
}

/**
 * `Basic base64(id:secret)`. n8n's OAuth2 client sends the id and secret as they are; RFC 6749 asks
 * for them form-encoded first, so both readings are accepted.
 */
function basicCredentials(header: string | undefined): ClientCredentials | undefined {
	const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!m) return undefined;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return {
		clientId: formDecode(decoded.slice(0, colon)),
		clientSecret: formDecode(decoded.slice(colon + 1)),
	};
}

/** Salesforce keys and secrets have no `%`, so one there can only be form encoding. */
function formDecode(value: string): string {
	if (!value.includes('%')) return value;
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
