import { randomBytes } from 'node:crypto';

import type { SandboxOrg } from '../org';

/** Salesforce's authorization codes are valid for 15 minutes, and for one exchange. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 15 * 60 * 1000;

export type AuthorizationGrant =
	SandboxOrg['authorizationCodes'] extends Map<string, infer G> ? G : never;

/** Codes already exchanged, so a second try answers "expired" rather than "invalid", as Salesforce does. */
const redeemedCodes = new WeakMap<SandboxOrg, Set<string>>();

/** A new code for a grant; it looks like Salesforce's (`aPrx...`, base64 with padding). */
export function issueAuthorizationCode(
	org: SandboxOrg,
	grant: Omit<AuthorizationGrant, 'expiresAt'>,
): string {
	const code = `aPrx${randomBytes(45).toString('base64')}`;
	org.authorizationCodes.set(code, {
		...grant,
		expiresAt: org.clock.now() + AUTHORIZATION_CODE_LIFETIME_MS,
	});
	return code;
}

/** Takes a code out of the org: it cannot be exchanged twice, whether this exchange succeeds or not. */
export function redeemAuthorizationCode(
	org: SandboxOrg,
	code: string,
): AuthorizationGrant | 'invalid' | 'expired' {
	const redeemed = redeemedCodes.get(org) ?? new Set<string>();
	redeemedCodes.set(org, redeemed);
	if (redeemed.has(code)) return 'expired';
	const grant = org.authorizationCodes.get(code);
	if (!grant) return 'invalid';
	org.authorizationCodes.delete(code);
	redeemed.add(code);
	return org.clock.now() >= grant.expiresAt ? 'expired' : grant;
}
