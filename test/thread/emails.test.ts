import type { IDataObject } from 'n8n-workflow';

import {
	shapeEmail,
	shapeEmails,
	type EmailMessageRecord,
	type ShapedEmail,
} from '../../nodes/shared/thread';

// Records as the REST API returns them from the trigger's subquery.
function record(id: string, values: Partial<EmailMessageRecord> = {}): EmailMessageRecord {
	return {
		attributes: { type: 'EmailMessage', url: `/services/data/v62.0/sobjects/EmailMessage/${id}` },
		Id: id,
		FromAddress: 'jane.doe@example.com',
		FromName: 'Jane Doe',
		ToAddress: 'support@voltaris.example',
		CcAddress: 'ops@example.com; tom@example.com',
		BccAddress: null,
		Subject: 'Charger shows E-214 [ ref:!00D5e01Kcg.!5005e02BSHop:ref ]',
		TextBody: 'Hello,\n\nmy charger shows E-214 again.\n\nThanks,\nJane\n\nSent from my iPhone',
		HtmlBody:
			'<div dir="ltr">Hello,<br><br>my charger shows E-214 again.<br><br>Thanks,<br>Jane</div>',
		MessageDate: '2026-05-01T07:25:37.000+0000',
		Incoming: true,
		Status: '1',
		MessageIdentifier: `<${id}@mail.example.com>`,
		ThreadIdentifier: `<${id}@mail.example.com>`,
		ReplyToEmailMessageId: null,
		HasAttachment: false,
		...values,
	};
}

it('shapes an email', () => {
	const shaped: IDataObject = shapeEmail(record('02sA'));
	expect(shaped).toEqual({
		id: '02sA',
		direction: 'fromCustomer',
		from: { name: 'Jane Doe', address: 'jane.doe@example.com' },
		to: ['support@voltaris.example'],
		cc: ['ops@example.com', 'tom@example.com'],
		subject: 'Charger shows E-214',
		date: '2026-05-01T07:25:37.000+00:00',
		text: 'Hello,\n\nmy charger shows E-214 again.\n\nThanks,\nJane',
		status: 'Read',
		hasAttachment: false,
	});
});

it('says an email sent from the org is from the agent', () => {
	const shaped = shapeEmail(
		record('02sA', {
			Incoming: false,
			FromName: 'Hannah Weiß',
			FromAddress: 'billing@voltaris.example',
			Status: '3',
		}),
	);
	expect(shaped).toMatchObject({
		direction: 'fromAgent',
		from: { name: 'Hannah Weiß', address: 'billing@voltaris.example' },
		status: 'Sent',
	});
});

it('orders by MessageDate, keeping the given order for equal dates', () => {
	const emails = shapeEmails([
		record('c', { MessageDate: '2026-05-03T10:00:00.000+0000' }),
		record('a', { MessageDate: '2026-05-01T10:00:00.000+0000' }),
		record('b2', { MessageDate: '2026-05-02T10:00:00.000+0000' }),
		record('b1', { MessageDate: '2026-05-02T12:00:00.000+0200' }),
	]);
	expect(emails.map((e) => e.id)).toEqual(['a', 'b2', 'b1', 'c']);
	expect(emails[2].date).toBe('2026-05-02T12:00:00.000+02:00');
});

it('leaves unsent drafts out unless asked, and puts them last', () => {
	const records = [
		record('draft', { Status: '5', MessageDate: null, Incoming: false }),
		record('sent', { Status: '3' }),
	];
	expect(shapeEmails(records).map((e) => e.id)).toEqual(['sent']);
	const withDrafts = shapeEmails(records, { includeDrafts: true });
	expect(withDrafts.map((e) => [e.id, e.date, e.status])).toEqual([
		['sent', '2026-05-01T07:25:37.000+00:00', 'Sent'],
		['draft', null, 'Draft'],
	]);
});

it.each([null, '', '  \n '])(
	'takes the text from the HTML body when the text body is %j',
	(textBody) => {
		expect(shapeEmail(record('02sA', { TextBody: textBody })).text).toBe(
			'Hello,\n\nmy charger shows E-214 again.\n\nThanks,\nJane',
		);
	},
);

it('is empty text when there is no body at all', () => {
	expect(shapeEmail(record('02sA', { TextBody: null, HtmlBody: null })).text).toBe('');
});

it('adds the original bodies on request', () => {
	const r = record('02sA');
	expect(shapeEmail(r)).not.toHaveProperty('textBody');
	expect(shapeEmail(r, { includeOriginalBodies: true })).toMatchObject({
		textBody: r.TextBody,
		htmlBody: r.HtmlBody,
	});
	expect(
		shapeEmail(record('02sA', { HtmlBody: undefined }), { includeOriginalBodies: true }).htmlBody,
	).toBeNull();
});

it.each([
	['FW: Charger', true],
	['Fwd: Charger', true],
	['WG: Ladegerät', true],
	['TR : Chargeur', true],
	['RE: Charger', false],
	['Forward planning', false],
])('flags %j as a forward: %s', (subject, forwarded) => {
	const shaped: ShapedEmail = shapeEmail(record('02sA', { Subject: subject, Incoming: false }));
	expect(shaped.forwarded === true).toBe(forwarded);
});

it('keeps a status code it does not know, and missing fields as empty values', () => {
	const shaped = shapeEmail({ Id: '02sA', Status: '9' });
	expect(shaped).toEqual({
		id: '02sA',
		direction: 'fromAgent',
		from: { name: '', address: '' },
		to: [],
		cc: [],
		subject: '',
		date: null,
		text: '',
		status: '9',
	});
});
