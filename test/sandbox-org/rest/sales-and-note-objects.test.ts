import { startTestOrg, type TestOrg } from '../testing';

// Opportunity, Campaign and CampaignMember through the REST API: the fields Salesforce computes
// and the rules it keeps.

describe('sandbox org: opportunities and campaign members', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});

	it('requires an opportunity name, stage and close date, and derives IsClosed and IsWon from the stage', async () => {
		const missing = await t.api('POST', '/sobjects/Opportunity', { Name: 'Deal' });
		expect(missing.status).toBe(400);
		expect(missing.body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING' });
		expect(missing.body[0].fields.sort()).toEqual(['CloseDate', 'StageName']);
		const created = await t.api('POST', '/sobjects/Opportunity', {
			Name: 'Deal',
			StageName: 'Prospecting',
			CloseDate: '2026-12-31',
		});
		expect(created.status).toBe(201);
		const id = created.body.id as string;
		expect(t.org.store.get(id)).toMatchObject({
			IsClosed: false,
			IsWon: false,
			Probability: 10,
			ForecastCategoryName: 'Pipeline',
		});
		await t.api('PATCH', `/sobjects/Opportunity/${id}`, { StageName: 'Closed Won' });
		expect(t.org.store.get(id)).toMatchObject({ IsClosed: true, IsWon: true, Probability: 100 });
		const readOnly = await t.api('PATCH', `/sobjects/Opportunity/${id}`, { IsWon: false });
		expect(readOnly.body[0]).toMatchObject({
			errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
			fields: ['IsWon'],
		});
	});

	it('adds a lead or a contact to a campaign once, answering DUPLICATE_VALUE for a second membership', async () => {
		const campaignId = t.org.store.insert('Campaign', { Name: 'Spring webinar' });
		const leadId = t.org.store.insert('Lead', { LastName: 'Ada', Company: 'Acme' });
		const contactId = t.org.store.insert('Contact', { LastName: 'Bob' });
		const res = await t.api('POST', '/composite/sobjects', {
			allOrNone: false,
			records: [
				{ attributes: { type: 'CampaignMember' }, CampaignId: campaignId, LeadId: leadId },
				{ attributes: { type: 'CampaignMember' }, CampaignId: campaignId, ContactId: contactId },
				{ attributes: { type: 'CampaignMember' }, CampaignId: campaignId, LeadId: leadId },
				{ attributes: { type: 'CampaignMember' }, CampaignId: campaignId },
				{ attributes: { type: 'CampaignMember' }, CampaignId: campaignId, LeadId: contactId },
			],
		});
		expect(res.status).toBe(200);
		expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([
			true,
			true,
			false,
			false,
			false,
		]);
		expect(res.body[2].errors[0]).toMatchObject({
			statusCode: 'DUPLICATE_VALUE',
			message: 'Already a campaign member.',
		});
		expect(res.body[3].errors[0].statusCode).toBe('REQUIRED_FIELD_MISSING');
		expect(res.body[4].errors[0].statusCode).toBe('FIELD_INTEGRITY_EXCEPTION');
		const member = t.org.store.get(res.body[0].id);
		expect(member).toMatchObject({
			Status: 'Sent',
			HasResponded: false,
			LastName: 'Ada',
			Type: 'Lead',
			CompanyOrAccount: 'Acme',
		});
		const moved = await t.api('PATCH', `/sobjects/CampaignMember/${res.body[0].id}`, {
			LeadId: null,
		});
		expect(moved.body[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
	});
});

describe('sandbox org: notes', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});

	it('saves a note as a document of type SNOTE and links it to a record', async () => {
		const caseId = t.org.store.insert('Case', { Subject: 'Printer' });
		const html = '<p>Called &amp; left a message</p>';
		const note = await t.api('POST', '/sobjects/ContentNote', {
			Title: 'Call',
			Content: Buffer.from(html).toString('base64'),
		});
		expect(note.status).toBe(201);
		const noteId = note.body.id as string;
		expect(noteId.startsWith('069')).toBe(true);
		expect(t.org.store.get(noteId, 'ContentNote')).toMatchObject({
			TextPreview: 'Called & left a message',
			FileType: 'SNOTE',
		});
		expect(t.org.store.get(noteId, 'ContentDocument')).toMatchObject({ Title: 'Call' });
		const link = await t.api('POST', '/sobjects/ContentDocumentLink', {
			ContentDocumentId: noteId,
			LinkedEntityId: caseId,
			ShareType: 'V',
			Visibility: 'AllUsers',
		});
		expect(link.status).toBe(201);
		const bad = await t.api('POST', '/sobjects/ContentDocumentLink', {
			ContentDocumentId: noteId,
			LinkedEntityId: caseId,
			ShareType: 'X',
		});
		expect(bad.body[0].errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
		const removed = await t.api('DELETE', `/sobjects/ContentNote/${noteId}`);
		expect(removed.status).toBe(204);
		expect(t.org.store.get(noteId, 'ContentDocument')).toBeUndefined();
		const untitled = await t.api('POST', '/sobjects/ContentNote', { Content: '' });
		expect(untitled.body[0]).toMatchObject({
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['Title'],
		});
	});
});
