import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { SalesforceServiceCloudTrigger } from '../../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node';
import { CREDENTIAL_TYPES } from '../../nodes/shared/transport/credentialTypes';

// The `authentication` values are saved in users' workflows and the credential type names in their
// credentials: both must stay exactly these.
describe('the Authentication parameter and the credentials it shows', () => {
	const nodes = [new SalesforceServiceCloud(), new SalesforceServiceCloudTrigger()].map((n) =>
		n.getNodeType(),
	);

	it.each(nodes.map((n) => [n.description.name, n.description] as const))(
		'%s offers the three choices, OAuth2 by default',
		(_name, description) => {
			const parameter = description.properties.find((p) => p.name === 'authentication');
			expect(parameter).toMatchObject({ type: 'options', default: 'oAuth2' });
			expect(parameter?.options).toEqual([
				{ name: 'OAuth2 (Log in with Salesforce)', value: 'oAuth2' },
				{ name: 'JWT Bearer (Certificate)', value: 'jwt' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
			]);
		},
	);

	it.each(nodes.map((n) => [n.description.name, n.description] as const))(
		'%s shows each credential type for its choice only',
		(_name, description) => {
			expect(description.credentials).toEqual([
				{
					name: 'salesforceServiceCloudOAuth2Api',
					required: true,
					displayOptions: { show: { authentication: ['oAuth2'] } },
				},
				{
					name: 'salesforceServiceCloudJwtApi',
					required: true,
					displayOptions: { show: { authentication: ['jwt'] } },
				},
				{
					name: 'salesforceServiceCloudClientCredentialsApi',
					required: true,
					displayOptions: { show: { authentication: ['clientCredentials'] } },
				},
			]);
		},
	);

	it('each choice uses its credential type', () => {
		expect(CREDENTIAL_TYPES).toEqual({
			oAuth2: 'salesforceServiceCloudOAuth2Api',
			jwt: 'salesforceServiceCloudJwtApi',
			clientCredentials: 'salesforceServiceCloudClientCredentialsApi',
		});
	});
});
