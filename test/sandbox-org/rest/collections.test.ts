import { makeId } from '../core/ids';
import { externalIdField, startTestOrg, type TestOrg } from '../testing';

// sObject Collections: up to 200 records a call, one API call each, results in input order,
// HTTP 200 even when rows fail, and allOrNone rolling every row back.

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
	t.org.schema.addCustomField('Account', externalIdField('ExtId__c', { label: 'External Key' }));
});
afterAll(async () => {
	await t.close();
});

const ROLLED_BACK = {
	statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
	message:
		'Record rolled back because not all records were valid and the request was using AllOrNone header',
	fields: [],
};
const account = (fields: Record<string, unknown>) => ({
	attributes: { type: 'Account' },
	...fields,
});
const contact = (fields: Record<string, unknown>) => ({
	attributes: { type: 'Contact' },
	...fields,
});

describe('create', () => {
	it('creates records of several objects; a failed row has no id and statusCode errors', async () => {
		const res = await t.api('POST', '/composite/sobjects', {
			allOrNone: false,
			records: [
				account({ Name: 'Ok Account' }),
				contact({ FirstName: 'No last name' }),
				contact({ LastName: 'Ok' }),
			],
		});
		expect(res.status).toBe(200);
		expect(res.body).toHaveLength(3);
		expect(res.body[0]).toEqual({ id: expect.stringMatching(/^001/), success: true, errors: [] });
		expect(res.body[1]).toEqual({
			success: false,
			errors: [
				{
					statusCode: 'REQUIRED_FIELD_MISSING',
					message: 'Required fields are missing: [LastName]',
					fields: ['LastName'],
				},
			],
		});
		expect(res.body[2]).toEqual({ id: expect.stringMatching(/^003/), success: true, errors: [] });
		expect(t.org.store.get(res.body[0].id)?.Name).toBe('Ok Account');
		expect(t.org.store.get(res.body[2].id)?.CreatedById).toBe(t.identity.userId);
	});

	it('rolls every row back with allOrNone when one row fails, leaving no trace', async () => {
		const accounts = t.org.store.count('Account');
		const withDeleted = t.org.store.rows('Account', { includeDeleted: true }).length;
		const res = await t.api('POST', '/composite/sobjects', {
			allOrNone: true,
			records: [
				account({ Name: 'Rolled back 1' }),
				account({ Name: 'Bad', foo: 1 }),
				account({ Name: 'Rolled back 2' }),
			],
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual([
			{ success: false, errors: [ROLLED_BACK] },
			{
				success: false,
				errors: [
					{
						statusCode: 'INVALID_FIELD',
						message: "No such column 'foo' on sobject of type Account",
						fields: [],
					},
				],
			},
			{ success: false, errors: [ROLLED_BACK] },
		]);
		expect(t.org.store.count('Account')).toBe(accounts);
		expect(t.org.store.rows('Account', { includeDeleted: true })).toHaveLength(withDeleted);
	});

	it('sees earlier rows of the same call (a duplicate value in the batch fails the second row)', async () => {
		const res = await t.api('POST', '/composite/sobjects', {
			records: [account({ Name: 'A', ExtId__c: 'SAME' }), account({ Name: 'B', ExtId__c: 'same' })],
		});
		expect(res.body[0].success).toBe(true);
		expect(res.body[1].errors[0].statusCode).toBe('DUPLICATE_VALUE');
	});

	it('needs attributes.type on every record, and a known object', async () => {
		const missing = await t.api('POST', '/composite/sobjects', { records: [{ Name: 'No type' }] });
		expect(missing.status).toBe(400);
		expect(missing.body[0].errorCode).toBe('INVALID_TYPE');
		const unknown = await t.api('POST', '/composite/sobjects', {
			records: [{ attributes: { type: 'Nope__c' }, Name: 'x' }],
		});
		expect(unknown.status).toBe(200);
		expect(unknown.body[0].errors[0]).toMatchObject({ statusCode: 'INVALID_TYPE', fields: [] });
		expect(unknown.body[0].errors[0].message).toMatch(/^sObject type 'Nope__c' is not supported/);
	});
});

describe('the 200-record limit', () => {
	it('takes 200 records in one call and refuses 201 with EXCEEDED_ID_LIMIT', async () => {
		const before = { ...t.org.counters.apiCallsByKind };
		const two00 = Array.from({ length: 200 }, (_, i) => account({ Name: `Bulk ${i}` }));
		const ok = await t.api('POST', '/composite/sobjects', { records: two00 });
		expect(ok.status).toBe(200);
		expect(ok.body).toHaveLength(200);
		expect(ok.body.every((r: { success: boolean }) => r.success)).toBe(true);
		expect(t.org.counters.apiCallsByKind.collections - before.collections).toBe(1);
		expect(t.org.counters.apiCallsByKind.sobject - before.sobject).toBe(0);

		const tooMany = await t.api('POST', '/composite/sobjects', {
			records: [...two00, account({ Name: 'One more' })],
		});
		expect(tooMany.status).toBe(400);
		expect(tooMany.body).toEqual([
			{
				message: 'record limit reached. cannot submit more than 200 records into this call',
				errorCode: 'EXCEEDED_ID_LIMIT',
			},
		]);
		const ids = ok.body.map((r: { id: string }) => r.id);
		const deleteTooMany = await t.api(
			'DELETE',
			`/composite/sobjects?ids=${[...ids, makeId('001', 1)].join(',')}`,
		);
		expect(deleteTooMany.status).toBe(400);
		expect(deleteTooMany.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
	});
});

describe('update', () => {
	it('updates in order, reporting malformed, unknown and missing Ids per row', async () => {
		const id = t.org.store.insert('Account', { Name: 'Before' });
		const contactId = t.org.store.insert('Contact', { LastName: 'Not an account' });
		const res = await t.api('PATCH', '/composite/sobjects', {
			records: [
				account({ id, Name: 'After' }),
				account({ id: '24', Name: 'x' }),
				account({ id: contactId, Name: 'x' }),
				account({ id: '001xx000003DHP0AAO', Name: 'Updated Account Name' }),
				account({ Name: 'No id' }),
			],
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual([
			{ id, success: true, errors: [] },
			{
				success: false,
				errors: [
					{
						statusCode: 'MALFORMED_ID',
						message: 'Account ID: id value of incorrect type: 24',
						fields: ['Id'],
					},
				],
			},
			{
				success: false,
				errors: [
					{
						statusCode: 'MALFORMED_ID',
						message: `Account ID: id value of incorrect type: ${contactId}`,
						fields: ['Id'],
					},
				],
			},
			{
				success: false,
				errors: [
					{
						statusCode: 'INVALID_CROSS_REFERENCE_KEY',
						message: 'invalid cross reference id',
						fields: [],
					},
				],
			},
			{
				success: false,
				errors: [
					{
						statusCode: 'MISSING_ARGUMENT',
						message: 'Id not specified in an update call',
						fields: [],
					},
				],
			},
		]);
		expect(t.org.store.get(id)?.Name).toBe('After');
	});

	it('rolls updates back with allOrNone; rolled-back rows keep their id', async () => {
		const id = t.org.store.insert('Account', { Name: 'Unchanged' });
		const res = await t.api('PATCH', '/composite/sobjects', {
			allOrNone: true,
			records: [account({ id, Name: 'Changed' }), account({ id, NumberOfEmployees: 'many' })],
		});
		expect(res.body[0]).toEqual({ id, success: false, errors: [ROLLED_BACK] });
		expect(res.body[1].errors[0].statusCode).toBe('JSON_PARSER_ERROR');
		expect(t.org.store.get(id)?.Name).toBe('Unchanged');
	});
});

describe('upsert', () => {
	it('upserts by an External ID field, saying which rows it created', async () => {
		const existing = t.org.store.insert('Account', { Name: 'Existing', ExtId__c: 'AAA' });
		const res = await t.api('PATCH', '/composite/sobjects/Account/ExtId__c', {
			allOrNone: false,
			records: [
				account({ Name: 'Company One', ExtId__c: 'AAA' }),
				account({ Name: 'Company Two', ExtId__c: 'BBB' }),
			],
		});
		expect(res.status).toBe(200);
		expect(res.body[0]).toEqual({ id: existing, success: true, errors: [], created: false });
		expect(res.body[1]).toEqual({
			id: expect.stringMatching(/^001/),
			success: true,
			errors: [],
			created: true,
		});
		expect(t.org.store.get(existing)?.Name).toBe('Company One');
	});

	it('upserts Contacts by Email (an idLookup field) and reports an ambiguous value', async () => {
		t.org.store.insert('Contact', { LastName: 'Twin', Email: 'twin@collections.example' });
		t.org.store.insert('Contact', { LastName: 'Twin', Email: 'twin@collections.example' });
		const res = await t.api('PATCH', '/composite/sobjects/Contact/Email', {
			records: [
				contact({ LastName: 'Solo', Email: 'solo@collections.example' }),
				contact({ Title: 'x', Email: 'twin@collections.example' }),
			],
		});
		expect(res.body[0]).toMatchObject({ success: true, created: true });
		expect(res.body[1].success).toBe(false);
		expect(res.body[1].errors[0]).toMatchObject({
			statusCode: 'DUPLICATE_EXTERNAL_ID',
			fields: ['Email'],
		});
	});

	it('answers 404 for a field that is not an External ID', async () => {
		const res = await t.api('PATCH', '/composite/sobjects/Account/Phone', {
			records: [account({ Name: 'x', Phone: '1' })],
		});
		expect(res.status).toBe(404);
		expect(res.body).toEqual([
			{
				message: 'Provided external ID field does not exist or is not accessible: Phone',
				errorCode: 'NOT_FOUND',
			},
		]);
	});
});

describe('delete', () => {
	it('deletes Ids of several objects in order, reporting each failure', async () => {
		const a = t.org.store.insert('Account', { Name: 'Delete me' });
		const c = t.org.store.insert('Contact', { LastName: 'Delete me too' });
		const gone = t.org.store.insert('Account', { Name: 'Already gone' });
		t.org.store.delete('Account', gone);
		const res = await t.api(
			'DELETE',
			`/composite/sobjects?ids=${a},001RM000003oLrB000,${c},${gone}&allOrNone=false`,
		);
		expect(res.status).toBe(200);
		expect(res.body).toEqual([
			{ id: a, success: true, errors: [] },
			{
				success: false,
				errors: [
					{ statusCode: 'MALFORMED_ID', message: 'malformed id 001RM000003oLrB000', fields: [] },
				],
			},
			{ id: c, success: true, errors: [] },
			{
				id: gone,
				success: false,
				errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
			},
		]);
		expect(t.org.store.get(a)).toBeUndefined();
		expect(t.org.store.get(c)).toBeUndefined();
	});

	it('deletes nothing with allOrNone when one Id fails', async () => {
		const a = t.org.store.insert('Account', { Name: 'Keep me' });
		const res = await t.api(
			'DELETE',
			`/composite/sobjects?ids=${a},001RM000003oLrB000&allOrNone=true`,
		);
		expect(res.body).toEqual([
			{ id: a, success: false, errors: [ROLLED_BACK] },
			{
				success: false,
				errors: [
					{ statusCode: 'MALFORMED_ID', message: 'malformed id 001RM000003oLrB000', fields: [] },
				],
			},
		]);
		expect(t.org.store.get(a)?.Name).toBe('Keep me');
	});
});

describe('retrieve', () => {
	it('returns the records in Id order with the fields asked for, null for an Id that names none', async () => {
		const a = t.org.store.insert('Account', { Name: 'Acme', Phone: '1' });
		const b = t.org.store.insert('Account', { Name: 'Global Media', Phone: '2' });
		const expected = [
			{
				attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${a}` },
				Id: a,
				Name: 'Acme',
			},
			{
				attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${b}` },
				Id: b,
				Name: 'Global Media',
			},
			null,
		];
		const get = await t.api(
			'GET',
			`/composite/sobjects/Account?ids=${a},${b},${makeId('001', 31337)}&fields=id,name`,
		);
		expect(get.status).toBe(200);
		expect(get.body).toEqual(expected);
		const post = await t.api('POST', '/composite/sobjects/Account', {
			ids: [a, b, makeId('001', 31337)],
			fields: ['Id', 'Name'],
		});
		expect(post.body).toEqual(expected);
	});

	it('answers 400 INVALID_FIELD for a field the object does not have', async () => {
		const a = t.org.store.insert('Account', { Name: 'Acme' });
		const res = await t.api('GET', `/composite/sobjects/Account?ids=${a}&fields=Name,Nope`);
		expect(res.status).toBe(400);
		expect(res.body[0].errorCode).toBe('INVALID_FIELD');
	});
});
