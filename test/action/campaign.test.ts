import type { IDataObject } from 'n8n-workflow';

import { actionSuite } from './suite';

// The action node's Campaign resource (campaign members) as n8n runs it, against the sandbox org.

describe('Salesforce Service Cloud node: Campaign', () => {
	const s = actionSuite('campaign');
	const { run } = s;
	const calls = () => ({ ...s.t.org.counters.apiCallsByKind });
	const member = (campaignId: string, memberId: string, memberStatus = '') => ({
		campaignId,
		memberId,
		memberStatus,
	});
	/** Runs an operation with each item's IDs given by expressions on the item. */
	const runOnItems = (operation: string, input: IDataObject[], continueOnFail = false) =>
		run(
			{
				operation,
				campaignId: '={{ $json.campaignId }}',
				memberId: '={{ $json.memberId }}',
				memberStatus: '={{ $json.memberStatus ?? "" }}',
			},
			input,
			continueOnFail,
		);
	const members = (campaignId: string) =>
		s.t.org.store.rows('CampaignMember').filter((m) => m.CampaignId === campaignId);

	it('adds a lead and a contact to a campaign with a status, and removes them again', async () => {
		const campaignId = s.t.org.store.insert('Campaign', { Name: 'Spring webinar' });
		const leadId = s.t.org.store.insert('Lead', { LastName: 'Ada', Company: 'Acme' });
		const contactId = s.t.org.store.insert('Contact', { LastName: 'Bob' });
		const added = await runOnItems('addMember', [
			member(campaignId, leadId, 'Responded'),
			member(campaignId.slice(0, 15), contactId.slice(0, 15)),
		]);
		expect(added.error).toBeUndefined();
		expect(added.items.map((i) => i.json)).toEqual([
			expect.objectContaining({ success: true, campaignId, leadId, status: 'Responded' }),
			expect.objectContaining({ success: true, contactId: contactId.slice(0, 15) }),
		]);
		expect(
			members(campaignId).map((m) => [m.LeadId ?? m.ContactId, m.Status, m.HasResponded]),
		).toEqual([
			[leadId, 'Responded', true],
			[contactId, 'Sent', false],
		]);
		const removed = await runOnItems('removeMember', [
			member(campaignId, leadId),
			member(campaignId.slice(0, 15), contactId.slice(0, 15)),
		]);
		expect(removed.error).toBeUndefined();
		expect(removed.items.map((i) => i.json.removed)).toEqual([true, true]);
		expect(members(campaignId)).toEqual([]);
	});

	it('reports a person who is already a member as a failed item, naming it, and adds the others', async () => {
		const campaignId = s.t.org.store.insert('Campaign', { Name: 'Trade show' });
		const leadId = s.t.org.store.insert('Lead', { LastName: 'Cy', Company: 'Acme' });
		const newLead = s.t.org.store.insert('Lead', { LastName: 'Di', Company: 'Acme' });
		s.t.org.store.insert('CampaignMember', { CampaignId: campaignId, LeadId: leadId });
		const input = [member(campaignId, leadId), member(campaignId, newLead)];
		const stopped = await runOnItems('addMember', input);
		expect(stopped.error?.message).toMatch(/item 0 was not/);
		expect(stopped.error?.description).toContain(
			`Lead ${leadId} is already a member of campaign ${campaignId} (Salesforce: Already a campaign member.)`,
		);
		const { items } = await runOnItems('addMember', [member(campaignId, leadId)], true);
		expect(items[0].json).toMatchObject({
			errorCode: 'DUPLICATE_VALUE',
			error: `Lead ${leadId} is already a member of campaign ${campaignId} (Salesforce: Already a campaign member.)`,
			fields: ['LeadId'],
			input: input[0],
		});
		expect(members(campaignId).map((m) => m.LeadId)).toEqual([leadId, newLead]);
	});

	it('refuses, before writing anything, an ID that is not a campaign, or not a lead or a contact', async () => {
		const campaignId = s.t.org.store.insert('Campaign', { Name: 'Newsletter' });
		const leadId = s.t.org.store.insert('Lead', { LastName: 'Eve', Company: 'Acme' });
		const accountId = s.t.org.store.insert('Account', { Name: 'Acme' });
		const input = [
			member(campaignId, leadId),
			member(leadId, leadId),
			member(campaignId, accountId),
			member(campaignId, `${leadId}, ${leadId}`),
		];
		const stopped = await runOnItems('addMember', input);
		expect(stopped.error?.message).toBe(
			`Nothing was written: item 1, field CampaignId: Campaign ID "${leadId}" is not the ID of a campaign (campaign IDs start with 701) [MALFORMED_ID]`,
		);
		expect(members(campaignId)).toEqual([]);
		const { items } = await runOnItems('addMember', input, true);
		expect(items.map((i) => i.json.errorCode ?? 'ok')).toEqual([
			'ok',
			'MALFORMED_ID',
			'FIELD_INTEGRITY_EXCEPTION',
			'MALFORMED_ID',
		]);
		expect(String(items[2].json.error)).toMatch(/neither a lead .* nor a contact/);
		expect(String(items[3].json.error)).toMatch(/more than one Id/);
	});

	it('removes with one query per 200 items, and says removed: false for a person who was not a member', async () => {
		const campaignId = s.t.org.store.insert('Campaign', { Name: 'Cleanup' });
		const other = s.t.org.store.insert('Campaign', { Name: 'Other' });
		const leads = Array.from({ length: 3 }, (_, i) =>
			s.t.org.store.insert('Lead', { LastName: `L${i}`, Company: 'Acme' }),
		);
		s.t.org.store.insert('CampaignMember', { CampaignId: campaignId, LeadId: leads[0] });
		s.t.org.store.insert('CampaignMember', { CampaignId: other, LeadId: leads[1] });
		const before = calls();
		const { items, error } = await runOnItems('removeMember', [
			member(campaignId, leads[0]),
			member(campaignId, leads[1]),
		]);
		const after = calls();
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.pairedItem, i.json.removed])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
		]);
		// One lookup (a Composite request holding the query), one delete call (sObject Collections).
		expect(after.composite - before.composite).toBe(1);
		expect(after.collections - before.collections).toBe(1);
		expect(after.query - before.query).toBe(0);
		expect(s.t.org.store.rows('CampaignMember').map((m) => m.CampaignId)).toContain(other);
	});

	it('adds 1,000 members in one API call, and removes them in two (the lookups, then the deletes, each in one Composite request)', async () => {
		const campaignId = s.t.org.store.insert('Campaign', { Name: 'Big list' });
		const input = Array.from({ length: 1000 }, (_, i) =>
			member(campaignId, s.t.org.store.insert('Lead', { LastName: `Bulk ${i}`, Company: 'Acme' })),
		);
		const before = s.t.org.counters.apiCalls;
		const added = await runOnItems('addMember', input);
		const addCalls = s.t.org.counters.apiCalls - before;
		expect(added.error).toBeUndefined();
		expect(members(campaignId)).toHaveLength(1000);
		expect(addCalls).toBe(1);
		const mid = s.t.org.counters.apiCalls;
		const removed = await runOnItems('removeMember', input);
		const removeCalls = s.t.org.counters.apiCalls - mid;
		expect(removed.items.every((i) => i.json.removed === true)).toBe(true);
		expect(members(campaignId)).toHaveLength(0);
		expect(removeCalls).toBe(2);
		console.log(
			`campaign members: 1,000 added in ${addCalls} API call, 1,000 removed in ${removeCalls} API calls`,
		);
	});
});
