import { verify, X509Certificate } from 'node:crypto';

/** A compact JWS, split and decoded (its signature not yet checked). */
export interface ParsedJwt {
	header: Record<string, unknown>;
	claims: Record<string, unknown>;
	/** `base64url(header).base64url(claims)`, the bytes the signature covers. */
	signingInput: string;
	signature: Buffer;
}

/** Splits and decodes a JWT; undefined when it is not three base64url parts with JSON objects in the first two. */
export function parseJwt(token: string | undefined): ParsedJwt | undefined {
	const parts = (token ?? '').split('.');
	if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return undefined;
	const header = jsonObject(parts[0]);
	const claims = jsonObject(parts[1]);
	if (!header || !claims || parts[2] === '') return undefined;
	return {
		header,
		claims,
		signingInput: `${parts[0]}.${parts[1]}`,
		signature: Buffer.from(parts[2], 'base64url'),
	};
}

/** Whether an RS256 signature verifies against the public key of any of the PEM certificates. */
export function signedByAnyCertificate(
	jwt: ParsedJwt,
	certificatePems: readonly string[],
): boolean {
	return certificatePems.some((pem) => {
		try {
			const publicKey = new X509Certificate(pem).publicKey;
			return verify('RSA-SHA256', Buffer.from(jwt.signingInput), publicKey, jwt.signature);
		} catch {
			return false;
		}
	});
}

function jsonObject(part: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
