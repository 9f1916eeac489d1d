import { Connection } from '@jsforce/jsforce-node';

import { API_VERSION, externalIdField, startTestOrg, type TestOrg } from '../testing';

// The single-record REST API as jsforce (the package's client) sees it: its results and its
// errors must come out as they do against a real org.

let t: TestOrg;
let conn: Connection;
beforeAll(async () => {
	t = await startTestOrg();
	t.org.schema.addCustomField('Account', externalIdField('ExtId__c', { label: 'External Key' }));
	conn = new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION });
});
afterAll(async () => {
	await t.close();
});

it('creates, retrieves, updates and destroys a record', async () => {
	const created = await conn
		.sobject('Account')
		.create({ Name: 'jsforce Account', Industry: 'Technology' });
	expect(created).toEqual({ id: expect.stringMatching(/^001/), success: true, errors: [] });
	const id = created.id as string;
	const record = await conn.sobject('Account').retrieve(id);
	expect(record).toMatchObject({
		Id: id,
		Name: 'jsforce Account',
		Industry: 'Technology',
		attributes: { type: 'Account' },
	});
	const updated = await conn.sobject('Account').update({ Id: id, Name: 'Renamed' });
	expect(updated).toMatchObject({ id, success: true });
	expect(t.org.store.get(id)?.Name).toBe('Renamed');
	const destroyed = await conn.sobject('Account').destroy(id);
	expect(destroyed).toMatchObject({ id, success: true });
	await expect(conn.sobject('Account').retrieve(id)).rejects.toMatchObject({
		errorCode: 'ENTITY_IS_DELETED',
	});
});

it('surfaces validation errors with their errorCode and fields', async () => {
	const error = await conn
		.sobject('Contact')
		.create({ LastName: 'Doe', Email: 'not an email' })
		.then(
			() => undefined,
			(err: Error & { errorCode: string; data: unknown }) => err,
		);
	expect(error?.errorCode).toBe('INVALID_EMAIL_ADDRESS');
	expect(error?.message).toBe('Email: invalid email address: not an email');
	expect(error?.data).toEqual({
		message: 'Email: invalid email address: not an email',
		errorCode: 'INVALID_EMAIL_ADDRESS',
		fields: ['Email'],
	});
});

it('upserts one record by an External ID', async () => {
	const first = await conn
		.sobject('Account')
		.upsert({ Name: 'Upserted', ExtId__c: 'JS-1' }, 'ExtId__c');
	expect(first).toMatchObject({ success: true, created: true });
	const second = await conn
		.sobject('Account')
		.upsert({ Name: 'Upserted again', ExtId__c: 'JS-1' }, 'ExtId__c');
	expect(second).toMatchObject({ id: (first as { id: string }).id, success: true, created: false });
});

it('reproduces the jsforce bug with an unencoded "/" in an External ID value: NOT_FOUND', async () => {
	// jsforce puts the value in the URL as is; Salesforce then sees another path and answers 404.
	await expect(
		conn.sobject('Account').upsert({ Name: 'Slashed', ExtId__c: 'EU/42' }, 'ExtId__c'),
	).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
});

it('reads the limits', async () => {
	const limits = await conn.limits();
	expect(limits.DailyApiRequests).toEqual({
		Max: t.org.dailyApiLimit,
		Remaining: t.org.dailyApiLimit - t.org.apiUsage,
	});
});
