import { makeId } from '../core/ids';
import { externalIdField, startTestOrg, type TestOrg } from '../testing';

// Write validation with Salesforce's status codes, error codes, wording and `fields`, as a
// client sees it through POST /sobjects/T and PATCH /sobjects/T/Id.

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
	t.org.schema.addCustomField(
		'Account',
		externalIdField('ExtId__c', { label: 'External Key', length: 40 }),
	);
});
afterAll(async () => {
	await t.close();
});

const create = (type: string, body: unknown) => t.api('POST', `/sobjects/${type}`, body);

/** The column just past `token` in the JSON text of `body`, as the parser reports it (1-based). */
function columnAfter(body: unknown, token: string): number {
	const text = JSON.stringify(body);
	return text.indexOf(token) + token.length + 1;
}

describe('required fields', () => {
	it('lists every missing required field of a create', async () => {
		const res = await create('Lead', { FirstName: 'Sarah' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{
				message: 'Required fields are missing: [LastName, Company]',
				errorCode: 'REQUIRED_FIELD_MISSING',
				fields: ['LastName', 'Company'],
			},
		]);
	});

	it('treats an empty string as no value, on create and on update', async () => {
		expect((await create('Contact', { LastName: '' })).body[0]).toMatchObject({
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['LastName'],
		});
		const id = t.org.store.insert('Contact', { LastName: 'Doe', Title: 'CEO' });
		const cleared = await t.api('PATCH', `/sobjects/Contact/${id}`, { LastName: null });
		expect(cleared.status).toBe(400);
		expect(cleared.body).toEqual([
			{
				message: 'Required fields are missing: [LastName]',
				errorCode: 'REQUIRED_FIELD_MISSING',
				fields: ['LastName'],
			},
		]);
		expect((await t.api('PATCH', `/sobjects/Contact/${id}`, { Title: '' })).status).toBe(204);
		expect(t.org.store.get(id)).toMatchObject({ LastName: 'Doe', Title: null });
	});

	it('fills defaulted fields (Lead Status, Case Status) instead of requiring them', async () => {
		const lead = await create('Lead', { LastName: 'Kim', Company: 'Acme' });
		expect(lead.status).toBe(201);
		expect(t.org.store.get(lead.body.id)?.Status).toBeTruthy();
	});
});

describe('fields that cannot be written', () => {
	it('rejects an unknown field with INVALID_FIELD and no fields list', async () => {
		const res = await create('Account', { Name: 'Acme', foo: 'bar' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{ message: "No such column 'foo' on sobject of type Account", errorCode: 'INVALID_FIELD' },
		]);
	});

	it('rejects read-only fields, all of them in one error', async () => {
		const res = await create('Case', { Subject: 'x', IsClosed: true, CaseNumber: '00001001' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{
				message:
					'Unable to create/update fields: IsClosed, CaseNumber. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
				errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
				fields: ['IsClosed', 'CaseNumber'],
			},
		]);
	});

	it('accepts a field that is createable but not updateable on create only', async () => {
		const created = await create('Task', { Subject: 'Email', TaskSubtype: 'Email' });
		expect(created.status).toBe(201);
		const update = await t.api('PATCH', `/sobjects/Task/${created.body.id}`, {
			TaskSubtype: 'Call',
		});
		expect(update.status).toBe(400);
		expect(update.body[0]).toMatchObject({
			errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
			fields: ['TaskSubtype'],
		});
	});

	it('refuses an Id in a create body, and ignores the same Id in an update body', async () => {
		const id = t.org.store.insert('Account', { Name: 'Has an Id' });
		const res = await create('Account', { Id: id, Name: 'Copy' });
		expect(res.body).toEqual([
			{
				message: 'cannot specify Id in an insert call',
				errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
				fields: ['Id'],
			},
		]);
		expect(
			(await t.api('PATCH', `/sobjects/Account/${id}`, { Id: id, Name: 'Renamed' })).status,
		).toBe(204);
		expect(
			(await t.api('PATCH', `/sobjects/Account/${id}`, { Id: '001900K0001pPuOAAU' })).body,
		).toEqual([
			{
				message: 'Account ID: id value of incorrect type: 001900K0001pPuOAAU',
				errorCode: 'MALFORMED_ID',
				fields: ['Id'],
			},
		]);
		const other = t.org.store.insert('Account', { Name: 'Other' });
		expect((await t.api('PATCH', `/sobjects/Account/${id}`, { Id: other })).body[0]).toMatchObject({
			errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
			fields: ['Id'],
		});
	});
});

describe('values', () => {
	it('rejects an invalid email address (the recorded real response)', async () => {
		const res = await create('Contact', { LastName: 'Doe', Email: 'not an email' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{
				message: 'Email: invalid email address: not an email',
				errorCode: 'INVALID_EMAIL_ADDRESS',
				fields: ['Email'],
			},
		]);
	});

	it('rejects text longer than the field with STRING_TOO_LONG', async () => {
		const long = 'X'.repeat(41);
		const res = await create('Account', { Name: 'Acme', AccountNumber: long });
		expect(res.body).toEqual([
			{
				message: `Account Number: data value too large: ${long} (max length=40)`,
				errorCode: 'STRING_TOO_LONG',
				fields: ['AccountNumber'],
			},
		]);
		expect((await create('Account', { Name: 'Acme', AccountNumber: 'X'.repeat(40) })).status).toBe(
			201,
		);
	});

	it('rejects a value outside a restricted picklist, and accepts any value in an unrestricted one', async () => {
		const res = await create('Task', { Subject: 'Call', CallType: 'Sideways' });
		expect(res.body).toEqual([
			{
				message: 'Call Type: bad value for restricted picklist field: Sideways',
				errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
				fields: ['CallType'],
			},
		]);
		expect((await create('Task', { Subject: 'Call', CallType: 'Inbound' })).status).toBe(201);
		expect((await create('Account', { Name: 'Acme', Industry: 'Space Mining' })).status).toBe(201);
	});

	it('reports every field error of a record at once', async () => {
		const res = await create('Contact', { Email: 'nope' });
		expect(res.body.map((e: { errorCode: string }) => e.errorCode).sort()).toEqual([
			'INVALID_EMAIL_ADDRESS',
			'REQUIRED_FIELD_MISSING',
		]);
	});

	it('fails the JSON parse for text where a boolean goes, placing the error in the request', async () => {
		const body = { LastName: 'Doe', IsPriorityRecord: 'yes' };
		const res = await create('Contact', body);
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{
				message: `Cannot deserialize instance of boolean from VALUE_STRING value yes or request may be missing a required field at [line:1, column:${columnAfter(body, '"yes"')}]`,
				errorCode: 'JSON_PARSER_ERROR',
			},
		]);
	});

	it('takes numbers and numeric text for number fields and fails other text', async () => {
		const ok = await create('Account', {
			Name: 'Numbers',
			NumberOfEmployees: '120',
			AnnualRevenue: 1500000.5,
		});
		expect(ok.status).toBe(201);
		expect(t.org.store.get(ok.body.id)).toMatchObject({
			NumberOfEmployees: 120,
			AnnualRevenue: 1500000.5,
		});
		const text = await create('Account', { Name: 'Numbers', NumberOfEmployees: 'many' });
		expect(text.body[0].errorCode).toBe('JSON_PARSER_ERROR');
		expect(text.body[0].message).toMatch(
			/^Cannot deserialize instance of int from VALUE_STRING value many or request may be missing a required field at \[line:1, column:\d+\]$/,
		);
		const fraction = await create('Account', { Name: 'Numbers', NumberOfEmployees: 12.5 });
		expect(fraction.body).toEqual([
			{
				message: 'Employees: value not of required type: 12.5',
				errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
				fields: ['NumberOfEmployees'],
			},
		]);
		const huge = await create('Account', { Name: 'Numbers', AnnualRevenue: 1e20 });
		expect(huge.body[0]).toMatchObject({
			errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
			fields: ['AnnualRevenue'],
		});
	});

	it('takes dates as YYYY-MM-DD only, and date-times with any offset (stored in UTC)', async () => {
		for (const bad of ['2026-13-45', '2026-05-01T10:00:00Z', 'tomorrow']) {
			const res = await create('Task', { Subject: 'Due', ActivityDate: bad });
			expect(res.body[0].errorCode).toBe('JSON_PARSER_ERROR');
			expect(res.body[0].message).toMatch(
				new RegExp(
					`^Cannot deserialize instance of date from VALUE_STRING value ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} or request may be missing a required field`,
				),
			);
		}
		const badTime = await create('Task', { Subject: 'Remind', ReminderDateTime: 'noon' });
		expect(badTime.body[0].message).toMatch(
			/^Cannot deserialize instance of dateTime from VALUE_STRING value noon/,
		);
		const ok = await create('Task', {
			Subject: 'Due',
			ActivityDate: '2026-05-01',
			ReminderDateTime: '2026-05-01T10:00:00.000+0200',
		});
		const read = await t.api('GET', `/sobjects/Task/${ok.body.id}`);
		expect(read.body).toMatchObject({
			ActivityDate: '2026-05-01',
			ReminderDateTime: '2026-05-01T08:00:00.000+0000',
		});
	});
});

describe('lookups', () => {
	it('rejects a malformed Id with MALFORMED_ID', async () => {
		const res = await create('Contact', { LastName: 'Doe', AccountId: 'abc' });
		expect(res.body).toEqual([
			{
				message: 'Account ID: id value of incorrect type: abc',
				errorCode: 'MALFORMED_ID',
				fields: ['AccountId'],
			},
		]);
	});

	it("rejects another object's Id with FIELD_INTEGRITY_EXCEPTION", async () => {
		const accountId = t.org.store.insert('Account', { Name: 'Not a person' });
		const res = await create('Task', { Subject: 'Call', WhoId: accountId });
		expect(res.body).toEqual([
			{
				message: `Name ID: id value of incorrect type: ${accountId}`,
				errorCode: 'FIELD_INTEGRITY_EXCEPTION',
				fields: ['WhoId'],
			},
		]);
	});

	it('rejects the Id of no record with INVALID_CROSS_REFERENCE_KEY', async () => {
		const res = await create('Contact', { LastName: 'Doe', AccountId: makeId('001', 55555555) });
		expect(res.body).toEqual([
			{
				message: 'invalid cross reference id',
				errorCode: 'INVALID_CROSS_REFERENCE_KEY',
				fields: [],
			},
		]);
	});

	it('stores a 15-character lookup Id as 18 characters', async () => {
		const accountId = t.org.store.insert('Account', { Name: 'Short Ids' });
		const res = await create('Contact', { LastName: 'Doe', AccountId: accountId.slice(0, 15) });
		expect(t.org.store.get(res.body.id)?.AccountId).toBe(accountId);
	});

	it('does not let a Task relate to something when its WhoId is a Lead', async () => {
		const leadId = t.org.store.insert('Lead', { LastName: 'Lee', Company: 'Lee Ltd' });
		const caseId = t.org.store.insert('Case', { Subject: 'Broken' });
		const res = await create('Task', { Subject: 'Follow up', WhoId: leadId, WhatId: caseId });
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{
				message: 'field integrity exception: WhoId, WhatId (cannot specify whatID with lead whoID)',
				errorCode: 'FIELD_INTEGRITY_EXCEPTION',
				fields: ['WhoId', 'WhatId'],
			},
		]);
		expect((await create('Task', { Subject: 'Follow up', WhoId: leadId })).status).toBe(201);
		const withContact = t.org.store.insert('Contact', { LastName: 'Ok' });
		expect(
			(await create('Task', { Subject: 'Follow up', WhoId: withContact, WhatId: caseId })).status,
		).toBe(201);
	});

	it('lets a case queue own a case, but not a group that is no case queue', async () => {
		const queueId = t.data.queueIds.Support;
		expect((await create('Case', { Subject: 'To the queue', OwnerId: queueId })).status).toBe(201);
		const leadQueue = t.org.addQueue('Lead Queue', 'Lead_Queue', ['Lead']);
		const res = await create('Case', { Subject: 'Wrong queue', OwnerId: leadQueue });
		expect(res.body).toEqual([
			{
				message: `Owner ID: id value of incorrect type: ${leadQueue}`,
				errorCode: 'FIELD_INTEGRITY_EXCEPTION',
				fields: ['OwnerId'],
			},
		]);
	});

	it('resolves a parent named by an External ID value', async () => {
		const accountId = t.org.store.insert('Account', { Name: 'Keyed', ExtId__c: 'ACME-1' });
		const res = await create('Contact', { LastName: 'Doe', Account: { ExtId__c: 'acme-1' } });
		expect(res.status).toBe(201);
		expect(t.org.store.get(res.body.id)?.AccountId).toBe(accountId);
		const missing = await create('Contact', { LastName: 'Doe', Account: { ExtId__c: 'NOPE' } });
		expect(missing.body).toEqual([
			{
				message: 'Foreign key external ID: NOPE not found for field ExtId__c in entity Account',
				errorCode: 'INVALID_FIELD',
			},
		]);
	});
});

describe('unique fields', () => {
	it('rejects a value another record has (case-insensitively) with DUPLICATE_VALUE', async () => {
		const first = await create('Account', { Name: 'First', ExtId__c: 'K-100' });
		const res = await create('Account', { Name: 'Second', ExtId__c: 'k-100' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{
				message: `duplicate value found: ExtId__c duplicates value on record with id: ${String(first.body.id).slice(0, 15)}`,
				errorCode: 'DUPLICATE_VALUE',
				fields: [],
			},
		]);
		expect(
			(
				await t.api('PATCH', `/sobjects/Account/${first.body.id}`, {
					ExtId__c: 'K-100',
					Name: 'Same value is fine',
				})
			).status,
		).toBe(204);
	});
});
