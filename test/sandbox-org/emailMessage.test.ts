import { startTestOrg, type TestOrg } from './testing';

// What New Email on a Case reads of the sandbox org: an EmailMessage created through the REST API is
// stamped to the second like any record (CreatedDate, SystemModstamp), the trigger's queries on it
// and on its case run as Salesforce runs them, and an email restored from the Recycle Bin comes back
// with its own CreatedDate and a new SystemModstamp.

describe('sandbox org: EmailMessage as New Email on a Case reads it', () => {
	let t: TestOrg;
	beforeAll(async () => {
		t = await startTestOrg();
	});
	afterAll(async () => {
		await t.close();
	});
	const query = async (soql: string) => {
		const res = await t.api('GET', `/query?q=${encodeURIComponent(soql)}`);
		expect(res.status).toBe(200);
		return res.body.records as Array<Record<string, any>>;
	};

	it('stamps a new email to the second and answers the queries the trigger sends', async () => {
		t.org.clock.freeze(Date.UTC(2026, 4, 4, 9, 30, 12, 789));
		const contact = await t.api('POST', '/sobjects/Contact', {
			LastName: 'Gonzalez',
			Email: 'rose@customer.example',
		});
		const created = await t.api('POST', '/sobjects/Case', {
			Subject: 'Printer',
			ContactId: contact.body.id,
			SuppliedEmail: 'rose@customer.example',
		});
		const caseId = created.body.id as string;
		const mail = await t.api('POST', '/sobjects/EmailMessage', {
			ParentId: caseId,
			Incoming: true,
			FromAddress: 'rose@customer.example',
			Subject: 'Broken',
			TextBody: 'It is broken.',
			MessageDate: '2026-05-01T07:25:37.456Z',
		});
		expect(mail.status).toBe(201);
		await t.api('POST', '/sobjects/EmailMessage', { ParentId: caseId, Incoming: false });
		const [row] = await query(
			`SELECT Id, CreatedDate, SystemModstamp, ParentId FROM EmailMessage WHERE (SystemModstamp >= 2026-05-04T09:00:00Z) AND (CreatedDate >= 2026-05-04T09:00:00Z) AND (Incoming = true AND ParentId != null) ORDER BY SystemModstamp ASC, Id ASC`,
		);
		expect(row).toMatchObject({
			Id: mail.body.id,
			CreatedDate: '2026-05-04T09:30:12.000+0000',
			SystemModstamp: '2026-05-04T09:30:12.000+0000',
			ParentId: caseId,
		});
		const [caseRow] = await query(
			`SELECT Id, SuppliedEmail, Contact.Email, (SELECT Id, Incoming, CreatedDate, MessageDate FROM EmailMessages ORDER BY MessageDate ASC) FROM Case WHERE (Id IN ('${caseId}')) AND (Priority = null OR Priority != 'Low')`,
		);
		expect(caseRow.Contact).toMatchObject({ Email: 'rose@customer.example' });
		expect(caseRow.SuppliedEmail).toBe('rose@customer.example');
		expect(caseRow.EmailMessages.records).toHaveLength(2);
		expect(caseRow.EmailMessages.records[1]).toMatchObject({
			Id: mail.body.id,
			Incoming: true,
			CreatedDate: '2026-05-04T09:30:12.000+0000',
			MessageDate: '2026-05-01T07:25:37.000+0000',
		});
	});

	it('restores a deleted email with its CreatedDate and a new SystemModstamp (undelete)', async () => {
		t.org.clock.freeze(Date.UTC(2026, 4, 5, 8, 0, 0, 250));
		const caseId = t.org.store.insert('Case', { Subject: 'Spam?' });
		const id = t.org.store.insert('EmailMessage', { ParentId: caseId, Incoming: true });
		t.org.clock.advance(60_000);
		expect(t.org.store.delete('EmailMessage', id)).toBe(true);
		expect(await query(`SELECT Id FROM EmailMessage WHERE Id = '${id}'`)).toEqual([]);
		t.org.clock.advance(60_000);
		expect(t.org.store.undelete('EmailMessage', id)).toBe(true);
		expect(t.org.store.undelete('EmailMessage', id)).toBe(false);
		const [row] = await query(
			`SELECT Id, IsDeleted, CreatedDate, SystemModstamp FROM EmailMessage WHERE Id = '${id}'`,
		);
		expect(row).toMatchObject({
			IsDeleted: false,
			CreatedDate: '2026-05-05T08:00:00.000+0000',
			SystemModstamp: '2026-05-05T08:02:00.000+0000',
		});
	});
});
