import type { IDataObject } from 'n8n-workflow';

import { restoreRedactions } from '../../nodes/shared/redaction';
import { actionSuite } from './suite';

// Case > Get Conversation with Redact Personal Data and Transcript Budget, as n8n runs it against
// the sandbox org.

describe('Salesforce Service Cloud node: Get Conversation with Redact Personal Data and Transcript Budget', () => {
	const s = actionSuite('case');
	const run = (parameters: IDataObject, input?: IDataObject[], continueOnFail?: boolean) =>
		s.run({ operation: 'getConversation', ...parameters }, input, continueOnFail);

	function caseWithEmails(count = 2): string {
		const id = s.t.org.store.insert('Case', {
			Subject: 'Please call 030 12345678',
			Status: 'New',
			Origin: 'Email',
		});
		for (let i = 0; i < count; i++)
			s.t.org.store.insert('EmailMessage', {
				ParentId: id,
				Subject: i === 0 ? 'Refund' : 'RE: Refund',
				TextBody:
					i === 0
						? 'Bitte rufen Sie mich unter 030 12345678 an oder schreiben Sie an ann.berg@kunde.example. Bestellnummer 4711081512 vom 05.03.2024.'
						: `Antwort ${i}: ${'wir prüfen das noch '.repeat(4)}`,
				FromAddress: i % 2 === 0 ? 'ann.berg@kunde.example' : 'support@org.example',
				FromName: i % 2 === 0 ? 'Ann Berg' : 'Support',
				ToAddress: i % 2 === 0 ? 'support@org.example' : 'ann.berg@kunde.example',
				Incoming: i % 2 === 0,
				Status: i % 2 === 0 ? '1' : '3',
				MessageDate: Date.UTC(2026, 0, 1 + i, 9),
			});
		return id;
	}

	it('redacts the emails, the transcript and the case fields with German phone numbers, and keeps the map on request', async () => {
		const id = caseWithEmails();
		const plain = await run({ caseId: id, caseFields: ['Subject'] });
		const { items, error } = await run({
			caseId: id,
			caseFields: ['Subject'],
			redactPersonalData: true,
			redactionOptions: { country: 'DE', keepMap: true, redact: ['email', 'phone', 'name'] },
		});
		expect(error).toBeUndefined();
		const { redactions, ...item } = items[0].json;
		const json = JSON.stringify(item);
		for (const value of ['12345678', 'ann.berg', 'support@org', 'Ann', 'Berg'])
			expect(json).not.toContain(value);
		expect(item.subject).toBe('Please call [phone 1]');
		expect((item.emails as IDataObject[])[0].text).toBe(
			'Bitte rufen Sie mich unter [phone 1] an oder schreiben Sie an [email 1]. Bestellnummer 4711081512 vom 05.03.2024.',
		);
		expect(item.transcript).toContain('Customer ([name 1]): Bitte rufen Sie mich unter [phone 1]');
		expect(redactions).toEqual({
			'[phone 1]': '030 12345678',
			'[email 1]': 'ann.berg@kunde.example',
			'[name 1]': 'Ann Berg',
			'[email 2]': 'support@org.example',
		});
		expect(JSON.parse(restoreRedactions(json, redactions as Record<string, string>))).toEqual(
			plain.items[0].json,
		);
	});

	it('cuts the transcript to its budget and says so; without redaction nothing is redacted', async () => {
		const id = caseWithEmails(12);
		const { items } = await run({ caseId: id, transcriptBudget: 500 });
		const item = items[0].json;
		expect(item.transcriptCut).toBe(true);
		expect(String(item.transcript).length).toBeLessThanOrEqual(500);
		expect(item.transcript).toMatch(
			/^\[Email, 2026-01-01 09:00 UTC, "Refund"\]\nCustomer \(Ann Berg\): Bitte rufen Sie mich unter 030 12345678/,
		);
		expect(item.transcript).toMatch(/\[… \d+ messages left out \(2 Jan – \d+ Jan\) …\]/);
		expect(item.transcript).toContain('Antwort 11:');
		expect(item).not.toHaveProperty('redactions');
	});

	it('refuses a Default Country that is not one, naming the parameter and the item', async () => {
		const id = caseWithEmails();
		const { items } = await run(
			{
				caseId: id,
				redactPersonalData: true,
				redactionOptions: { country: '={{ $json.country }}' },
			},
			[{ country: 'DE' }, { country: 'Germany' }],
			true,
		);
		expect(items[0].json).toHaveProperty('transcript');
		expect(items[1].json.error).toBe(
			'Default Country for Phone Numbers: "Germany" is not a country code (two letters, such as DE or US)',
		);
	});
});
