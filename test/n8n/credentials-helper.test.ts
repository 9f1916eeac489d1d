import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { SandboxClientCredentialsApi, SandboxOAuth2Api } from './fixture-credentials';
import { N8nHarness } from './harness';

// TestCredentialsHelper's rules, checked directly (no org needed: preAuthentication's HTTP
// helper is a stub that answers like the token endpoint).

/** A preAuthentication whose output lacks the expirable property: n8n then saves nothing. */
class NoSessionOutputApi extends SandboxClientCredentialsApi {
	name = 'noSessionOutputApi';
	async preAuthentication(): Promise<ICredentialDataDecryptedObject> {
		return { instanceUrl: 'https://elsewhere.example' };
	}
}

/** A credential without an expirable property: preAuthentication is never called. */
class NotExpirableApi extends SandboxClientCredentialsApi {
	name = 'notExpirableApi';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', default: '' },
	];
}

function setup() {
	const n8n = new N8nHarness({
		credentials: [
			new SandboxOAuth2Api(),
			new SandboxClientCredentialsApi(),
			new NoSessionOutputApi(),
			new NotExpirableApi(),
		],
	});
	const requests: IHttpRequestOptions[] = [];
	const helpers: IHttpRequestHelper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				requests.push(options);
				return { access_token: `session-${requests.length}`, instance_url: 'https://org.example' };
			},
		},
	};
	const node = (type: string, id: string): INode => ({
		id: 'n',
		name: 'Node',
		type: 'x.y',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id, name: 'c' } },
	});
	return { n8n, helpers, requests, node };
}

describe('preAuthentication', () => {
	const fields = { myDomainUrl: 'https://org.example', clientId: 'id', clientSecret: 'secret' };

	test('runs when the expirable property is empty, merges the output and saves it onto the stored data', async () => {
		const { n8n, helpers, requests, node } = setup();
		const ref = n8n.addCredential('sandboxClientCredentialsApi', { ...fields, sessionToken: '' });
		const credentials = { ...n8n.storedCredential(ref.id) };
		const output = await n8n.credentialsHelper.preAuthentication(
			helpers,
			credentials,
			'sandboxClientCredentialsApi',
			node('sandboxClientCredentialsApi', ref.id),
			false,
		);
		expect(requests).toHaveLength(1);
		expect(output).toMatchObject({ sessionToken: 'session-1', instanceUrl: 'https://org.example' });
		expect(credentials.sessionToken).toBe('session-1');
		expect(n8n.storedCredential(ref.id)).toEqual({
			...fields,
			sessionToken: 'session-1',
			instanceUrl: 'https://org.example',
		});
	});

	test('does nothing while the session is set and not expired; runs again when told it expired', async () => {
		const { n8n, helpers, requests, node } = setup();
		const ref = n8n.addCredential('sandboxClientCredentialsApi', {
			...fields,
			sessionToken: 'live',
		});
		const n = node('sandboxClientCredentialsApi', ref.id);
		expect(
			await n8n.credentialsHelper.preAuthentication(
				helpers,
				n8n.storedCredential(ref.id),
				'sandboxClientCredentialsApi',
				n,
				false,
			),
		).toBeUndefined();
		expect(requests).toHaveLength(0);
		await n8n.credentialsHelper.preAuthentication(
			helpers,
			n8n.storedCredential(ref.id),
			'sandboxClientCredentialsApi',
			n,
			true,
		);
		expect(requests).toHaveLength(1);
		expect(n8n.storedCredential(ref.id).sessionToken).toBe('session-1');
	});

	test('never overwrites a field the user stored as an expression (the expirable one excepted)', async () => {
		const { n8n, helpers, node } = setup();
		const ref = n8n.addCredential('sandboxClientCredentialsApi', {
			...fields,
			instanceUrl: '={{ "https://pinned.example" }}',
			sessionToken: '',
		});
		const credentials = { ...n8n.storedCredential(ref.id) };
		await n8n.credentialsHelper.preAuthentication(
			helpers,
			credentials,
			'sandboxClientCredentialsApi',
			node('sandboxClientCredentialsApi', ref.id),
			false,
		);
		expect(n8n.storedCredential(ref.id)).toMatchObject({
			instanceUrl: '={{ "https://pinned.example" }}',
			sessionToken: 'session-1',
		});
		// In memory, for this request, the fresh value is used.
		expect(credentials.instanceUrl).toBe('https://org.example');
	});

	test('an output without the expirable property is neither returned nor saved', async () => {
		const { n8n, helpers, node } = setup();
		const ref = n8n.addCredential('noSessionOutputApi', { ...fields, sessionToken: '' });
		expect(
			await n8n.credentialsHelper.preAuthentication(
				helpers,
				n8n.storedCredential(ref.id),
				'noSessionOutputApi',
				node('noSessionOutputApi', ref.id),
				false,
			),
		).toBeUndefined();
		expect(n8n.store.writesOf(ref.id)).toHaveLength(1);
	});

	test('a type without a hidden expirable property never runs it', async () => {
		const { n8n, helpers, requests, node } = setup();
		const ref = n8n.addCredential('notExpirableApi', { sessionToken: '' });
		expect(
			await n8n.credentialsHelper.preAuthentication(
				helpers,
				n8n.storedCredential(ref.id),
				'notExpirableApi',
				node('notExpirableApi', ref.id),
				true,
			),
		).toBeUndefined();
		expect(requests).toHaveLength(0);
	});

	test('runPreAuthentication (n8n-core calls it on every OAuth2 request) runs unguarded and saves nothing', async () => {
		const { n8n, helpers, requests } = setup();
		const ref = n8n.addCredential('sandboxClientCredentialsApi', {
			...fields,
			sessionToken: 'live',
		});
		const output = await n8n.credentialsHelper.runPreAuthentication(
			helpers,
			n8n.storedCredential(ref.id),
			'sandboxClientCredentialsApi',
		);
		expect(output).toMatchObject({ sessionToken: 'session-1' });
		expect(requests).toHaveLength(1);
		expect(n8n.storedCredential(ref.id).sessionToken).toBe('live');
	});
});

describe('stored data and types', () => {
	test('oAuth2Api itself carries the special oauthTokenData property; a child gets parent properties overridden by its own', () => {
		const { n8n } = setup();
		const own = n8n.credentialsHelper.getCredentialsProperties('oAuth2Api');
		expect(own[own.length - 1]).toMatchObject({
			name: 'oauthTokenData',
			type: 'json',
			default: {},
		});
		const child = n8n.credentialsHelper.getCredentialsProperties('sandboxOAuth2Api');
		expect(child.find((p) => p.name === 'grantType')).toMatchObject({
			type: 'hidden',
			default: 'authorizationCode',
		});
		expect(child.find((p) => p.name === 'clientSecret')).toMatchObject({
			type: 'string',
			typeOptions: { password: true },
		});
		expect(child.some((p) => p.name === 'tokenExpiredStatusCode')).toBe(false);
	});

	test('updateCredentialsOauthTokenData changes only oauthTokenData', async () => {
		const { n8n } = setup();
		const ref = n8n.addCredential('sandboxOAuth2Api', {
			instanceUrl: 'https://org.example',
			clientId: 'id',
			oauthTokenData: { access_token: 'a' },
		});
		await n8n.credentialsHelper.updateCredentialsOauthTokenData(
			ref,
			'sandboxOAuth2Api',
			{ instanceUrl: 'changed', oauthTokenData: { access_token: 'b' } },
			createAdditionalData(n8n.credentialsHelper),
		);
		expect(n8n.storedCredential(ref.id)).toEqual({
			instanceUrl: 'https://org.example',
			clientId: 'id',
			oauthTokenData: { access_token: 'b' },
		});
	});

	test('getDecrypted(raw) returns the stored data; unknown ids fail as the CLI fails', async () => {
		const { n8n } = setup();
		const ref = n8n.addCredential('sandboxOAuth2Api', { instanceUrl: 'https://org.example' });
		const additionalData = createAdditionalData(n8n.credentialsHelper);
		expect(
			await n8n.credentialsHelper.getDecrypted(
				additionalData,
				ref,
				'sandboxOAuth2Api',
				'internal',
				undefined,
				true,
			),
		).toEqual({ instanceUrl: 'https://org.example' });
		await expect(
			n8n.credentialsHelper.getDecrypted(
				additionalData,
				{ id: 'nope', name: 'x' },
				'sandboxOAuth2Api',
				'internal',
			),
		).rejects.toThrow('Credential with ID "nope" does not exist for type "sandboxOAuth2Api".');
		await expect(
			n8n.credentialsHelper.getDecrypted(
				additionalData,
				{ id: null, name: 'x' },
				'sandboxOAuth2Api',
				'internal',
			),
		).rejects.toThrow(UnexpectedError);
	});

	test('a generic authenticate object needs the workflow and node to resolve its expressions', async () => {
		const { n8n } = setup();
		const withBearer = new N8nHarness({
			credentials: [
				{
					name: 'bearerApi',
					displayName: 'Bearer',
					properties: [],
					authenticate: {
						type: 'generic',
						properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
					},
				},
			],
		});
		await expect(
			withBearer.credentialsHelper.authenticate({ token: 't' }, 'bearerApi', { url: 'https://x' }),
		).rejects.toThrow('Workflow and node are required');
		expect(n8n.credentialsHelper.getParentTypes('sandboxClientCredentialsApi')).toEqual([]);
	});
});
