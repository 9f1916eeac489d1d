import { Connection, type DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { ResourceMapperField } from 'n8n-workflow';

import { describeToMapperFields } from '../../nodes/shared/fieldMapping';
import { API_VERSION, externalIdField, startTestOrg, type TestOrg } from '../sandbox-org/testing';

describe('describeToMapperFields (sandbox org describes)', () => {
	let t: TestOrg;
	let lead: DescribeSObjectResult;
	let contact: DescribeSObjectResult;
	let caseDescribe: DescribeSObjectResult;
	beforeAll(async () => {
		t = await startTestOrg();
		t.org.schema.addCustomField('Contact', externalIdField('Ext_Id__c', { label: 'Ext Id' }));
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

	const byId = (fields: ResourceMapperField[], id: string) => fields.find((f) => f.id === id);

	it('shows no "no fields" notice for an object that has fields, in any operation (n8n shows it in Map Automatically too)', () => {
		for (const operation of ['create', 'update', 'upsert'] as const) {
			const result = describeToMapperFields(lead, { operation });
			expect(result.fields.length).toBeGreaterThan(0);
			expect(result.emptyFieldsNotice).toBeUndefined();
		}
	});

	it('says in plain words when an object has no field the operation can set', () => {
		const readOnly = {
			...lead,
			fields: lead.fields.filter((f) => !f.createable && !f.updateable && f.type !== 'id'),
		};
		expect(describeToMapperFields(readOnly, { operation: 'upsert' })).toEqual({
			fields: [],
			emptyFieldsNotice: 'Lead has no fields you can set when creating or updating a record',
		});
		expect(describeToMapperFields(readOnly, { operation: 'create' }).emptyFieldsNotice).toBe(
			'Lead has no fields you can set when creating a record',
		);
	});

	it('marks Lead required fields for create and leaves out read-only ones', () => {
		const { fields } = describeToMapperFields(lead, { operation: 'create' });
		expect(
			fields
				.filter((f) => f.required)
				.map((f) => f.id)
				.sort(),
		).toEqual(['Company', 'LastName']);
		for (const readOnly of [
			'Name',
			'IsConverted',
			'CreatedDate',
			'Id',
			'LastModifiedDate',
			'Address',
			'SystemModstamp',
		]) {
			expect(byId(fields, readOnly)).toBeUndefined();
		}
		expect(byId(fields, 'Status')?.required).toBe(false); // defaulted on create
		expect(byId(fields, 'LastName')?.displayName).toBe('Last Name');
		expect(byId(fields, 'SICCode__c')?.displayName).toMatch(/\(SICCode__c\)$/);
	});

	it('types fields: picklists with their values, numbers, booleans, dates, references named', () => {
		const { fields } = describeToMapperFields(lead, { operation: 'create' });
		const status = byId(fields, 'Status');
		expect(status?.type).toBe('options');
		expect(status?.options?.map((o) => o.value)).toEqual([
			'Open - Not Contacted',
			'Working - Contacted',
			'Closed - Converted',
			'Closed - Not Converted',
		]);
		expect(byId(fields, 'NumberOfEmployees')?.type).toBe('number');
		expect(byId(fields, 'AnnualRevenue')?.type).toBe('number');
		expect(byId(fields, 'IsUnreadByOwner')?.type).toBe('boolean');
		expect(byId(fields, 'EmailBouncedDate')?.type).toBe('dateTime');
		expect(byId(fields, 'OwnerId')?.type).toBe('string');
		expect(byId(fields, 'OwnerId')?.displayName).toMatch(/Group or User/);
		expect(fields.every((f) => f.display)).toBe(true);
	});

	it('offers external ID and idLookup fields as upsert match columns', () => {
		const { fields } = describeToMapperFields(contact, { operation: 'upsert' });
		expect(byId(fields, 'Email')?.canBeUsedToMatch).toBe(true);
		expect(byId(fields, 'Ext_Id__c')?.canBeUsedToMatch).toBe(true);
		expect(byId(fields, 'Ext_Id__c')?.defaultMatch).toBe(true);
		expect(byId(fields, 'LastName')?.canBeUsedToMatch).toBe(false);
		expect(fields.filter((f) => f.defaultMatch)).toHaveLength(1);
		expect(byId(fields, 'LastName')?.required).toBe(true);
	});

	it('makes Id the match column of an update and requires nothing', () => {
		const { fields } = describeToMapperFields(lead, { operation: 'update' });
		expect(byId(fields, 'Id')).toMatchObject({ canBeUsedToMatch: true, defaultMatch: true });
		expect(fields.some((f) => f.required)).toBe(false);
		expect(byId(fields, 'CreatedDate')).toBeUndefined();
	});

	it('offers record types as options and parents by external ID', () => {
		const { fields } = describeToMapperFields(caseDescribe, {
			operation: 'create',
			parents: [contact],
		});
		const recordType = byId(fields, 'RecordTypeId');
		expect(recordType?.type).toBe('options');
		expect(recordType?.options?.map((o) => o.value)).toEqual(
			caseDescribe.recordTypeInfos.filter((r) => r.available).map((r) => r.recordTypeId),
		);
		expect(byId(fields, 'Contact.Ext_Id__c')).toMatchObject({
			type: 'string',
			removed: true,
			required: false,
		});
	});
});
