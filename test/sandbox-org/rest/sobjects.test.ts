import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { makeId } from '../core/ids';
import { startTestOrg, type TestOrg } from '../testing';

// The sObject REST API through HTTP: resources, describes, and create / read / update / delete
// of single records, answered as a real org answers them.

const recordedTaskDescribe = JSON.parse(
	readFileSync(join(__dirname, '../schema/recorded/nango__describe-task-v60.json'), 'utf8'),
) as Record<string, unknown> & {
	fields: Array<{ name: string }>;
};
/** Keys of `objectDescribe` in a recorded `GET /sobjects/Task` (fixture n8n__task-sobject-basic-info-v59.json). */
const BASIC_INFO_KEYS = [
	'activateable',
	'associateEntityType',
	'associateParentEntity',
	'createable',
	'custom',
	'customSetting',
	'deepCloneable',
	'deletable',
	'deprecatedAndHidden',
	'feedEnabled',
	'hasSubtypes',
	'isInterface',
	'isSubtype',
	'keyPrefix',
	'label',
	'labelPlural',
	'layoutable',
	'mergeable',
	'mruEnabled',
	'name',
	'queryable',
	'replicateable',
	'retrieveable',
	'searchable',
	'triggerable',
	'undeletable',
	'updateable',
	'urls',
];
const SF_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

let t: TestOrg;
beforeAll(async () => {
	t = await startTestOrg();
});
afterAll(async () => {
	await t.close();
});

describe('resources and describes', () => {
	it('lists the resources of the version and the caller identity URL', async () => {
		const res = await t.api('GET', '/');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			sobjects: '/services/data/v62.0/sobjects',
			query: '/services/data/v62.0/query',
			composite: '/services/data/v62.0/composite',
			limits: '/services/data/v62.0/limits',
		});
		expect(res.body.identity).toBe(`${t.url}/id/${t.org.orgId}/${t.identity.userId}`);
	});

	it('describes every object globally with its summary and URLs', async () => {
		const res = await t.api('GET', '/sobjects');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ encoding: 'UTF-8', maxBatchSize: 200 });
		const task = res.body.sobjects.find((s: { name: string }) => s.name === 'Task');
		expect(Object.keys(task)).toEqual(BASIC_INFO_KEYS);
		expect(task).toMatchObject({
			keyPrefix: '00T',
			label: 'Task',
			labelPlural: 'Tasks',
			createable: true,
			queryable: true,
		});
		expect(task.urls).toEqual({
			compactLayouts: '/services/data/v62.0/sobjects/Task/describe/compactLayouts',
			rowTemplate: '/services/data/v62.0/sobjects/Task/{ID}',
			describe: '/services/data/v62.0/sobjects/Task/describe',
			quickActions: '/services/data/v62.0/sobjects/Task/quickActions',
			layouts: '/services/data/v62.0/sobjects/Task/describe/layouts',
			sobject: '/services/data/v62.0/sobjects/Task',
		});
		expect(res.body.sobjects.map((s: { name: string }) => s.name)).toEqual(
			expect.arrayContaining(['Case', 'Contact', 'EmailMessage', 'MessagingSession']),
		);
	});

	it('gives basic information: the summary and the recently viewed records (none for records only written through the API)', async () => {
		const created = await t.api('POST', '/sobjects/Task', { Subject: 'Email' });
		let res = await t.api('GET', '/services/data/v59.0/sobjects/Task');
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(['objectDescribe', 'recentItems']);
		expect(Object.keys(res.body.objectDescribe)).toEqual(BASIC_INFO_KEYS);
		expect(res.body.objectDescribe.urls.sobject).toBe('/services/data/v59.0/sobjects/Task');
		expect(res.body.recentItems).toEqual([]);

		t.org.store.update('Task', created.body.id, { LastViewedDate: t.org.clock.now() });
		res = await t.api('GET', '/services/data/v59.0/sobjects/Task');
		expect(res.body.recentItems).toEqual([
			{
				attributes: { type: 'Task', url: `/services/data/v59.0/sobjects/Task/${created.body.id}` },
				Id: created.body.id,
				Subject: 'Email',
			},
		]);
	});

	it('describes an object fully, with the keys of a recorded describe', async () => {
		const res = await t.api('GET', '/services/data/v60.0/sobjects/Task/describe');
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(Object.keys(recordedTaskDescribe));
		expect(res.body.fields.map((f: { name: string }) => f.name)).toEqual(
			recordedTaskDescribe.fields.map((f) => f.name),
		);
		expect(res.body.recordTypeInfos).toEqual([
			{
				active: true,
				available: true,
				defaultRecordTypeMapping: true,
				developerName: 'Master',
				master: true,
				name: 'Master',
				recordTypeId: '012000000000000AAA',
				urls: { layout: '/services/data/v60.0/sobjects/Task/describe/layouts/012000000000000AAA' },
			},
		]);
		expect(res.body.urls.uiDetailTemplate).toBe(`${t.url}/{ID}`);
		expect(res.body.urls.uiNewRecord).toBe(`${t.url}/00T/e`);
	});

	it('lists the child relationships of a Case', async () => {
		const res = await t.api('GET', '/sobjects/Case/describe');
		const byName = (name: string) =>
			res.body.childRelationships.find(
				(r: { relationshipName: string }) => r.relationshipName === name,
			);
		expect(byName('EmailMessages')).toMatchObject({
			childSObject: 'EmailMessage',
			field: 'ParentId',
		});
		expect(byName('CaseComments')).toMatchObject({
			childSObject: 'CaseComment',
			field: 'ParentId',
		});
		expect(byName('Histories')).toMatchObject({ childSObject: 'CaseHistory', field: 'CaseId' });
	});

	it('answers 404 NOT_FOUND for an object that does not exist', async () => {
		for (const [method, path] of [
			['GET', '/sobjects/Nope'],
			['GET', '/sobjects/Nope/describe'],
			['POST', '/sobjects/Nope'],
			['GET', `/sobjects/Nope/${makeId('001', 1)}`],
		]) {
			const res = await t.api(method, path, method === 'POST' ? { Name: 'x' } : undefined);
			expect({ path, status: res.status, body: res.body }).toEqual({
				path,
				status: 404,
				body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }],
			});
		}
	});

	it('counts describes as describe calls', async () => {
		const before = t.org.counters.apiCallsByKind.describe;
		await t.api('GET', '/sobjects/Case/describe');
		await t.api('GET', '/sobjects');
		expect(t.org.counters.apiCallsByKind.describe - before).toBe(2);
	});
});

describe('records by Id', () => {
	it('creates (201, Location), reads, updates (204) and deletes (204) a record', async () => {
		t.org.clock.freeze(Date.UTC(2026, 4, 1, 7, 25, 37));
		const sobjectCallsBefore = t.org.counters.apiCallsByKind.sobject;
		const created = await t.api('POST', '/sobjects/Account', {
			Name: 'Edge Communications',
			Phone: '(512) 757-6000',
		});
		expect(created.status).toBe(201);
		expect(Object.keys(created.body)).toEqual(['id', 'success', 'errors']);
		expect(created.body).toMatchObject({ success: true, errors: [] });
		const id: string = created.body.id;
		expect(id).toMatch(/^001[A-Za-z0-9]{15}$/);
		expect(created.headers.get('location')).toBe(`/services/data/v62.0/sobjects/Account/${id}`);

		const read = await t.api('GET', `/sobjects/Account/${id}`);
		expect(read.status).toBe(200);
		expect(read.body.attributes).toEqual({
			type: 'Account',
			url: `/services/data/v62.0/sobjects/Account/${id}`,
		});
		expect(read.body).toMatchObject({
			Id: id,
			Name: 'Edge Communications',
			Phone: '(512) 757-6000',
			IsDeleted: false,
			OwnerId: t.identity.userId,
			CreatedById: t.identity.userId,
		});
		expect(read.body.CreatedDate).toBe('2026-05-01T07:25:37.000+0000');

		t.org.clock.advance(60_000);
		const updated = await t.api('PATCH', `/sobjects/Account/${id}`, {
			Phone: '555-0100',
			Website: 'edge.example',
		});
		expect(updated.status).toBe(204);
		expect(updated.body).toBeUndefined();
		const reread = await t.api('GET', `/sobjects/Account/${id}`);
		expect(reread.body).toMatchObject({
			Phone: '555-0100',
			Website: 'edge.example',
			Name: 'Edge Communications',
		});
		expect(reread.body.LastModifiedDate).toBe('2026-05-01T07:26:37.000+0000');
		expect(reread.body.SystemModstamp).toMatch(SF_DATETIME);

		const deleted = await t.api('DELETE', `/sobjects/Account/${id}`);
		expect(deleted.status).toBe(204);
		const gone = await t.api('GET', `/sobjects/Account/${id}`);
		expect(gone.status).toBe(404);
		expect(gone.body).toEqual([
			{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] },
		]);
		expect((await t.api('DELETE', `/sobjects/Account/${id}`)).body[0].errorCode).toBe(
			'ENTITY_IS_DELETED',
		);
		expect(t.org.counters.apiCallsByKind.sobject - sobjectCallsBefore).toBe(7);
		t.org.clock.unfreeze();
	});

	it('reads a record by its 15-character Id and answers with the 18-character one', async () => {
		const id = t.org.store.insert('Contact', { LastName: 'Gonzalez' });
		const res = await t.api('GET', `/sobjects/Contact/${id.slice(0, 15)}`);
		expect(res.status).toBe(200);
		expect(res.body.Id).toBe(id);
	});

	it('returns only the fields asked for, in their order, then the Id', async () => {
		const id = t.org.store.insert('Account', {
			Name: 'Burlington Textiles',
			Phone: '(336) 222-7000',
			BillingCity: 'Burlington',
		});
		const res = await t.api('GET', `/sobjects/Account/${id}?fields=phone,Name,BillingAddress`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(['attributes', 'Phone', 'Name', 'BillingAddress', 'Id']);
		expect(res.body.BillingAddress).toMatchObject({ city: 'Burlington', street: null });
		const bad = await t.api('GET', `/sobjects/Account/${id}?fields=Name,Nope`);
		expect(bad.status).toBe(400);
		expect(bad.body[0].errorCode).toBe('INVALID_FIELD');
		expect(bad.body[0].message).toMatch(/^No such column 'Nope' on entity 'Account'/);
	});

	it('answers 404 for an Id that is malformed, of another object, or of no record', async () => {
		const contactId = t.org.store.insert('Contact', { LastName: 'Other' });
		for (const id of ['abc', '001XXXXXXXXXXXXXXX', contactId]) {
			const res = await t.api('GET', `/sobjects/Account/${id}`);
			expect({ id, status: res.status, body: res.body }).toEqual({
				id,
				status: 404,
				body: [
					{
						message: `Provided external ID field does not exist or is not accessible: ${id}`,
						errorCode: 'NOT_FOUND',
					},
				],
			});
		}
		const unknown = makeId('001', 987654321);
		for (const method of ['GET', 'PATCH', 'DELETE']) {
			const res = await t.api(
				method,
				`/sobjects/Account/${unknown}`,
				method === 'PATCH' ? { Name: 'x' } : undefined,
			);
			expect({ method, status: res.status, body: res.body }).toEqual({
				method,
				status: 404,
				body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }],
			});
		}
	});

	it('requires a JSON object body', async () => {
		const empty = await t.api('POST', '/sobjects/Account');
		expect(empty.status).toBe(400);
		expect(empty.body).toEqual([
			{
				message: 'The HTTP entity body is required, but this request has no entity body.',
				errorCode: 'JSON_PARSER_ERROR',
			},
		]);
		const array = await t.api('POST', '/sobjects/Account', [{ Name: 'x' }]);
		expect(array.status).toBe(400);
		expect(array.body[0].errorCode).toBe('JSON_PARSER_ERROR');
		const notJson = await t.api('POST', '/sobjects/Account', '{"Name": ');
		expect(notJson.status).toBe(400);
		expect(notJson.body[0].errorCode).toBe('JSON_PARSER_ERROR');
	});

	it('creates through POST /sobjects/T/Id from API 37.0 on', async () => {
		const res = await t.api('POST', '/sobjects/Account/Id', { Name: 'Created by Id' });
		expect(res.status).toBe(201);
		expect(t.org.store.get(res.body.id)?.Name).toBe('Created by Id');
		const old = await t.api('POST', '/services/data/v36.0/sobjects/Account/Id', {
			Name: 'Too old',
		});
		expect(old.status).toBe(405);
	});

	it('writes as the session user', async () => {
		const userId = t.org.addUser({
			firstName: 'Second',
			lastName: 'Agent',
			email: 'second@sandbox-org.example',
		});
		const session = t.org.sessions.issue(userId, t.identity.clientId, ['api']);
		const res = await fetch(`${t.dataUrl}/sobjects/Case`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${session.accessToken}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ Subject: 'By the second agent' }),
		});
		const { id } = (await res.json()) as { id: string };
		expect(t.org.store.get(id)).toMatchObject({
			CreatedById: userId,
			LastModifiedById: userId,
			OwnerId: userId,
		});
		const patch = await fetch(`${t.dataUrl}/sobjects/Case/${id}`, {
			method: 'PATCH',
			headers: {
				Authorization: `Bearer ${session.accessToken}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ Status: 'Closed' }),
		});
		expect(patch.status).toBe(204);
		expect(t.org.store.get(id)).toMatchObject({ IsClosed: true, LastModifiedById: userId });
	});

	it('refuses to create records of an object that cannot be created', async () => {
		const res = await t.api('POST', '/sobjects/CaseHistory', { Field: 'Status' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual([
			{
				message: 'entity type cannot be inserted: Case History',
				errorCode: 'INVALID_TYPE_FOR_OPERATION',
			},
		]);
	});

	it("computes a Task's read-only fields: IsClosed, IsHighPriority and AccountId", async () => {
		const accountId = t.org.store.insert('Account', { Name: 'Grand Hotels' });
		const contactId = t.org.store.insert('Contact', { LastName: 'Bond', AccountId: accountId });
		const created = await t.api('POST', '/sobjects/Task', {
			Subject: 'Call',
			WhoId: contactId,
			Priority: 'High',
			Status: 'Completed',
		});
		expect(created.status).toBe(201);
		const read = await t.api('GET', `/sobjects/Task/${created.body.id}`);
		expect(read.body).toMatchObject({
			IsClosed: true,
			IsHighPriority: true,
			AccountId: accountId,
			WhoId: contactId,
			TaskSubtype: null,
		});
		await t.api('PATCH', `/sobjects/Task/${created.body.id}`, {
			Status: 'In Progress',
			WhoId: null,
		});
		expect(t.org.store.get(created.body.id)).toMatchObject({ IsClosed: false, AccountId: null });
	});
});
