import { makeId } from '../core/ids';
import { externalIdField, startTestOrg, type TestOrg } from '../testing';

// Upsert and retrieval by External ID (`/sobjects/T/Field/Value`), with the value URL-encoded
// by the client as Salesforce requires.

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
	t.org.schema.addCustomField('Account', externalIdField('ExtId__c', { label: 'External Key' }));
});
afterAll(async () => {
	await t.close();
});

const contactByEmail = (email: string) => `/sobjects/Contact/Email/${encodeURIComponent(email)}`;

it('creates a record when no record has the value: 201, created true', async () => {
	const res = await t.api('PATCH', contactByEmail('test_upsert_004@example.com'), {
		LastName: 'TestUser',
	});
	expect(res.status).toBe(201);
	expect(Object.keys(res.body)).toEqual(['id', 'success', 'errors', 'created']);
	expect(res.body).toMatchObject({ success: true, errors: [], created: true });
	expect(res.headers.get('location')).toBe(`/services/data/v62.0/sobjects/Contact/${res.body.id}`);
	expect(t.org.store.get(res.body.id)).toMatchObject({
		LastName: 'TestUser',
		Email: 'test_upsert_004@example.com',
	});
});

it('updates the one record with the value (matched case-insensitively): 200, created false', async () => {
	const id = t.org.store.insert('Contact', { LastName: 'Rogers', Email: 'jack@example.com' });
	const res = await t.api('PATCH', contactByEmail('Jack@Example.com'), { Title: 'VP' });
	expect(res.status).toBe(200);
	expect(res.body).toEqual({ id, success: true, errors: [], created: false });
	expect(t.org.store.get(id)).toMatchObject({ Title: 'VP', Email: 'jack@example.com' });
});

it('answers 300 with the URL of every matching record when several match', async () => {
	const a = t.org.store.insert('Contact', { LastName: 'Twin', Email: 'twin@example.com' });
	const b = t.org.store.insert('Contact', { LastName: 'Twin', Email: 'twin@example.com' });
	const res = await t.api('PATCH', contactByEmail('twin@example.com'), { Title: 'Nobody' });
	expect(res.status).toBe(300);
	expect(res.body).toEqual([
		`/services/data/v62.0/sobjects/Contact/${a}`,
		`/services/data/v62.0/sobjects/Contact/${b}`,
	]);
	expect(t.org.store.get(a)?.Title).toBeNull();
	expect((await t.api('GET', contactByEmail('twin@example.com'))).status).toBe(300);
});

it('answers 404 NOT_FOUND for a field that cannot key an upsert', async () => {
	const unknown = await t.api('PATCH', '/sobjects/Account/Namez/Acme', { Phone: '1' });
	expect(unknown.status).toBe(404);
	expect(unknown.body).toEqual([
		{
			message: 'Provided external ID field does not exist or is not accessible: Namez',
			errorCode: 'NOT_FOUND',
		},
	]);
	const notExternal = await t.api('PATCH', '/sobjects/Contact/Title/CEO', { LastName: 'x' });
	expect(notExternal.body).toEqual([
		{
			message: 'Provided external ID field does not exist or is not accessible: Title',
			errorCode: 'NOT_FOUND',
		},
	]);
});

it('never creates with updateOnly=true: 404 when nothing matches', async () => {
	const before = t.org.store.count('Contact');
	const res = await t.api('PATCH', `${contactByEmail('nobody@example.com')}?updateOnly=true`, {
		LastName: 'Ghost',
	});
	expect(res.status).toBe(404);
	expect(res.body).toEqual([
		{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' },
	]);
	expect(t.org.store.count('Contact')).toBe(before);
	const id = t.org.store.insert('Contact', { LastName: 'Present', Email: 'present@example.com' });
	const update = await t.api('PATCH', `${contactByEmail('present@example.com')}?updateOnly=true`, {
		Title: 'Here',
	});
	expect(update.body).toEqual({ id, success: true, errors: [], created: false });
});

it('keys by an External ID value containing /, %, # and spaces when the client encodes it', async () => {
	const value = 'ACME/EU %20 #7 x y';
	const path = `/sobjects/Account/ExtId__c/${encodeURIComponent(value)}`;
	const created = await t.api('PATCH', path, { Name: 'Acme Europe' });
	expect(created.status).toBe(201);
	expect(t.org.store.get(created.body.id)?.ExtId__c).toBe(value);
	const again = await t.api('PATCH', path, { Phone: '+33 1 00 00 00 00' });
	expect(again.body).toEqual({ id: created.body.id, success: true, errors: [], created: false });
	const read = await t.api('GET', path);
	expect(read.status).toBe(200);
	expect(read.body).toMatchObject({
		Id: created.body.id,
		ExtId__c: value,
		Phone: '+33 1 00 00 00 00',
	});
	// Unencoded, the slash makes another path: Salesforce (and the sandbox) find no resource.
	const raw = await t.api('PATCH', `/sobjects/Account/ExtId__c/ACME/EU`, { Name: 'x' });
	expect(raw.status).toBe(404);
	expect(raw.body[0].errorCode).toBe('NOT_FOUND');
});

it('accepts the External ID field in the body only with the same value', async () => {
	const same = await t.api('PATCH', '/sobjects/Account/ExtId__c/K-1', {
		Name: 'K one',
		ExtId__c: 'K-1',
	});
	expect(same.status).toBe(201);
	const other = await t.api('PATCH', '/sobjects/Account/ExtId__c/K-1', {
		Name: 'K one',
		ExtId__c: 'K-2',
	});
	expect(other.status).toBe(400);
	expect(other.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD', fields: ['ExtId__c'] });
	expect(t.org.store.get(same.body.id)?.ExtId__c).toBe('K-1');
});

it('validates the record it writes like any create or update', async () => {
	const res = await t.api('PATCH', contactByEmail('invalid-create@example.com'), {
		FirstName: 'No last name',
	});
	expect(res.status).toBe(400);
	expect(res.body).toEqual([
		{
			message: 'Required fields are missing: [LastName]',
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['LastName'],
		},
	]);
});

it('upserts by Id: updates the record, and never creates one', async () => {
	const id = t.org.store.insert('Account', { Name: 'By Id' });
	const res = await t.api(
		'PATCH',
		`/services/data/v59.0/sobjects/Account/Id/${id}?updateOnly=true`,
		{ Phone: '555-UPDATED', Website: 'www.updated.com' },
	);
	expect(res.status).toBe(200);
	expect(res.body).toEqual({ id, success: true, errors: [], created: false });
	const missing = await t.api('PATCH', `/sobjects/Account/Id/${makeId('001', 4242424)}`, {
		Phone: '1',
	});
	expect(missing.status).toBe(404);
});

it('reads and deletes one record by External ID', async () => {
	const id = t.org.store.insert('Contact', { LastName: 'Reader', Email: 'reader@example.com' });
	const read = await t.api('GET', `${contactByEmail('reader@example.com')}?fields=LastName`);
	expect(read.body).toEqual({
		attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${id}` },
		LastName: 'Reader',
		Id: id,
	});
	expect((await t.api('GET', contactByEmail('nobody-at-all@example.com'))).status).toBe(404);
	expect((await t.api('DELETE', contactByEmail('reader@example.com'))).status).toBe(204);
	expect(t.org.store.get(id)).toBeUndefined();
});

it('answers as older API versions did: no created flag before 46.0, and 204 for an update', async () => {
	const created = await t.api(
		'PATCH',
		`/services/data/v45.0/sobjects/Contact/Email/${encodeURIComponent('old@example.com')}`,
		{ LastName: 'Old' },
	);
	expect(created.status).toBe(201);
	expect(created.body).toEqual({ id: created.body.id, success: true, errors: [] });
	const updated = await t.api(
		'PATCH',
		`/services/data/v45.0/sobjects/Contact/Email/${encodeURIComponent('old@example.com')}`,
		{ Title: 'Older' },
	);
	expect(updated.status).toBe(204);
});
