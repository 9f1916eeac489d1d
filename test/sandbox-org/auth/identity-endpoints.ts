import type { SfRequest, SfResponse } from '../http/types';
import { oauthParams } from './form-params';
import {
	identityDocument,
	type IdentitySubject,
	userInfoDocument,
	withVersion,
} from './identity-documents';
import { identityError } from './oauth-errors';
import type { Session } from './sessions';
import { identityUrl } from './token-response';

/**
 * `GET|POST /services/oauth2/userinfo`: the current user, for any valid access token. A missing,
 * unknown or ended token answers 403 with `Missing_OAuth_Token` / `Bad_OAuth_Token` in plain text
 * (not the REST API's 401 JSON), which is why clients that only refresh on 401 get stuck here.
 */
export function handleUserInfo(req: SfRequest): SfResponse {
	const session = authenticate(req);
	if ('status' in session) return session;
	const subject = subjectOf(req, session.userId);
	if (!subject) return identityError(403, 'Bad_OAuth_Token');
	return { status: 200, body: userInfoDocument(subject, req.org.clock.now()) };
}

/**
 * `GET|POST /id/<orgId>/<userId>`: the identity URL a token response names. A token of another org
 * answers `Wrong_Org`, an Id that is no user of the org `Bad_Id`, a deactivated user `Inactive`.
 */
export function handleIdentityUrl(req: SfRequest, params: Record<string, string>): SfResponse {
	const session = authenticate(req);
	if ('status' in session) return session;
	if (!sameId(params.orgId, req.org.orgId)) return identityError(403, 'Wrong_Org');
	const user = req.org.store.get(params.userId, 'User');
	const subject = user ? subjectOf(req, String(user.Id)) : undefined;
	if (!subject) return identityError(404, 'Bad_Id');
	if (subject.user.IsActive !== true) return identityError(404, 'Inactive');
	const doc = identityDocument(subject, req.org.clock.now(), subject.userId === session.userId);
	return { status: 200, body: withVersion(doc, req.query.get('version')) };
}

/** The session behind the request's access token: `Authorization: Bearer|OAuth`, or `access_token`/`oauth_token`. */
function authenticate(req: SfRequest): Session | SfResponse {
	const header = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
	const params = oauthParams(req);
	const token = header ?? params.get('access_token') ?? params.get('oauth_token');
	if (!token) return identityError(403, 'Missing_OAuth_Token');
	return req.org.sessions.validate(token) ?? identityError(403, 'Bad_OAuth_Token');
}

function subjectOf(req: SfRequest, userId: string): IdentitySubject | undefined {
	const user = req.org.store.get(userId, 'User');
	if (!user) return undefined;
	return {
		baseUrl: req.baseUrl,
		orgId: req.org.orgId,
		userId,
		user,
		identityUrl: identityUrl(req, userId),
	};
}

/** 15- and 18-character forms of an Id name the same record. */
function sameId(given: string, id18: string): boolean {
	return given === id18 || (given.length === 15 && id18.startsWith(given));
}
