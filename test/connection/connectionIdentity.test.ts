import { connectionIdentity } from '../../nodes/shared/transport/connectionIdentity';

// What the action node keeps across executions (kept describes, in the process's memory) is filed
// under the connection's identity: the same org, user, API version and secret find it again,
// anything else starts afresh.

const oauth = (id: string | undefined, secret = 'token-1') => ({
	oauthTokenData: { access_token: secret, refresh_token: `r-${secret}`, ...(id ? { id } : {}) },
});
const ORG = 'https://login.salesforce.com/id/00D000000000001EAA';

describe('connectionIdentity', () => {
	it('is the same for the same OAuth2 user after the tokens are renewed', () => {
		expect(
			connectionIdentity(
				'oAuth2',
				oauth(`${ORG}/005000000000001AAA`),
				'https://a.my.salesforce.com',
				'62.0',
			),
		).toBe(
			connectionIdentity(
				'oAuth2',
				oauth(`${ORG}/005000000000001AAA`, 'token-2'),
				'https://a.my.salesforce.com',
				'62.0',
			),
		);
	});

	it('differs by user, by org, by API version and by way of signing in', () => {
		const ids = [
			connectionIdentity(
				'oAuth2',
				oauth(`${ORG}/005000000000001AAA`),
				'https://a.my.salesforce.com',
				'62.0',
			),
			connectionIdentity(
				'oAuth2',
				oauth(`${ORG}/005000000000002AAA`),
				'https://a.my.salesforce.com',
				'62.0',
			),
			connectionIdentity(
				'oAuth2',
				oauth(`${ORG}/005000000000001AAA`),
				'https://a.my.salesforce.com',
				'63.0',
			),
			connectionIdentity('oAuth2', oauth(undefined), 'https://b.my.salesforce.com', '62.0'),
			// Token data without an identity URL: the instance alone does not name the user.
			connectionIdentity(
				'oAuth2',
				oauth(undefined, 'token-of-another-user'),
				'https://b.my.salesforce.com',
				'62.0',
			),
			connectionIdentity(
				'jwt',
				{ environment: 'production', username: 'ana@acme.com', clientId: 'app' },
				'',
				'62.0',
			),
			connectionIdentity(
				'jwt',
				{ environment: 'production', username: 'bo@acme.com', clientId: 'app' },
				'',
				'62.0',
			),
			connectionIdentity(
				'jwt',
				{ environment: 'sandbox', username: 'ana@acme.com', clientId: 'app' },
				'',
				'62.0',
			),
			connectionIdentity(
				'clientCredentials',
				{ myDomainUrl: 'https://a.my.salesforce.com', clientId: 'app' },
				'',
				'62.0',
			),
			connectionIdentity(
				'clientCredentials',
				{ myDomainUrl: 'https://b.my.salesforce.com', clientId: 'app' },
				'',
				'62.0',
			),
			// The same app and user, another secret: a credential that could not sign in gets nothing kept by another.
			connectionIdentity(
				'clientCredentials',
				{ myDomainUrl: 'https://b.my.salesforce.com', clientId: 'app', clientSecret: 'guess' },
				'',
				'62.0',
			),
			connectionIdentity(
				'jwt',
				{ environment: 'sandbox', username: 'ana@acme.com', clientId: 'app', privateKey: 'other' },
				'',
				'62.0',
			),
		];
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('does not change when a JWT or client-credentials session begins, and carries nothing readable', () => {
		const before = {
			myDomainUrl: 'https://a.my.salesforce.com',
			clientId: 'app',
			clientSecret: 's3cret',
		};
		const after = {
			...before,
			sessionToken: '00Dxx!AQ',
			instanceUrl: 'https://a.my.salesforce.com',
		};
		const id = connectionIdentity('clientCredentials', before, '', '62.0');
		expect(
			connectionIdentity('clientCredentials', after, 'https://a.my.salesforce.com', '62.0'),
		).toBe(id);
		expect(id).toMatch(/^[0-9a-z]{1,12}$/);
	});
});
