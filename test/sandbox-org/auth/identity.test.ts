import { fixture } from '../contract/fixtures';
import { expectSameShape } from '../contract/shape';
import { startTestOrg, type TestOrg } from '../testing';
import { connect, dataApiCall, get, postForm, refresh } from './oauth-test-client';

// The identity service (UserInfo endpoint, identity URLs), revocation, and how an ended session shows.

const USERINFO_FIXTURE = 'nango__oauth2-userinfo.json';
const IDENTITY_KEYS = [
	'id',
	'asserted_user',
	'user_id',
	'organization_id',
	'username',
	'nick_name',
	'display_name',
	'email',
	'email_verified',
	'first_name',
	'last_name',
	'timezone',
	'photos',
	'addr_street',
	'addr_city',
	'addr_state',
	'addr_country',
	'addr_zip',
	'mobile_phone',
	'mobile_phone_verified',
	'is_lightning_login_user',
	'status',
	'urls',
	'active',
	'user_type',
	'language',
	'locale',
	'utcOffset',
	'last_modified_date',
	'is_app_installed',
];

let t: TestOrg;
beforeEach(async () => {
	t = await startTestOrg();
});
afterEach(async () => {
	await t.close();
});

function bearer(token: string): Record<string, string> {
	return { Authorization: `Bearer ${token}` };
}

describe('GET /services/oauth2/userinfo', () => {
	it('answers in the shape of the recorded response, keys in the same order', async () => {
		const res = await get(`${t.url}/services/oauth2/userinfo`, bearer(t.token));
		expect(res.status).toBe(200);
		const recorded = fixture<Record<string, unknown>>(USERINFO_FIXTURE);
		expectSameShape(res.json, recorded);
		expect(Object.keys(res.json ?? {})).toEqual(Object.keys(recorded));
		expect(Object.keys((res.json?.urls ?? {}) as object)).toEqual(
			Object.keys(recorded.urls as object),
		);
		expect(res.json).toMatchObject({
			sub: `${t.url}/id/${t.org.orgId}/${t.identity.userId}`,
			user_id: t.identity.userId,
			organization_id: t.org.orgId,
			preferred_username: t.identity.username,
			name: 'Sandbox Integration',
			given_name: 'Sandbox',
			family_name: 'Integration',
			email: t.identity.username,
			zoneinfo: 'America/Los_Angeles',
			utcOffset: -28800000,
			active: true,
			user_type: 'STANDARD',
			urls: expect.objectContaining({
				rest: `${t.url}/services/data/v{version}/`,
				custom_domain: t.url,
				partner: `${t.url}/services/Soap/u/{version}/${t.org.orgId.slice(0, 15)}`,
			}),
		});
		expect(res.json?.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('takes the token as a parameter too, and answers POST as GET', async () => {
		expect(
			(await get(`${t.url}/services/oauth2/userinfo?access_token=${encodeURIComponent(t.token)}`))
				.status,
		).toBe(200);
		expect((await postForm(`${t.url}/services/oauth2/userinfo`, {}, bearer(t.token))).status).toBe(
			200,
		);
	});

	it("answers 403 with one word of plain text to a missing, unknown or ended token (not the REST API's 401)", async () => {
		const missing = await get(`${t.url}/services/oauth2/userinfo`);
		expect([missing.status, missing.text]).toEqual([403, 'Missing_OAuth_Token']);
		expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);

		const unknown = await get(
			`${t.url}/services/oauth2/userinfo`,
			bearer('00DSb0000000000!not-a-token'),
		);
		expect([unknown.status, unknown.text]).toEqual([403, 'Bad_OAuth_Token']);

		t.org.sessions.expireAll();
		const ended = await get(`${t.url}/services/oauth2/userinfo`, bearer(t.token));
		expect([ended.status, ended.text]).toEqual([403, 'Bad_OAuth_Token']);
	});
});

describe("the identity URL (the token response's id)", () => {
	it("answers the identity service's document for the token's own user", async () => {
		const tokens = await connect(t);
		const res = await get(tokens.id, bearer(tokens.access_token));
		expect(res.status).toBe(200);
		expect(Object.keys(res.json ?? {})).toEqual(IDENTITY_KEYS);
		expect(res.json).toMatchObject({
			id: tokens.id,
			asserted_user: true,
			user_id: t.identity.userId,
			organization_id: t.org.orgId,
			username: t.identity.username,
			display_name: 'Sandbox Integration',
			is_app_installed: true,
			status: { created_date: null, body: null },
		});
		expect(res.json?.last_modified_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('fills {version} in the URLs when asked', async () => {
		const res = await get(
			`${t.url}/id/${t.org.orgId}/${t.identity.userId}?version=62.0`,
			bearer(t.token),
		);
		expect((res.json?.urls as Record<string, string>).rest).toBe(`${t.url}/services/data/v62.0/`);
	});

	it('describes another user of the org with asserted_user false, and answers the 15-character Ids too', async () => {
		const otherId = t.org.addUser({
			firstName: 'Agent',
			lastName: 'Two',
			email: 'agent.two@sandbox-org.example',
		});
		const res = await get(
			`${t.url}/id/${t.org.orgId.slice(0, 15)}/${otherId.slice(0, 15)}`,
			bearer(t.token),
		);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			asserted_user: false,
			user_id: otherId,
			username: 'agent.two@sandbox-org.example',
		});
	});

	it("refuses in the identity service's words: Bad_OAuth_Token, Wrong_Org, Bad_Id, Inactive", async () => {
		const badToken = await get(`${t.url}/id/${t.org.orgId}/${t.identity.userId}`, bearer('nope'));
		expect([badToken.status, badToken.text]).toEqual([403, 'Bad_OAuth_Token']);
		const wrongOrg = await get(
			`${t.url}/id/00DSb0000000001AAA/${t.identity.userId}`,
			bearer(t.token),
		);
		expect([wrongOrg.status, wrongOrg.text]).toEqual([403, 'Wrong_Org']);
		const badId = await get(`${t.url}/id/${t.org.orgId}/005Sb0000009999AAA`, bearer(t.token));
		expect([badId.status, badId.text]).toEqual([404, 'Bad_Id']);
		const inactiveId = t.org.addUser({
			firstName: 'Left',
			lastName: 'Company',
			email: 'left@sandbox-org.example',
			active: false,
		});
		const inactive = await get(`${t.url}/id/${t.org.orgId}/${inactiveId}`, bearer(t.token));
		expect([inactive.status, inactive.text]).toEqual([404, 'Inactive']);
	});
});

describe('an ended session', () => {
	it('answers 401 INVALID_SESSION_ID on the REST API once its lifetime is over', async () => {
		const tokens = await connect(t);
		expect((await dataApiCall(t, tokens.access_token)).status).not.toBe(401);
		t.org.clock.advance(t.org.sessions.lifetimeMs);
		try {
			expect(await dataApiCall(t, tokens.access_token)).toEqual({
				status: 401,
				body: fixture('restforce__error-401-INVALID_SESSION_ID.json'),
			});
		} finally {
			t.org.clock.reset();
		}
	});

	it('answers the same after expireAll', async () => {
		const tokens = await connect(t);
		t.org.sessions.expireAll();
		expect(await dataApiCall(t, tokens.access_token)).toEqual({
			status: 401,
			body: fixture('restforce__error-401-INVALID_SESSION_ID.json'),
		});
	});
});

describe('POST /services/oauth2/revoke', () => {
	it('ends a session: 200, then the access token is refused everywhere', async () => {
		const tokens = await connect(t);
		const res = await postForm(`${t.url}/services/oauth2/revoke`, { token: tokens.access_token });
		expect(res.status).toBe(200);
		expect(res.text).toBe('');
		expect((await dataApiCall(t, tokens.access_token)).status).toBe(401);
		expect((await get(`${t.url}/services/oauth2/userinfo`, bearer(tokens.access_token))).text).toBe(
			'Bad_OAuth_Token',
		);
		expect((await refresh(t, tokens.refresh_token)).status).toBe(200);
	});

	it('revokes a refresh token together with the sessions issued from it', async () => {
		const tokens = await connect(t);
		const refreshed = await refresh(t, tokens.refresh_token);
		const res = await get(
			`${t.url}/services/oauth2/revoke?token=${encodeURIComponent(tokens.refresh_token)}`,
		);
		expect(res.status).toBe(200);
		expect((await refresh(t, tokens.refresh_token)).json).toEqual(
			fixture('restforce__oauth-token-error-expired-refresh-token.json'),
		);
		expect((await dataApiCall(t, tokens.access_token)).status).toBe(401);
		expect((await dataApiCall(t, String(refreshed.json?.access_token))).status).toBe(401);
		expect((await dataApiCall(t, t.token)).status).not.toBe(401);
	});

	it('answers 400 unsupported_token_type to a token it does not know', async () => {
		const res = await postForm(`${t.url}/services/oauth2/revoke`, { token: 'not-a-token' });
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'unsupported_token_type',
			error_description: 'this token type is not supported',
		});
	});
});
