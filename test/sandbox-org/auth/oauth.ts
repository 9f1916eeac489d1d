import type { Router } from '../http/router';
import { showAuthorizePage, submitAuthorizePage } from './authorize';
import { handleIdentityUrl, handleUserInfo } from './identity-endpoints';
import { handleRevoke } from './revoke';
import { handleTokenRequest } from './token-endpoint';

/** Salesforce's OAuth 2.0 endpoints and identity service, as a client (or n8n's Connect button) meets them. */
export function registerOAuthRoutes(router: Router): void {
	router.add('GET', '/services/oauth2/authorize', 'other', showAuthorizePage);
	router.add('POST', '/services/oauth2/authorize', 'other', submitAuthorizePage);
	router.add('POST', '/services/oauth2/token', 'other', handleTokenRequest);
	router.add('GET', '/services/oauth2/userinfo', 'other', handleUserInfo);
	router.add('POST', '/services/oauth2/userinfo', 'other', handleUserInfo);
	router.add('POST', '/services/oauth2/revoke', 'other', handleRevoke);
	router.add('GET', '/services/oauth2/revoke', 'other', handleRevoke);
	router.add('GET', '/id/:orgId/:userId', 'other', handleIdentityUrl);
	router.add('POST', '/id/:orgId/:userId', 'other', handleIdentityUrl);
}
