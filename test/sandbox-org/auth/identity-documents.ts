import type { Row } from '../core/store';

/** What the identity documents are built from: the user's row and where the org is reached. */
export interface IdentitySubject {
	baseUrl: string;
	orgId: string;
	userId: string;
	user: Row;
	/** The `/id/...` URL of the user. */
	identityUrl: string;
}

/** The `urls` block shared by the UserInfo endpoint and identity URLs; `{version}` is left for the client (or `?version=`) to fill. */
export function identityUrls(s: IdentitySubject): Record<string, string> {
	const base = s.baseUrl;
	const org15 = s.orgId.slice(0, 15);
	return {
		enterprise: `${base}/services/Soap/c/{version}/${org15}`,
		metadata: `${base}/services/Soap/m/{version}/${org15}`,
		partner: `${base}/services/Soap/u/{version}/${org15}`,
		rest: `${base}/services/data/v{version}/`,
		sobjects: `${base}/services/data/v{version}/sobjects/`,
		search: `${base}/services/data/v{version}/search/`,
		query: `${base}/services/data/v{version}/query/`,
		recent: `${base}/services/data/v{version}/recent/`,
		tooling_soap: `${base}/services/Soap/T/{version}/${org15}`,
		tooling_rest: `${base}/services/data/v{version}/tooling/`,
		profile: `${base}/${s.userId}`,
		feeds: `${base}/services/data/v{version}/chatter/feeds`,
		groups: `${base}/services/data/v{version}/chatter/groups`,
		users: `${base}/services/data/v{version}/chatter/users`,
		feed_items: `${base}/services/data/v{version}/chatter/feed-items`,
		feed_elements: `${base}/services/data/v{version}/chatter/feed-elements`,
		custom_domain: base,
	};
}

/** `GET /services/oauth2/userinfo`, in the shape (and key order) of a recorded real response. */
export function userInfoDocument(s: IdentitySubject, now: number) {
	const u = userFacts(s, now);
	return {
		sub: s.identityUrl,
		user_id: s.userId,
		organization_id: s.orgId,
		preferred_username: u.username,
		nickname: u.nickname,
		name: u.name,
		email: u.email,
		email_verified: true,
		given_name: u.firstName,
		family_name: u.lastName,
		zoneinfo: u.timeZone,
		photos: u.photos,
		profile: `${s.baseUrl}/${s.userId}`,
		picture: u.photos.picture,
		address: {},
		is_salesforce_integration_user: false,
		urls: identityUrls(s),
		active: u.active,
		user_type: u.userType,
		language: u.language,
		locale: u.locale,
		utcOffset: u.utcOffset,
		updated_at: u.lastModified,
	};
}

/** `GET /id/<orgId>/<userId>` (the token response's `id`), in the identity service's shape. */
export function identityDocument(s: IdentitySubject, now: number, assertedUser: boolean) {
	const u = userFacts(s, now);
	return {
		id: s.identityUrl,
		asserted_user: assertedUser,
		user_id: s.userId,
		organization_id: s.orgId,
		username: u.username,
		nick_name: u.nickname,
		display_name: u.name,
		email: u.email,
		email_verified: true,
		first_name: u.firstName,
		last_name: u.lastName,
		timezone: u.timeZone,
		photos: u.photos,
		addr_street: null,
		addr_city: null,
		addr_state: null,
		addr_country: null,
		addr_zip: null,
		mobile_phone: null,
		mobile_phone_verified: false,
		is_lightning_login_user: false,
		status: { created_date: null, body: null },
		urls: identityUrls(s),
		active: u.active,
		user_type: u.userType,
		language: u.language,
		locale: u.locale,
		utcOffset: u.utcOffset,
		last_modified_date: u.lastModified,
		is_app_installed: true,
	};
}

/** Fills `{version}` in every URL, as the identity service does for `?version=62.0`. */
export function withVersion<T extends { urls: Record<string, string> }>(
	doc: T,
	version: string | null,
): T {
	if (!version || !/^\d+\.\d$/.test(version)) return doc;
	const urls = Object.fromEntries(
		Object.entries(doc.urls).map(([k, v]) => [k, v.replace('{version}', version)]),
	);
	return { ...doc, urls };
}

function userFacts(s: IdentitySubject, now: number) {
	const u = s.user;
	const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
	const timeZone = text(u.TimeZoneSidKey) ?? 'America/Los_Angeles';
	const createdMs = typeof u.CreatedDate === 'number' ? u.CreatedDate : now;
	const modifiedMs = typeof u.LastModifiedDate === 'number' ? u.LastModifiedDate : createdMs;
	return {
		username: text(u.Username) ?? '',
		// Salesforce's default community nickname is "User" and a long number.
		nickname: `User${createdMs}${s.userId.slice(-6).replace(/\D/g, '')}`,
		name: text(u.Name) ?? [text(u.FirstName), text(u.LastName)].filter(Boolean).join(' '),
		email: text(u.Email),
		firstName: text(u.FirstName),
		lastName: text(u.LastName),
		timeZone,
		photos: {
			picture: `${s.baseUrl}/profilephoto/005/F`,
			thumbnail: `${s.baseUrl}/profilephoto/005/T`,
		},
		active: u.IsActive === true,
		userType: (text(u.UserType) ?? 'Standard').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(),
		language: 'en_US',
		locale: 'en_US',
		utcOffset: standardUtcOffsetMs(timeZone, now),
		lastModified: new Date(modifiedMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
	};
}

/**
 * The time zone's standard (non-daylight) offset in ms: a recorded response from California in May
 * says -28800000, not the -25200000 of daylight time.
 */
export function standardUtcOffsetMs(timeZone: string, now: number): number {
	const year = new Date(now).getUTCFullYear();
	const offsets = [Date.UTC(year, 0, 1), Date.UTC(year, 6, 1)].map((at) => offsetAt(timeZone, at));
	return Math.min(...offsets);
}

function offsetAt(timeZone: string, at: number): number {
	try {
		const name =
			new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
				.formatToParts(at)
				.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
		const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
		if (!m) return 0;
		return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60 * 1000;
	} catch {
		return 0;
	}
}
