import { createHash } from 'node:crypto';

import type { Row } from '../core/store';
import { SandboxOrg } from '../org';
import { DEMO_OBJECTS, generateDemoData, type DemoDataSummary } from './generate';
import { setUpDemoIdentity } from './identity';

const ANCHOR = Date.parse('2026-03-10T15:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An org with the demo identity and data; its clock frozen at `frozenAt`, or running when null. */
function demoOrg(
	seed: number,
	cases: number,
	frozenAt: number | null = ANCHOR,
): { org: SandboxOrg; summary: DemoDataSummary } {
	const org = new SandboxOrg(frozenAt === null ? {} : { frozenAt });
	setUpDemoIdentity(org);
	return { org, summary: generateDemoData(org, { seed, cases }) };
}

/** A digest of every row of every demo object and of the messaging entries: equal digests, equal data. */
function digest(org: SandboxOrg): string {
	const hash = createHash('sha256');
	const sorted = (value: unknown): unknown =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(
					Object.keys(value)
						.sort()
						.map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
				)
			: value;
	for (const name of DEMO_OBJECTS) {
		for (const row of [...org.store.rows(name)].sort((a, b) =>
			String(a.Id).localeCompare(String(b.Id)),
		))
			hash.update(`${name}:${JSON.stringify(sorted(row))}\n`);
	}
	for (const [key, entries] of [...org.conversations].sort(([a], [b]) => a.localeCompare(b)))
		hash.update(`${key}:${JSON.stringify(entries.map(sorted))}\n`);
	return hash.digest('hex');
}

describe('demo data: determinism', () => {
	it('gives the same rows, Ids included, for the same seed and anchor, and different rows for another seed', () => {
		const a = digest(demoOrg(7, 120).org);
		const b = digest(demoOrg(7, 120).org);
		const c = digest(demoOrg(8, 120).org);
		expect(a).toBe(b);
		expect(c).not.toBe(a);
	});

	it('leaves a frozen clock frozen at the anchor and a running clock at real time', () => {
		const frozen = demoOrg(1, 30).org;
		expect(frozen.clock.frozen).toBe(true);
		expect(frozen.clock.now()).toBe(ANCHOR);
		const running = demoOrg(1, 30, null).org;
		expect(running.clock.frozen).toBe(false);
		expect(Math.abs(running.clock.now() - Date.now())).toBeLessThan(1000);
	});

	it('with no cases, adds only the team: users and case queues', () => {
		const { org, summary } = demoOrg(1, 0);
		expect(org.store.count('Case')).toBe(0);
		expect(org.store.count('Contact')).toBe(0);
		expect(org.store.count('Account')).toBe(0);
		expect(org.store.count('EmailMessage')).toBe(0);
		expect(Object.keys(summary.queueIds)).toHaveLength(4);
		expect(summary.agentIds.length).toBeGreaterThanOrEqual(8);
	});
});

describe('demo data: what a user of the org finds', () => {
	const { org, summary } = demoOrg(1, 300);
	const rows = (name: string) => org.store.rows(name);
	const cases = rows('Case');
	const emails = rows('EmailMessage');
	const emailsByCase = new Map<string, Row[]>();
	for (const e of emails)
		emailsByCase.set(String(e.ParentId), [...(emailsByCase.get(String(e.ParentId)) ?? []), e]);
	const legacy = (c: Row) =>
		String(c.Description ?? '').startsWith('Imported from legacy helpdesk');
	const history = rows('CaseHistory');
	const historyOf = (caseId: unknown) =>
		history
			.filter((h) => h.CaseId === caseId)
			.sort((a, b) => Number(a.CreatedDate) - Number(b.CreatedDate));

	it('has a team of agents, case queues with members, customers and leads', () => {
		expect(summary.counts.Case).toBe(300);
		expect(summary.agentIds.length).toBeGreaterThanOrEqual(8);
		expect(summary.agentIds.length).toBeLessThanOrEqual(12);
		const caseQueues = rows('QueueSobject').filter((q) => q.SobjectType === 'Case');
		expect(caseQueues.length).toBeGreaterThanOrEqual(3);
		for (const q of caseQueues)
			expect(rows('GroupMember').some((m) => m.GroupId === q.QueueId)).toBe(true);
		expect(rows('Account').length).toBeGreaterThan(10);
		expect(rows('Contact').every((c) => typeof c.Email === 'string' && c.AccountId)).toBe(true);
		expect(rows('Lead').length).toBeGreaterThan(5);
		expect(rows('Contact').some((c) => /[^\u0000-\u007f]/.test(String(c.Name)))).toBe(true);
	});

	it('uses only reserved example domains for email addresses', () => {
		const addresses: string[] = [];
		for (const e of emails)
			for (const f of ['FromAddress', 'ToAddress', 'CcAddress'])
				if (e[f]) addresses.push(...String(e[f]).split(/[;,]\s*/));
		for (const name of ['Contact', 'Lead', 'User'])
			for (const r of rows(name)) if (r.Email) addresses.push(String(r.Email));
		for (const c of cases) if (c.SuppliedEmail) addresses.push(String(c.SuppliedEmail));
		expect(addresses.length).toBeGreaterThan(1000);
		expect(
			addresses.filter((a) => !/^[^@\s]+@([a-z0-9-]+\.)*(example|example\.com)$/.test(a)),
		).toEqual([]);
	});

	it('has open and closed cases across statuses, origins, priorities and themes, with picklist values from the describe', () => {
		const type = org.schema.get('Case');
		for (const field of ['Status', 'Origin', 'Priority', 'Type', 'Reason']) {
			const allowed = new Set(type?.field(field)?.picklistValues.map((p) => p.value));
			const used = new Set(cases.map((c) => c[field]));
			expect([...used].filter((v) => !allowed.has(String(v)))).toEqual([]);
			expect(used.size).toBeGreaterThanOrEqual(field === 'Status' ? 4 : 3);
		}
		const closed = cases.filter((c) => c.IsClosed);
		expect(closed.length / cases.length).toBeGreaterThan(0.7);
		expect(closed.length).toBeLessThan(cases.length);
		expect(closed.filter((c) => Number(c.ClosedDate) > ANCHOR - 6 * HOUR).length).toBeGreaterThan(
			0,
		);
		expect(
			closed.filter((c) => Number(c.ClosedDate) > ANCHOR - 90 * DAY).length / closed.length,
		).toBeGreaterThan(0.9);
		const themes = [
			/charg|invoice|bill/i,
			/deliver|order|tracking|arriv/i,
			/log ?in|password|locked|two-factor/i,
			/refund/i,
			/error|fault|start|charging|not working/i,
		];
		for (const theme of themes) expect(cases.some((c) => theme.test(String(c.Subject)))).toBe(true);
	});

	it('ties every case to a contact and its account, and web and email cases to the sender', () => {
		const contacts = new Map(rows('Contact').map((c) => [c.Id, c]));
		for (const c of cases) {
			const contact = contacts.get(c.ContactId);
			expect(contact).toBeDefined();
			expect(c.AccountId).toBe(contact?.AccountId);
			if (c.Origin === 'Email' || (c.Origin === 'Web' && c.SuppliedEmail))
				expect(c.SuppliedEmail).toBe(contact?.Email);
		}
		expect(
			cases.filter((c) => c.Origin === 'Email').every((c) => c.SuppliedName && c.SuppliedEmail),
		).toBe(true);
	});

	it('writes history in time order: nothing after now, mails after their case was created, ClosedDate after creation unless loaded', () => {
		for (const name of DEMO_OBJECTS) {
			for (const r of rows(name))
				for (const f of [
					'CreatedDate',
					'SystemModstamp',
					'LastModifiedDate',
					'ClosedDate',
					'MessageDate',
					'EndTime',
				]) {
					if (typeof r[f] === 'number') expect(r[f]).toBeLessThanOrEqual(ANCHOR);
				}
		}
		for (const c of cases) {
			expect(Number(c.SystemModstamp)).toBeGreaterThanOrEqual(Number(c.CreatedDate));
			if (legacy(c)) continue;
			if (c.IsClosed) expect(Number(c.ClosedDate)).toBeGreaterThanOrEqual(Number(c.CreatedDate));
			for (const e of emailsByCase.get(String(c.Id)) ?? [])
				if (e.MessageDate !== null)
					expect(Number(e.MessageDate)).toBeGreaterThanOrEqual(Number(c.CreatedDate));
		}
		// Nobody creates a record before they exist, and customers exist before their cases.
		const users = new Map(rows('User').map((u) => [u.Id, Number(u.CreatedDate)]));
		for (const name of DEMO_OBJECTS) {
			for (const r of rows(name))
				if (r.CreatedById)
					expect(users.get(r.CreatedById)).toBeLessThanOrEqual(
						Number(r.CreatedDate ?? r.SystemModstamp),
					);
		}
		const created = new Map(
			[...rows('Account'), ...rows('Contact')].map((r) => [r.Id, Number(r.CreatedDate)]),
		);
		for (const c of rows('Contact'))
			expect(Number(c.CreatedDate)).toBeGreaterThanOrEqual(Number(created.get(c.AccountId)));
		for (const c of cases)
			expect(Number(c.CreatedDate)).toBeGreaterThanOrEqual(Number(created.get(c.ContactId)));
		const loaded = cases.filter(legacy);
		expect(loaded.length).toBeGreaterThan(0);
		for (const c of loaded) expect(Number(c.ClosedDate)).toBeLessThan(Number(c.CreatedDate));
	});

	it('shows the ownership path in CaseHistory: created in a queue, then accepted by an agent; some escalated to another queue', () => {
		const viaQueue = cases.filter(
			(c) => (c.Origin === 'Email' || c.SuppliedEmail) && !legacy(c) && c.Status !== 'New',
		);
		expect(viaQueue.length).toBeGreaterThan(50);
		for (const c of viaQueue) {
			const firstOwnerChange = historyOf(c.Id).find((h) => h.Field === 'Owner');
			expect(String(firstOwnerChange?.OldValue)).toMatch(/^00G/);
		}
		const accepted = viaQueue.filter((c) =>
			historyOf(c.Id).some(
				(h) =>
					h.Field === 'Owner' &&
					String(h.OldValue).startsWith('00G') &&
					String(h.NewValue).startsWith('005'),
			),
		);
		expect(accepted.length / viaQueue.length).toBeGreaterThan(0.9);
		// Escalated: back to a queue after an agent had it.
		const escalated = cases.filter((c) => {
			const owners = historyOf(c.Id)
				.filter((h) => h.Field === 'Owner')
				.map((h) => String(h.NewValue));
			const firstAgent = owners.findIndex((o) => o.startsWith('005'));
			return firstAgent >= 0 && owners.slice(firstAgent).some((o) => o.startsWith('00G'));
		});
		expect(escalated.length).toBeGreaterThan(0);
		expect(escalated.some((c) => c.IsEscalated)).toBe(true);
		const reopened = cases.filter((c) =>
			historyOf(c.Id).some((h) => h.Field === 'Status' && h.OldValue === 'Closed'),
		);
		expect(reopened.length).toBeGreaterThan(0);
		expect(reopened.some((c) => c.IsClosed)).toBe(true);
	});

	it('gives every case a thread of 1 to 15 mails, incoming and outgoing, with Salesforce threading and statuses', () => {
		for (const c of cases) {
			const thread = emailsByCase.get(String(c.Id)) ?? [];
			expect(thread.length).toBeGreaterThanOrEqual(1);
			expect(thread.length).toBeLessThanOrEqual(15);
		}
		const lengths = cases.map((c) => emailsByCase.get(String(c.Id))?.length ?? 0);
		expect(Math.max(...lengths)).toBeGreaterThanOrEqual(10);
		expect(emails.some((e) => e.Incoming)).toBe(true);
		expect(emails.some((e) => !e.Incoming)).toBe(true);
		for (const e of emails)
			expect(e.Incoming ? ['0', '1', '2', '4'] : ['3', '5']).toContain(e.Status);
		for (const s of ['0', '1', '2', '3']) expect(emails.some((e) => e.Status === s)).toBe(true);
		expect(new Set(emails.map((e) => e.MessageIdentifier)).size).toBe(emails.length);

		const byId = new Map(emails.map((e) => [e.Id, e]));
		for (const [, thread] of emailsByCase) {
			const first = [...thread].sort(
				(a, b) =>
					Number(a.CreatedDate) - Number(b.CreatedDate) || String(a.Id).localeCompare(String(b.Id)),
			)[0];
			for (const e of thread) {
				expect(e.ThreadIdentifier).toBe(first.MessageIdentifier);
				if (e.ReplyToEmailMessageId)
					expect(byId.get(e.ReplyToEmailMessageId)?.ParentId).toBe(e.ParentId);
			}
		}
		// Outgoing case mail carries the case's Ref ID or Lightning threading token in the subject.
		// (Mail a data load brought in from the former helpdesk has no Salesforce token.)
		const loadedCases = new Set(cases.filter(legacy).map((c) => c.Id));
		const replies = emails.filter(
			(e) => !e.Incoming && String(e.Subject).startsWith('RE:') && !loadedCases.has(e.ParentId),
		);
		const refs = replies.map((e) => /\[ ref:!(\w+)\.!(\w+):ref \]$/.exec(String(e.Subject)));
		const tokens = replies.filter((e) =>
			/\[ thread::[A-Za-z0-9]{23}:: \]$/.test(String(e.Subject)),
		);
		expect(tokens.length).toBeGreaterThan(0);
		expect(refs.filter(Boolean).length).toBeGreaterThan(0);
		expect(refs.filter(Boolean).length + tokens.length).toBe(replies.length);
		replies.forEach((e, i) => {
			const m = refs[i];
			if (!m) return;
			const expand = (part: string) => part.slice(0, 6) + part.slice(6).padStart(9, '0');
			expect(expand(m[1])).toBe(org.orgId.slice(0, 15));
			expect(expand(m[2])).toBe(String(e.ParentId).slice(0, 15));
		});
	});

	it('quotes the earlier mail below the new text in replies, as mail clients do, with signatures', () => {
		const byId = new Map(emails.map((e) => [e.Id, e]));
		const replies = emails.filter((e) => e.ReplyToEmailMessageId && e.Status !== '5');
		let quoting = 0;
		for (const e of replies) {
			const earlier = byId.get(e.ReplyToEmailMessageId);
			const line = String(earlier?.TextBody)
				.split('\n')
				.slice(1, 4)
				.sort((a, b) => b.length - a.length)[0];
			const text = String(e.TextBody);
			if (line && line.length > 20 && (text.includes(line) || text.includes(`> ${line}`))) {
				quoting++;
				expect(text.indexOf(line)).toBeGreaterThan(text.indexOf('\n'));
			}
		}
		expect(quoting / replies.length).toBeGreaterThan(0.7);
		const texts = emails.map((e) => String(e.TextBody));
		const htmls = emails.map((e) => String(e.HtmlBody));
		for (const marker of [
			/^On .+ wrote:$/m,
			/^> /m,
			/^-----Original Message-----$/m,
			/^From: .+\nSent: .+\nTo: /m,
			/^--------------- Original Message ---------------$/m,
		]) {
			expect(texts.some((t) => marker.test(t))).toBe(true);
		}
		for (const marker of [
			'<div class="gmail_quote',
			'<div id="divRplyFwdMsg"',
			'<blockquote type="cite">',
			'<blockquote class="gmail_quote"',
		]) {
			expect(htmls.some((h) => h.includes(marker))).toBe(true);
		}
		for (const signature of [
			'\n-- \n',
			'Sent from my iPhone',
			'Voltaris Energy Support | help.voltaris.example',
			'regards,',
		])
			expect(texts.some((t) => t.includes(signature))).toBe(true);
		expect(htmls.some((h) => h.includes('class="gmail_signature"'))).toBe(true);
	});

	it('has chat transcripts as Salesforce writes them, and ended messaging sessions with their conversation entries', () => {
		const transcripts = rows('LiveChatTranscript');
		expect(transcripts.length).toBeGreaterThan(0);
		for (const t of transcripts) {
			expect(String(t.Body)).toMatch(
				/^<p align="center">Chat Started: \w+day, \w+ \d{2}, \d{4}, \d{2}:\d{2}:\d{2} \([+-]\d{4}\)<\/p><p align="center">Chat Origin: [^<]+<\/p><p align="center">Agent \S+ \S<\/p>\( (\d+m )?\d+s \) /,
			);
			expect(String(t.Body).endsWith('<br>')).toBe(true);
			expect(t.Status).toBe('Completed');
			expect(Number(t.EndTime)).toBeGreaterThan(Number(t.StartTime));
			expect(cases.some((c) => c.Id === t.CaseId && c.ContactId === t.ContactId)).toBe(true);
		}
		const sessions = rows('MessagingSession');
		expect(sessions.length).toBeGreaterThan(0);
		const conversations = new Map(rows('Conversation').map((c) => [c.Id, c]));
		for (const s of sessions) {
			expect(s.Status).toBe('Ended');
			expect(cases.some((c) => c.Id === s.CaseId)).toBe(true);
			const identifier = String(conversations.get(s.ConversationId)?.ConversationIdentifier);
			const entries = (org.conversations.get(identifier) ?? []).filter((e) =>
				e.relatedRecords.includes(String(s.Id)),
			);
			expect(entries.length).toBeGreaterThan(3);
			expect(entries.some((e) => e.senderRole === 'EndUser')).toBe(true);
			expect(entries.some((e) => e.senderRole === 'Agent')).toBe(true);
			for (const e of entries) {
				expect(e.timestamp).toBeGreaterThanOrEqual(Number(s.StartTime));
				expect(e.timestamp).toBeLessThanOrEqual(Number(s.EndTime));
			}
		}
		const comments = rows('CaseComment');
		expect(comments.length).toBeGreaterThan(0);
		expect(comments.filter((c) => !c.IsPublished).length / comments.length).toBeGreaterThan(0.7);
	});

	it('resolves every reference to an existing record', () => {
		const missing: string[] = [];
		for (const name of DEMO_OBJECTS) {
			const type = org.schema.get(name);
			const refs = type?.fields.filter((f) => f.type === 'reference') ?? [];
			for (const r of rows(name)) {
				for (const f of refs) {
					const value = r[f.name];
					if (value === null || value === undefined) continue;
					if (!org.store.get(String(value))) missing.push(`${name}.${f.name}=${String(value)}`);
				}
			}
		}
		for (const h of history)
			for (const v of [h.OldValue, h.NewValue])
				if (h.Field === 'Owner' && !org.store.get(String(v)))
					missing.push(`CaseHistory.Owner=${String(v)}`);
		for (const entries of org.conversations.values()) {
			for (const e of entries) {
				for (const id of e.relatedRecords)
					if (!org.store.get(id)) missing.push(`entry.relatedRecords=${id}`);
				if (e.senderRole !== 'Chatbot' && !org.store.get(e.senderSubject))
					missing.push(`entry.senderSubject=${e.senderSubject}`);
			}
		}
		expect(missing).toEqual([]);
	});
});
