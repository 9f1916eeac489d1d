import { fixture } from '../contract/fixtures';
import { expectSameShape } from '../contract/shape';
import { startTestOrg, type TestOrg } from '../testing';
import { queryError, records, soql } from './query-helpers';

// What a query answers: records in Salesforce's shape, field names as the describe spells them,
// parents as nested records, polymorphic parents through the Name object, child results.

describe('query results', () => {
	let t: TestOrg;
	let ids: Record<string, string>;

	beforeAll(async () => {
		t = await startTestOrg();
		const s = t.org.store;
		const agent = t.org.addUser({
			firstName: 'Ada',
			lastName: 'Agent',
			email: 'ada@agents.example',
		});
		const queue = t.org.addQueue('Shape Queue');
		const account = s.insert('Account', { Name: 'Edge Communications', OwnerId: agent });
		const contact = s.insert('Contact', {
			FirstName: 'Rose',
			LastName: 'Gonzalez',
			AccountId: account,
			Email: 'rose@edge.example',
		});
		const withContact = s.insert('Case', {
			Subject: 'Shape: with contact',
			Status: 'Closed',
			Priority: 'High',
			Origin: 'Phone',
			ContactId: contact,
			AccountId: account,
			OwnerId: agent,
		});
		const queued = s.insert('Case', { Subject: 'Shape: queued', Status: 'New', OwnerId: queue });
		for (let i = 0; i < 3; i++)
			s.insert('EmailMessage', {
				ParentId: withContact,
				Subject: `Shape mail ${i}`,
				Incoming: i !== 1,
				MessageDate: Date.UTC(2026, 0, 1 + i),
			});
		const task = s.insert('Task', {
			Subject: 'Shape: call back',
			WhoId: contact,
			WhatId: withContact,
			Status: 'Not Started',
			Priority: 'Normal',
		});
		ids = { agent, queue, account, contact, withContact, queued, task };
	});
	afterAll(async () => {
		await t.close();
	});

	it('answers the recorded query of closed cases in the recorded shape and key order', async () => {
		const q =
			'SELECT Id, CaseNumber, Subject, Description, Status, Priority, Origin, Reason, Type, OwnerId, AccountId, ContactId, CreatedDate, LastModifiedDate, SystemModstamp, ClosedDate, IsClosed, IsEscalated FROM Case WHERE IsClosed = true ORDER BY SystemModstamp ASC';
		const res = await soql(t, q);
		const recorded = fixture<{ records: Array<Record<string, unknown>> }>(
			'nango__query-case-closed-v62.json',
		);
		expect(res.status).toBe(200);
		expectSameShape(res.body, recorded);
		expect(Object.keys(res.body)).toEqual(['totalSize', 'done', 'records']);
		expect(Object.keys(res.body.records[0])).toEqual(Object.keys(recorded.records[0]));
		expect(res.body.records[0].attributes).toEqual({
			type: 'Case',
			url: `/services/data/v62.0/sobjects/Case/${ids.withContact}`,
		});
	});

	it('writes field and object names as the describe spells them, whatever case the query used', async () => {
		const [row] = await records(
			t,
			`select id, SUBJECT, status, contact.account.name from case where id = '${ids.withContact}'`,
		);
		expect(Object.keys(row)).toEqual(['attributes', 'Id', 'Subject', 'Status', 'Contact']);
		expect(row.attributes.type).toBe('Case');
		expect(Object.keys(row.Contact)).toEqual(['attributes', 'Account']);
		expect(row.Contact.Account.Name).toBe('Edge Communications');
	});

	it('nests parents at any depth as records with their own attributes, and null for an empty reference', async () => {
		const rows = await records(
			t,
			"SELECT Subject, Contact.Name, Contact.Account.Name, Account.Owner.Email FROM Case WHERE Subject LIKE 'Shape:%' ORDER BY Subject",
		);
		const [queued, withContact] = rows;
		expect(withContact.Contact).toEqual({
			attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${ids.contact}` },
			Name: 'Rose Gonzalez',
			Account: {
				attributes: {
					type: 'Account',
					url: `/services/data/v62.0/sobjects/Account/${ids.account}`,
				},
				Name: 'Edge Communications',
			},
		});
		expect(withContact.Account.Owner).toEqual({
			attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${ids.agent}` },
			Email: 'ada@agents.example',
		});
		expect(queued.Contact).toBeNull();
		expect(queued.Account).toBeNull();
	});

	it('reads a polymorphic owner through the Name object: attributes.type Name, the url of the real record', async () => {
		const rows = await records(
			t,
			"SELECT Subject, Owner.Name, Owner.Type, Owner.Email, Owner.Id FROM Case WHERE Subject LIKE 'Shape:%' ORDER BY Subject",
		);
		expect(rows[0].Owner).toEqual({
			attributes: { type: 'Name', url: `/services/data/v62.0/sobjects/Group/${ids.queue}` },
			Name: 'Shape Queue',
			Type: 'Queue',
			Email: null,
			Id: ids.queue,
		});
		expect(rows[1].Owner).toEqual({
			attributes: { type: 'Name', url: `/services/data/v62.0/sobjects/User/${ids.agent}` },
			Name: 'Ada Agent',
			Type: 'User',
			Email: 'ada@agents.example',
			Id: ids.agent,
		});
	});

	it("reads a task's Who and What, and names a case by its CaseNumber", async () => {
		const [task] = await records(
			t,
			`SELECT Who.Name, Who.Type, What.Name, What.Type FROM Task WHERE Id = '${ids.task}'`,
		);
		const [c] = await records(t, `SELECT CaseNumber FROM Case WHERE Id = '${ids.withContact}'`);
		expect(task.Who).toMatchObject({
			attributes: { type: 'Name', url: `/services/data/v62.0/sobjects/Contact/${ids.contact}` },
			Name: 'Rose Gonzalez',
			Type: 'Contact',
		});
		expect(task.What).toMatchObject({
			attributes: { type: 'Name' },
			Name: c.CaseNumber,
			Type: 'Case',
		});
	});

	it('refuses a field the Name object does not have', async () => {
		const err = await queryError(t, 'SELECT Owner.Department FROM Case');
		expect(err.status).toBe(400);
		expect(err.errorCode).toBe('INVALID_FIELD');
		expect(err.message).toContain("No such column 'Department' on entity 'Name'.");
	});

	it('returns child results with their own WHERE, ORDER BY and LIMIT, and null for a parent without children', async () => {
		const rows = await records(
			t,
			"SELECT Subject, (SELECT Subject, Incoming FROM emailmessages WHERE Incoming = true ORDER BY MessageDate DESC LIMIT 5) FROM Case WHERE Subject LIKE 'Shape:%' ORDER BY Subject",
		);
		expect(rows[0].EmailMessages).toBeNull();
		expect(Object.keys(rows[1])).toEqual(['attributes', 'Subject', 'EmailMessages']);
		expect(Object.keys(rows[1].EmailMessages)).toEqual(['totalSize', 'done', 'records']);
		expect(rows[1].EmailMessages.totalSize).toBe(2);
		expect(rows[1].EmailMessages.done).toBe(true);
		expect(rows[1].EmailMessages.records.map((r: { Subject: string }) => r.Subject)).toEqual([
			'Shape mail 2',
			'Shape mail 0',
		]);
		expect(rows[1].EmailMessages.records[0].attributes.type).toBe('EmailMessage');
	});

	it('answers SELECT COUNT() with totalSize only', async () => {
		const res = await soql(t, "SELECT COUNT() FROM Case WHERE Subject LIKE 'Shape:%'");
		expect(res.body).toEqual({ totalSize: 2, done: true, records: [] });
	});

	it('answers aggregate functions with GROUP BY as AggregateResult records', async () => {
		const rows = await records(
			t,
			"SELECT Status, COUNT(Id) cases, MAX(CreatedDate) FROM Case WHERE Subject LIKE 'Shape:%' GROUP BY Status ORDER BY Status",
		);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toEqual({
			attributes: { type: 'AggregateResult' },
			Status: 'Closed',
			cases: 1,
			expr0: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/),
		});
		expect(rows[1]).toMatchObject({ Status: 'New', cases: 1 });
	});

	it('expands FIELDS(STANDARD), and wants a LIMIT of at most 200 for FIELDS(ALL)', async () => {
		const [row] = await records(t, `SELECT FIELDS(STANDARD) FROM Case WHERE Id = '${ids.queued}'`);
		expect(row).toMatchObject({
			Id: ids.queued,
			Subject: 'Shape: queued',
			Status: 'New',
			IsClosed: false,
			OwnerId: ids.queue,
		});
		expect(Object.keys(row)).toEqual(
			expect.arrayContaining(['CaseNumber', 'CreatedDate', 'SystemModstamp']),
		);
		const err = await queryError(t, 'SELECT FIELDS(ALL) FROM Case');
		expect(err).toEqual({
			status: 400,
			errorCode: 'MALFORMED_QUERY',
			message: 'The SOQL FIELDS function must have a LIMIT of at most 200',
		});
		expect(
			(await records(t, "SELECT FIELDS(ALL) FROM Case WHERE Subject LIKE 'Shape:%' LIMIT 200"))
				.length,
		).toBe(2);
	});

	it('leaves deleted rows to queryAll, which marks them IsDeleted', async () => {
		const doomed = t.org.store.insert('Case', { Subject: 'Shape: deleted', Status: 'New' });
		t.org.store.delete('Case', doomed);
		const q = "SELECT Id, IsDeleted FROM Case WHERE Subject = 'Shape: deleted'";
		expect(await records(t, q)).toEqual([]);
		expect(await records(t, q, { all: true })).toEqual([
			{
				attributes: { type: 'Case', url: `/services/data/v62.0/sobjects/Case/${doomed}` },
				Id: doomed,
				IsDeleted: true,
			},
		]);
	});

	it('answers in the API version of the request', async () => {
		const res = await t.api(
			'GET',
			`/services/data/v59.0/query?q=${encodeURIComponent(`SELECT Id FROM Case WHERE Id = '${ids.queued}'`)}`,
		);
		expect(res.body.records[0].attributes.url).toBe(
			`/services/data/v59.0/sobjects/Case/${ids.queued}`,
		);
	});
});
