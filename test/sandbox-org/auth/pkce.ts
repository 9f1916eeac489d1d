import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a token request's `code_verifier` answers the authorization request's `code_challenge`.
 * Salesforce documents the challenge as the base64url SHA-256 of the verifier (S256); `plain` is
 * honoured only when the client asked for it by name.
 */
export function verifierMatches(
	verifier: string,
	challenge: string,
	method: string | undefined,
): boolean {
	const expected =
		method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
	const a = Buffer.from(expected);
	const b = Buffer.from(challenge);
	return a.length === b.length && timingSafeEqual(a, b);
}
