import type { SandboxOrg } from '../org';

/**
 * Which access tokens came from which refresh token, so that revoking a refresh token also ends the
 * sessions issued from it, as Salesforce's revoke endpoint does. A rotated refresh token takes over
 * its predecessor's sessions.
 */
const families = new WeakMap<SandboxOrg, Map<string, Set<string>>>();

function familiesOf(org: SandboxOrg): Map<string, Set<string>> {
	let map = families.get(org);
	if (!map) {
		map = new Map();
		families.set(org, map);
	}
	return map;
}

export function linkSession(org: SandboxOrg, refreshToken: string, accessToken: string): void {
	const map = familiesOf(org);
	const family = map.get(refreshToken) ?? new Set<string>();
	family.add(accessToken);
	map.set(refreshToken, family);
}

export function passFamilyOn(
	org: SandboxOrg,
	oldRefreshToken: string,
	newRefreshToken: string,
): void {
	const map = familiesOf(org);
	const family = map.get(oldRefreshToken);
	map.delete(oldRefreshToken);
	if (family) map.set(newRefreshToken, family);
}

/** Ends every session issued from a refresh token. */
export function revokeFamily(org: SandboxOrg, refreshToken: string): void {
	const map = familiesOf(org);
	for (const accessToken of map.get(refreshToken) ?? []) org.sessions.revoke(accessToken);
	map.delete(refreshToken);
}
