import type { HttpRequest } from '@jsforce/jsforce-node';

import {
	collectionsTarget,
	queryNextPage,
	recordLink,
	retrieveRecord,
	type ApiClient,
} from '../../nodes/shared/transport/salesforceApi';

// The one module that builds Salesforce URLs: a value a user typed never reaches a path unencoded.

function recordingClient() {
	const sent: HttpRequest[] = [];
	const sf: ApiClient = {
		apiVersion: '64.0',
		conn: {
			request: async <R>(request: HttpRequest): Promise<R> => {
				sent.push(request);
				return {} as R;
			},
		},
	};
	return { sf, sent };
}

describe('Salesforce URLs', () => {
	it('encodes the object name, the Id and the field list of a record read', async () => {
		const { sf, sent } = recordingClient();
		await retrieveRecord(sf, 'Case/../User', '500?x=1#', ['Subject', 'Owner.Name']);
		expect(sent[0].url).toBe(
			'/services/data/v64.0/sobjects/Case%2F..%2FUser/500%3Fx%3D1%23?fields=Subject%2COwner.Name',
		);
	});

	it('encodes the object and external ID field of an upsert, and each Id of a delete', () => {
		expect(
			collectionsTarget('64.0', {
				operation: 'upsert',
				objectName: 'Lead',
				externalIdField: 'Ext/Id__c',
			}).url,
		).toBe('/services/data/v64.0/composite/sobjects/Lead/Ext%2FId__c');
		expect(
			collectionsTarget('64.0', {
				operation: 'delete',
				ids: ['001A', '001B&allOrNone=true'],
				allOrNone: false,
			}).url,
		).toBe(
			'/services/data/v64.0/composite/sobjects?ids=001A,001B%26allOrNone%3Dtrue&allOrNone=false',
		);
	});

	it('follows only next-page addresses inside the REST API', async () => {
		const { sf, sent } = recordingClient();
		await queryNextPage(sf, '/services/data/v64.0/query/01gxx-2000');
		expect(sent[0].url).toBe('/services/data/v64.0/query/01gxx-2000');
		expect(() => queryNextPage(sf, 'https://elsewhere.example/steal')).toThrow(
			/outside its REST API/,
		);
	});

	it('links to a record in Lightning', () => {
		expect(recordLink('https://acme.my.salesforce.com', 'Case', '500Sb00000AbCdEAAV')).toBe(
			'https://acme.my.salesforce.com/lightning/r/Case/500Sb00000AbCdEAAV/view',
		);
	});
});
