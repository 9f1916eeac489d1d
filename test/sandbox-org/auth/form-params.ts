import type { SfRequest } from '../http/types';

/** The parameters of an OAuth request, read as Salesforce reads them. */
export type OAuthParams = ReadonlyMap<string, string>;

/**
 * The query string, overlaid with the form body. Salesforce reads OAuth parameters from either; a
 * JSON body is not read at all (which is why a token request posted as JSON answers
 * `unsupported_grant_type`).
 */
export function oauthParams(req: SfRequest): OAuthParams {
	const params = new Map<string, string>(req.query);
	if (isFormBody(req) && req.body && typeof req.body === 'object') {
		for (const [key, value] of Object.entries(req.body as Record<string, unknown>)) {
			if (typeof value === 'string') params.set(key, value);
		}
	}
	return params;
}

function isFormBody(req: SfRequest): boolean {
	return (req.headers['content-type'] ?? '')
		.toLowerCase()
		.includes('application/x-www-form-urlencoded');
}
