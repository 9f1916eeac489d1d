import { Connection } from '@jsforce/jsforce-node';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { IDataObject } from 'n8n-workflow';

import {
	chatSubquery,
	commentSubquery,
	emailSubquery,
	messagingTurns,
	shapeCaseThread,
	UnpagedChildResultError,
	type CaseThreadRecord,
	type ConversationEntry,
} from '../../nodes/shared/thread';
import { API_VERSION, startTestOrg, type TestOrg } from '../sandbox-org/testing';

// The subqueries and the shaping of whole cases against the sandbox org's demo data: emails,
// comments and chats in the case's own query (jsforce pages the child results), messaging from the
// Connect API.

interface SessionRecord {
	Id: string;
	MessagingEndUserId: string;
	MessagingEndUser: { Name: string };
	OwnerId: string;
	Owner: { Name: string };
	Conversation: { ConversationIdentifier: string };
}
type DemoCase = CaseThreadRecord & {
	CaseNumber: string;
	MessagingSessions: { records: SessionRecord[] } | null;
};

const CASE_QUERY =
	`SELECT Id, CaseNumber, ${emailSubquery()}, ${commentSubquery()}, ${chatSubquery()}, ` +
	'(SELECT Id, MessagingEndUserId, MessagingEndUser.Name, OwnerId, Owner.Name, Conversation.ConversationIdentifier FROM MessagingSessions) FROM Case ORDER BY CaseNumber';

describe('subqueries', () => {
	it('selects the fields the shaping reads, by the relationships of Case', () => {
		expect(emailSubquery()).toBe(
			'(SELECT Id, TextBody, HtmlBody, MessageDate, Incoming, Status, FromAddress, FromName, ToAddress, CcAddress, BccAddress, Subject, ' +
				'MessageIdentifier, ThreadIdentifier, ReplyToEmailMessageId, HasAttachment FROM EmailMessages ORDER BY MessageDate ASC)',
		);
		expect(emailSubquery(['Subject', 'status', 'Parent.CaseNumber'])).toBe(
			'(SELECT Id, TextBody, HtmlBody, MessageDate, Incoming, Status, Subject, Parent.CaseNumber FROM EmailMessages ORDER BY MessageDate ASC)',
		);
		expect(commentSubquery()).toBe(
			'(SELECT Id, CommentBody, IsPublished, CreatedDate, CreatedBy.Name FROM CaseComments ORDER BY CreatedDate ASC)',
		);
		expect(chatSubquery()).toBe(
			'(SELECT Id, Body, StartTime, EndTime FROM LiveChatTranscripts ORDER BY StartTime ASC)',
		);
		expect(parseQuery(CASE_QUERY).fields).toHaveLength(6);
	});

	it('takes only field names', () => {
		expect(() => emailSubquery(['Subject FROM EmailMessages) FROM User --'])).toThrow(
			'Not a field name',
		);
		expect(() => emailSubquery(["Subject'"])).toThrow('Not a field name');
	});
});

describe('case threads from the demo org', () => {
	let t: TestOrg;
	let conn: Connection;
	let cases: DemoCase[];

	beforeAll(async () => {
		t = await startTestOrg({ cases: 50 });
		conn = new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION });
		cases = (await conn.query<DemoCase>(CASE_QUERY, { autoFetch: true })).records;
	});
	afterAll(async () => {
		await t.close();
	});

	it('uses relationship names the org describes', async () => {
		const describe = await conn.sobject('Case').describe();
		const names = describe.childRelationships.map((r) => r.relationshipName);
		expect(names).toEqual(
			expect.arrayContaining([
				'EmailMessages',
				'CaseComments',
				'LiveChatTranscripts',
				'MessagingSessions',
			]),
		);
	});

	it('shapes every case: emails in time order, each in the transcript under its sender', () => {
		for (const c of cases) {
			const thread = shapeCaseThread(c);
			expect(Object.keys(thread)).toEqual(['emails', 'transcript']);
			const sent = (c.EmailMessages?.records ?? []).filter((r) => r.Status !== '5');
			expect(thread.emails.map((e) => e.id).sort()).toEqual(sent.map((r) => r.Id).sort());
			const dates = thread.emails.map((e) => Date.parse(e.date ?? ''));
			expect(dates).toEqual([...dates].sort((a, b) => a - b));
			let from = 0;
			for (const email of thread.emails) {
				const turn = `${email.direction === 'fromCustomer' ? 'Customer' : 'Agent'} (${email.from.name}): ${email.text}`;
				const at = thread.transcript.indexOf(turn, from);
				expect(at).toBeGreaterThanOrEqual(from);
				from = at + turn.length;
			}
			expect(thread.transcript).not.toMatch(/Internal note|Public comment/);
		}
	});

	it('adds the comments on request, internal ones labelled so', () => {
		const c = cases.find((x) =>
			x.CaseComments?.records.some((r) => r.IsPublished === false),
		) as DemoCase;
		const thread = shapeCaseThread(c, { includeComments: true });
		const records = c.CaseComments?.records ?? [];
		expect(thread.comments?.map((x) => [x.internal, x.author, x.text])).toEqual(
			records.map((r) => [!r.IsPublished, r.CreatedBy?.Name, r.CommentBody]),
		);
		for (const comment of thread.comments ?? [])
			expect(thread.transcript).toContain(
				`${comment.internal ? 'Internal note' : 'Public comment'} (${comment.author}): ${comment.text}`,
			);
	});

	it('puts a chat in the transcript, line by line', () => {
		const c = cases.find((x) => x.LiveChatTranscripts) as DemoCase;
		const transcript = shapeCaseThread(c).transcript;
		expect(transcript).toMatch(
			/\[Chat, \d{4}-\d\d-\d\d \d\d:\d\d UTC\]\nAgent \([^)]+\): .+\nCustomer \([^)]+\): /,
		);
	});

	it('puts a messaging session in the transcript, from the Connect API', async () => {
		const c = cases.find((x) => x.MessagingSessions) as DemoCase;
		const turns = [];
		for (const session of c.MessagingSessions?.records ?? []) {
			const res = await t.api(
				'GET',
				`/connect/conversation/${session.Conversation.ConversationIdentifier}/entries?queryDirection=FromStart&recordLimit=1000`,
			);
			const entries = res.body.conversationEntries as ConversationEntry[];
			turns.push(
				...messagingTurns(entries, {
					sessionIds: [session.Id],
					names: {
						[session.MessagingEndUserId]: session.MessagingEndUser.Name,
						[session.OwnerId]: session.Owner.Name,
					},
				}),
			);
		}
		const thread = shapeCaseThread(c, { moreTurns: turns });
		const session = c.MessagingSessions?.records[0] as SessionRecord;
		expect(thread.transcript).toContain(`Customer (${session.MessagingEndUser.Name}): `);
		expect(thread.transcript).toContain(`Agent (${session.Owner.Name}): `);
		// The agent's follow-up email comes after the conversation it sums up.
		expect(thread.transcript.indexOf('[Messaging')).toBeLessThan(
			thread.transcript.indexOf('[Email'),
		);
	});

	it('reads a case without emails (the child result is null)', async () => {
		const id = t.org.store.insert('Case', { Subject: 'No mail', Status: 'Closed' });
		const res = await t.api(
			'GET',
			`/query?q=${encodeURIComponent(`SELECT Id, ${emailSubquery()} FROM Case WHERE Id = '${id}'`)}`,
		);
		expect(res.body.records[0].EmailMessages).toBeNull();
		const thread = shapeCaseThread(res.body.records[0], { includeComments: true });
		// The output fits n8n's item JSON as it is, without casts.
		const item: IDataObject = {
			emails: thread.emails,
			comments: thread.comments,
			transcript: thread.transcript,
		};
		expect(item).toEqual({ emails: [], comments: [], transcript: '' });
	});

	it('refuses a child result with unfetched pages, and shapes it once jsforce has paged it', async () => {
		const id = t.org.store.insert('Case', { Subject: 'Long thread', Status: 'Closed' });
		for (let i = 0; i < 250; i++) {
			t.org.store.insert('EmailMessage', {
				ParentId: id,
				Subject: `Mail ${i}`,
				TextBody: `Message ${i}`,
				Incoming: i % 2 === 0,
				Status: '3',
				MessageDate: Date.UTC(2026, 0, 1) + i * 60_000,
			});
		}
		const soql = `SELECT Id, ${emailSubquery()} FROM Case WHERE Id = '${id}'`;
		const raw = await t.api('GET', `/query?q=${encodeURIComponent(soql)}`);
		expect(raw.body.records[0].EmailMessages).toMatchObject({ totalSize: 250, done: false });
		expect(() => shapeCaseThread(raw.body.records[0])).toThrow(UnpagedChildResultError);
		expect(() => shapeCaseThread(raw.body.records[0])).toThrow(
			`EmailMessages of Case ${id}: 200 of 250 records fetched`,
		);
		const paged = (await conn.query<CaseThreadRecord>(soql, { autoFetch: true })).records[0];
		expect(shapeCaseThread(paged).emails.map((e) => e.text)).toEqual(
			Array.from({ length: 250 }, (_, i) => `Message ${i}`),
		);
	});
});
