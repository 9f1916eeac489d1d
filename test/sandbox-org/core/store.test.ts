import { SandboxOrg } from '../org';

// Salesforce keeps date-times to the second: every date-time a real org answers ends in `.000+0000`
// (all 380 in the recorded responses), so two changes of one record within one second carry the same
// SystemModstamp. The sandbox org must keep them the same way, or tests cannot see what that does.

describe('the sandbox org keeps date-times to the second', () => {
	const at = Date.UTC(2026, 4, 4, 9, 30, 12, 789);
	const second = Date.UTC(2026, 4, 4, 9, 30, 12);

	it('rounds the times it sets down to the second: created, modified, closed, recycled', () => {
		const org = new SandboxOrg({ frozenAt: at });
		const id = org.store.insert('Case', { Subject: 'Printer broken', Status: 'New' });
		org.clock.advance(100);
		org.store.update('Case', id, { Status: 'Closed' });
		const row = org.store.get(id)!;
		expect([row.CreatedDate, row.LastModifiedDate, row.SystemModstamp, row.ClosedDate]).toEqual([
			second,
			second,
			second,
			second,
		]);
		org.clock.advance(300);
		org.store.delete('Case', id);
		expect(
			org.store.rows('Case', { includeDeleted: true }).find((r) => r.Id === id)?.SystemModstamp,
		).toBe(Date.UTC(2026, 4, 4, 9, 30, 13));
	});

	it('rounds the date-times it is given down to the second: field values and backdated audit fields', () => {
		const org = new SandboxOrg({ frozenAt: at });
		const id = org.store.insert(
			'Case',
			{ Subject: 'Migrated', Status: 'Closed' },
			{ audit: { CreatedDate: at - 86_400_000, ClosedDate: at - 3_600_000 } },
		);
		expect(org.store.get(id)).toMatchObject({
			CreatedDate: second - 86_400_000,
			ClosedDate: second - 3_600_000,
		});
		const mail = org.store.insert('EmailMessage', {
			ParentId: id,
			Subject: 'Hello',
			MessageDate: at + 5,
		});
		expect(org.store.get(mail)?.MessageDate).toBe(second);
	});

	it('keeps a change invisible for its whole commit lag, from the moment it was made', () => {
		const org = new SandboxOrg({ frozenAt: at });
		const id = org.store.insert('Case', { Subject: 'Late', Status: 'New' });
		org.store.commitLagMs = 500;
		org.store.update('Case', id, { Status: 'Closed' });
		org.store.commitLagMs = 0;
		org.clock.advance(499);
		expect(org.store.get(id)?.IsClosed).toBe(false);
		org.clock.advance(1);
		expect(org.store.get(id)).toMatchObject({
			IsClosed: true,
			SystemModstamp: second,
			ClosedDate: second,
		});
	});

	it('undeletes a record as Salesforce does: back in queries with its CreatedDate and a new SystemModstamp, its emails with it', () => {
		const org = new SandboxOrg({ frozenAt: at });
		const id = org.store.insert('Case', { Subject: 'Deleted by mistake', Status: 'New' });
		const mail = org.store.insert('EmailMessage', { ParentId: id, Subject: 'Hello' });
		org.clock.advance(60_000);
		org.store.delete('Case', id);
		expect(org.store.get(id)).toBeUndefined();
		expect(org.store.undelete('Case', mail)).toBe(false);
		org.clock.advance(60_000);
		expect(org.store.undelete('Case', id)).toBe(true);
		expect(org.store.get(id)).toMatchObject({
			IsDeleted: false,
			CreatedDate: second,
			SystemModstamp: second + 120_000,
		});
		expect(org.store.get(mail)).toMatchObject({ IsDeleted: false, ParentId: id });
		expect(
			org.store.rows('Case', { includeDeleted: true }).filter((r) => r.Id === id),
		).toHaveLength(1);
		expect(org.store.undelete('Case', id)).toBe(false);
	});
});
