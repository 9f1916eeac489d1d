import type { ICredentialTestRequest } from 'n8n-workflow';

import { CREDENTIAL_TEST_URL } from '../../nodes/shared/transport/salesforceApi';

/**
 * The credential test calls the REST API's resource list for the configured version. Salesforce's
 * `userinfo` would answer 403 to an ended session, which n8n does not treat as expired (it renews on
 * 401 only), and it works for users without API access; the REST API answers 401 and 403 as the
 * nodes will meet them.
 */
export function restApiTest(baseURL?: string): ICredentialTestRequest {
	return {
		request: {
			method: 'GET',
			...(baseURL ? { baseURL } : {}),
			url: CREDENTIAL_TEST_URL,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Salesforce refused the API call: give the user the "API Enabled" permission (profile or permission set), or wait until the org\'s daily API allowance is free again.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Salesforce does not offer this API Version: set API Version to one your org supports, such as 64.0.',
				},
			},
		],
	};
}
