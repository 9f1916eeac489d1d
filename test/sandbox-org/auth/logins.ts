import { createHmac } from 'node:crypto';

import type { OrgUserLogin, SandboxOrg } from '../org';

/** A login by username; Salesforce usernames are case-insensitive. */
export function findLogin(org: SandboxOrg, username: string | undefined): OrgUserLogin | undefined {
	if (!username) return undefined;
	const wanted = username.trim().toLowerCase();
	return org.logins.find((l) => l.username.toLowerCase() === wanted);
}

export function isActiveUser(org: SandboxOrg, userId: string): boolean {
	const user = org.store.get(userId, 'User');
	return user !== undefined && user.IsActive === true;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The user's security token: 24 letters and digits, stable for a user of an org (the sandbox has no
 * "reset my security token" email). The password flow takes the password alone (as from a trusted
 * IP range) or followed by this token.
 */
export function securityTokenOf(org: SandboxOrg, userId: string): string {
	const digest = createHmac('sha256', org.orgId).update(`security-token:${userId}`).digest();
	return [...digest.subarray(0, 24)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

/** The web login page's check: the password exactly, for an active user. */
export function passwordLogin(
	org: SandboxOrg,
	username: string | undefined,
	password: string | undefined,
): OrgUserLogin | undefined {
	const login = findLogin(org, username);
	if (!login || password !== login.password || !isActiveUser(org, login.userId)) return undefined;
	return login;
}

/** The password flow's check: the password, with or without the security token appended. */
export function passwordFlowLogin(
	org: SandboxOrg,
	username: string | undefined,
	password: string | undefined,
): OrgUserLogin | undefined {
	const login = findLogin(org, username);
	if (!login || password === undefined || !isActiveUser(org, login.userId)) return undefined;
	const accepted =
		password === login.password || password === login.password + securityTokenOf(org, login.userId);
	return accepted ? login : undefined;
}
