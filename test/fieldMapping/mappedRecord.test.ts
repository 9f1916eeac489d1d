import { Connection, type DescribeSObjectResult } from '@jsforce/jsforce-node';

import {
	FieldMappingError,
	mappedValuesToRecord,
	type FieldMappingProblem,
} from '../../nodes/shared/fieldMapping';
import { API_VERSION, externalIdField, startTestOrg, type TestOrg } from '../sandbox-org/testing';

describe('mappedValuesToRecord (sandbox org describes)', () => {
	let t: TestOrg;
	let lead: DescribeSObjectResult;
	let contact: DescribeSObjectResult;
	let caseDescribe: DescribeSObjectResult;
	beforeAll(async () => {
		t = await startTestOrg();
		t.org.schema.addCustomField('Contact', externalIdField('Ext_Id__c', { label: 'Ext Id' }));
		t.org.schema.addCustomField('Lead', {
			name: 'Tier__c',
			type: 'picklist',
			label: 'Tier',
			picklist: ['Gold', 'Silver'],
			restrictedPicklist: true,
		});
		t.org.schema.addCustomField('Lead', {
			name: 'Channels__c',
			type: 'multipicklist',
			label: 'Channels',
			picklist: ['Chat', 'Email', 'Phone'],
			restrictedPicklist: true,
		});
		t.org.schema.addCustomField('Lead', {
			name: 'FirstContact__c',
			type: 'date',
			label: 'First Contact',
		});
		const conn = new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION });
		[lead, contact, caseDescribe] = await Promise.all([
			conn.describe('Lead'),
			conn.describe('Contact'),
			conn.describe('Case'),
		]);
	});
	afterAll(async () => {
		await t.close();
	});

	it('converts values by type into a body the sandbox org accepts', async () => {
		const body = mappedValuesToRecord(
			lead,
			{
				lastname: ' Weiß ',
				Company: 'Old Mill Brewing Co.',
				NumberOfEmployees: '42',
				AnnualRevenue: 1250000.5,
				IsUnreadByOwner: 'false',
				EmailBouncedDate: '2026-11-21 09:30:00',
				FirstContact__c: '2026-11-20T23:30:00-05:00',
				Status: 'working - contacted',
				Tier__c: 'Gold',
				Channels__c: 'Chat; Email',
				Title: '',
				Latitude: null,
				OwnerId: t.identity.userId,
			},
			{ operation: 'create', itemIndex: 0, timezone: 'Europe/Berlin' },
		);
		expect(body).toEqual({
			LastName: ' Weiß ',
			Company: 'Old Mill Brewing Co.',
			NumberOfEmployees: 42,
			AnnualRevenue: 1250000.5,
			IsUnreadByOwner: false,
			EmailBouncedDate: '2026-11-21T08:30:00.000Z',
			FirstContact__c: '2026-11-20',
			Status: 'Working - Contacted',
			Tier__c: 'Gold',
			Channels__c: 'Chat;Email',
			Title: null,
			Latitude: null,
			OwnerId: t.identity.userId,
		});
		const created = await t.api('POST', '/sobjects/Lead', body);
		expect(created.status).toBe(201);
		const read = await t.api('GET', `/sobjects/Lead/${created.body.id}`);
		expect(read.body).toMatchObject({
			Company: 'Old Mill Brewing Co.',
			NumberOfEmployees: 42,
			Status: 'Working - Contacted',
		});
	});

	it('finds a parent by its external ID (Contact.Ext_Id__c) in a body the sandbox org accepts', async () => {
		const contactCreated = await t.api(
			'POST',
			'/sobjects/Contact',
			mappedValuesToRecord(
				contact,
				{ LastName: 'Gutierrez', Ext_Id__c: 'crm/42 #a' },
				{ operation: 'create' },
			),
		);
		expect(contactCreated.status).toBe(201);
		const body = mappedValuesToRecord(
			caseDescribe,
			{ Subject: 'Duplicate payment', 'contact.ext_id__c': 'crm/42 #a' },
			{ operation: 'create', parents: [contact] },
		);
		expect(body).toEqual({ Subject: 'Duplicate payment', Contact: { Ext_Id__c: 'crm/42 #a' } });
		const created = await t.api('POST', '/sobjects/Case', body);
		expect(created.status).toBe(201);
		expect((await t.api('GET', `/sobjects/Case/${created.body.id}`)).body.ContactId).toBe(
			contactCreated.body.id,
		);
	});

	it('lets an update leave required fields out but not empty them', () => {
		expect(
			mappedValuesToRecord(lead, { Id: '00QSb0000000001', Title: 'CTO' }, { operation: 'update' }),
		).toEqual({ Id: '00QSb0000000001', Title: 'CTO' });
		expectError(
			() => mappedValuesToRecord(lead, { Company: '' }, { operation: 'update', itemIndex: 3 }),
			'requiredMissing',
			'Company',
			/Company.*cannot be empty \(item 3\)/,
		);
	});

	const bad: Array<[string, Record<string, unknown>, FieldMappingProblem, string, RegExp]> = [
		[
			'an unknown field, with the nearest names',
			{ LastName: 'A', Company: 'B', Compnay: 'C' },
			'unknownField',
			'Compnay',
			/no field "Compnay".*Did you mean "Company"/,
		],
		[
			'a read-only field',
			{ LastName: 'A', Company: 'B', IsConverted: true },
			'notWritable',
			'IsConverted',
			/IsConverted.*cannot be set in a create/,
		],
		[
			'a missing required field',
			{ LastName: 'A' },
			'requiredMissing',
			'Company',
			/Company.*is required to create a Lead/,
		],
		[
			'an empty required field',
			{ LastName: '  ', Company: 'B' },
			'requiredMissing',
			'LastName',
			/Last Name \(LastName\)|LastName.*required/,
		],
		[
			'an invalid restricted picklist value',
			{ LastName: 'A', Company: 'B', Tier__c: 'Platinum' },
			'invalidPicklistValue',
			'Tier__c',
			/"Platinum".*Tier.*Allowed: "Gold", "Silver"/,
		],
		[
			'an invalid multi-select value',
			{ LastName: 'A', Company: 'B', Channels__c: 'Chat;Fax' },
			'invalidPicklistValue',
			'Channels__c',
			/"Fax".*Allowed: "Chat", "Email", "Phone"/,
		],
		[
			'a malformed Id',
			{ LastName: 'A', Company: 'B', OwnerId: '005Sb00000' },
			'malformedId',
			'OwnerId',
			/OwnerId.*15 or 18 characters.*"005Sb00000"/,
		],
		[
			'an 18-character Id with a wrong checksum',
			{ LastName: 'A', Company: 'B', OwnerId: '005Sb0000000ffGAAA' },
			'malformedId',
			'OwnerId',
			/OwnerId/,
		],
		[
			'an Id of the wrong object',
			{ LastName: 'A', Company: 'B', OwnerId: '003Sb0000000001' },
			'malformedId',
			'OwnerId',
			/Id of a Group \(00G\.\.\.\) or a User \(005\.\.\.\)/,
		],
		[
			'a number that is not one',
			{ LastName: 'A', Company: 'B', NumberOfEmployees: 'forty' },
			'wrongType',
			'NumberOfEmployees',
			/NumberOfEmployees.*a number, got "forty"/,
		],
		[
			'a fraction in a whole-number field',
			{ LastName: 'A', Company: 'B', NumberOfEmployees: '4.5' },
			'wrongType',
			'NumberOfEmployees',
			/whole number/,
		],
		[
			'a boolean that is not one',
			{ LastName: 'A', Company: 'B', IsUnreadByOwner: 'maybe' },
			'wrongType',
			'IsUnreadByOwner',
			/true or false/,
		],
		[
			'a date that is not one',
			{ LastName: 'A', Company: 'B', FirstContact__c: 'next week' },
			'wrongType',
			'FirstContact__c',
			/FirstContact__c.*a date/,
		],
		[
			'a too long text',
			{ LastName: 'A', Company: 'B', PostalCode: 'x'.repeat(300) },
			'tooLong',
			'PostalCode',
			/PostalCode.*at most/,
		],
		[
			'an unknown relationship',
			{ LastName: 'A', Company: 'B', 'Ownr.Ext__c': 'x' },
			'unknownRelationship',
			'Ownr.Ext__c',
			/no relationship "Ownr".*Did you mean "Owner"/,
		],
	];
	it.each(bad)('refuses %s, naming the field', (_what, values, problem, fieldName, message) => {
		expectError(
			() => mappedValuesToRecord(lead, values, { operation: 'create', itemIndex: 1 }),
			problem,
			fieldName,
			message,
		);
	});

	it('refuses a parent lookup on a field the parent does not have as external ID', () => {
		expectError(
			() =>
				mappedValuesToRecord(
					caseDescribe,
					{ 'Contact.ExtId__c': 'x' },
					{ operation: 'create', parents: [contact] },
				),
			'unknownField',
			'Contact.ExtId__c',
			/Contact has no external ID field "ExtId__c".*"Ext_Id__c"/,
		);
		expectError(
			() =>
				mappedValuesToRecord(
					caseDescribe,
					{ ContactId: '003Sb0000000001', 'Contact.Ext_Id__c': 'x' },
					{ operation: 'create' },
				),
			'notWritable',
			'ContactId',
			/ContactId.*given twice/,
		);
		expectError(
			() => mappedValuesToRecord(caseDescribe, { 'Owner.Ext__c': 'x' }, { operation: 'create' }),
			'unknownRelationship',
			'Owner.Ext__c',
			/Group or User/,
		);
	});
});

function expectError(
	run: () => unknown,
	problem: FieldMappingProblem,
	fieldName: string,
	message: RegExp,
): void {
	let caught: unknown;
	try {
		run();
	} catch (e) {
		caught = e;
	}
	expect(caught).toBeInstanceOf(FieldMappingError);
	const error = caught as FieldMappingError;
	expect({ problem: error.problem, fieldName: error.fieldName }).toEqual({ problem, fieldName });
	expect(error.message).toMatch(message);
	expect(error.message).toContain(fieldName.split('.')[0]);
}
