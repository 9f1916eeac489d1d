import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { requestSession } from '../../credentials/common/sessionRequest';

// The token request of the JWT and client credentials credentials, with n8n's request helper
// replaced: what a user reads when the login server cannot be reached or does not log in.

const helpersAnswering = (
	answer: (options: IHttpRequestOptions) => Promise<unknown>,
): IHttpRequestHelper['helpers'] => ({ httpRequest: answer }) as IHttpRequestHelper['helpers'];
const ctx = { flow: 'clientCredentials' as const, loginUrl: 'https://acme.my.salesforce.com' };
const form = {
	grant_type: 'client_credentials',
	client_id: 'key',
	client_secret: 'the-secret-value',
};

describe('token request', () => {
	it('a login server that cannot be reached is named, with the network error code', async () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		const promise = requestSession(
			helpersAnswering(() => Promise.reject(refused)),
			form,
			ctx,
		);
		await expect(promise).rejects.toThrow(
			/^Could not reach Salesforce at https:\/\/acme\.my\.salesforce\.com \(ECONNREFUSED\)\. Check the Environment and the My Domain URL/,
		);
	});

	it('the code is also read from the error the request library wraps', async () => {
		const wrapped = Object.assign(new Error('request failed'), { cause: { code: 'ENOTFOUND' } });
		await expect(
			requestSession(
				helpersAnswering(() => Promise.reject(wrapped)),
				form,
				ctx,
			),
		).rejects.toThrow(/at https:\/\/acme\.my\.salesforce\.com \(ENOTFOUND\)\./);
	});

	it('never shows the form it sent (the secret or the assertion)', async () => {
		const error = await requestSession(
			helpersAnswering(() => Promise.reject(new Error('socket hang up'))),
			form,
			ctx,
		).catch((e: Error) => e);
		expect(error.message).toMatch(
			/^Could not reach Salesforce at https:\/\/acme\.my\.salesforce\.com\. Check/,
		);
		expect(error.message).not.toContain('the-secret-value');
	});

	it('a session from a 200 answer, its instance URL without a trailing slash', async () => {
		const session = await requestSession(
			helpersAnswering(() =>
				Promise.resolve({
					statusCode: 200,
					body: { access_token: 'token', instance_url: 'https://acme.my.salesforce.com/' },
				}),
			),
			form,
			ctx,
		);
		expect(session).toEqual({
			sessionToken: 'token',
			instanceUrl: 'https://acme.my.salesforce.com',
		});
	});

	it('an answer without a session says what the server answered', async () => {
		const promise = requestSession(
			helpersAnswering(() =>
				Promise.resolve({ statusCode: 502, body: '<html>Bad gateway</html>' }),
			),
			form,
			ctx,
		);
		await expect(promise).rejects.toThrow(
			'Salesforce at https://acme.my.salesforce.com answered the login with HTTP 502 and no session. Check the Environment and the My Domain URL.',
		);
	});
});
