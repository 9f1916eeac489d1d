import type { IBinaryKeyData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { bytesOf, useFilesystemBinaryData } from '../n8n/binary-data';
import {
	afterContentVersionInsert,
	beforeContentVersionInsert,
} from '../sandbox-org/core/content-objects';
import { startTestOrg, type TestOrg } from '../sandbox-org/testing';
import type { PollOutcome } from '../n8n/poll';
import { activateTrigger, emittedJson } from './triggerSetup';

// Include Attachments on Case Closed and New Email on a Case, as n8n runs the trigger against the
// sandbox org: the files of the case and of its emails as n8n binary data (n8n's filesystem mode),
// the `attachments` list, the size cap per case and what the item says past it.

const MINUTE = 60_000;
const MB = 1024 * 1024;

describe('Trigger: Include Attachments', () => {
	let t: TestOrg;
	beforeAll(async () => {
		await useFilesystemBinaryData();
	});
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});
	const later = () => t.org.clock.advance(2000);

	/** A file uploaded to a record as Salesforce stores it (ContentVersion, its ContentDocument, the links). */
	function addFile(recordId: string, pathOnClient: string, bytes: Buffer): string {
		const store = t.org.store;
		const userId = t.identity.userId;
		const values: Record<string, unknown> = {
			PathOnClient: pathOnClient,
			VersionData: bytes,
			FirstPublishLocationId: recordId,
		};
		beforeContentVersionInsert(store, values, userId);
		const versionId = store.insert('ContentVersion', values, { userId });
		afterContentVersionInsert(store, versionId, userId);
		return String(store.get(versionId, 'ContentVersion')?.ContentDocumentId);
	}
	function newCase(subject: string): string {
		return t.org.store.insert('Case', { Subject: subject, Status: 'New', Origin: 'Email' });
	}
	function email(caseId: string, text: string): string {
		return t.org.store.insert('EmailMessage', {
			ParentId: caseId,
			Incoming: true,
			FromAddress: 'rose@customer.example',
			FromName: 'Rose Gonzalez',
			ToAddress: 'support@company.example',
			Subject: 'My parcel',
			TextBody: text,
			MessageDate: t.org.clock.now(),
			Status: '0',
		});
	}
	const items = (outcome: PollOutcome): INodeExecutionData[] => {
		emittedJson(outcome);
		return outcome.emitted?.[0] ?? [];
	};
	const calls = () => ({ all: t.org.counters.apiCalls, ...t.org.counters.apiCallsByKind });
	const linkQueries = (from: number) =>
		t.org.counters.log
			.slice(from)
			.filter((e) => /ContentDocumentLink/.test(decodeURIComponent(e.path)));

	const invoice = Buffer.from('%PDF-1.4\n\u0000\u00ff invoice \r\n%%EOF', 'latin1');
	const photo = Buffer.alloc(300 * 1024, 0x89);
	const video = Buffer.alloc(2 * MB, 7);

	/** A case with an invoice of its own and an email with a photo and a 2 MB video, closed. */
	function closedCaseWithFiles() {
		const caseId = newCase('Broken parcel');
		const invoiceId = addFile(caseId, 'invoice.pdf', invoice);
		t.org.clock.advance(MINUTE);
		const emailId = email(caseId, 'Here is a photo and a video of the parcel.');
		const photoId = addFile(emailId, 'C:\\Users\\rose\\parcel.png', photo);
		const videoId = addFile(emailId, 'unboxing.mp4', video);
		t.org.store.update('Case', caseId, { Status: 'Closed' });
		later();
		return { caseId, emailId, invoiceId, photoId, videoId };
	}

	it('Case Closed: the files of the case and its email as binary data within the cap; the one past it listed with the reason, and how much was left out', async () => {
		const off = await activateTrigger(t, { event: 'caseClosed' });
		const on = await activateTrigger(t, {
			event: 'caseClosed',
			includeAttachments: true,
			maxAttachmentMb: 1,
		});
		expect(emittedJson(await off.poll())).toEqual([]);
		expect(emittedJson(await on.poll())).toEqual([]);
		const c = closedCaseWithFiles();

		// Off by default: no attachments, no binary, and not one call more than the case itself costs.
		const offBefore = calls();
		const logFrom = t.org.counters.log.length;
		const [plain] = items(await off.poll());
		const offCalls = calls().all - offBefore.all;
		// The closings' query and one Composite call for the case's details.
		expect(offCalls).toBe(2);
		expect(linkQueries(logFrom)).toEqual([]);
		expect(plain.json).not.toHaveProperty('attachments');
		expect(plain.binary).toBeUndefined();

		const before = calls();
		const [item] = items(await on.poll());
		const after = calls();
		// One Composite call with the ContentDocumentLink query of the case and its email, one download per file that fits.
		expect(after.all - before.all).toBe(offCalls + 1 + 2);
		expect(after.composite - before.composite).toBe(2);
		expect(after.sobject - before.sobject).toBe(2);

		expect(item.json.attachments).toEqual([
			{
				fileName: 'invoice.pdf',
				size: invoice.length,
				contentDocumentId: c.invoiceId,
				contentVersionId: expect.stringMatching(/^068/),
				emailId: null,
				included: true,
				binaryProperty: 'attachment_0',
				reason: null,
			},
			expect.objectContaining({
				fileName: 'parcel.png',
				size: photo.length,
				contentDocumentId: c.photoId,
				emailId: c.emailId,
				included: true,
				binaryProperty: 'attachment_1',
				reason: null,
			}),
			expect.objectContaining({
				fileName: 'unboxing.mp4',
				size: video.length,
				contentDocumentId: c.videoId,
				emailId: c.emailId,
				included: false,
				binaryProperty: null,
				reason:
					'Left out: the file (2 MB) is larger than the limit of 1 MB per case (Max Attachment Size per Case)',
			}),
		]);
		expect(item.json.attachmentsLeftOut).toEqual({
			files: 1,
			bytes: video.length,
			note: '1 file (2 MB) left out of this item; see "reason" in the attachments list',
		});
		const binary = item.binary as IBinaryKeyData;
		expect(Object.keys(binary)).toEqual(['attachment_0', 'attachment_1']);
		expect(binary.attachment_0).toMatchObject({
			fileName: 'invoice.pdf',
			mimeType: 'application/pdf',
			id: expect.stringMatching(/^filesystem/),
		});
		expect(binary.attachment_1).toMatchObject({ fileName: 'parcel.png', mimeType: 'image/png' });
		expect((await bytesOf(binary.attachment_0)).equals(invoice)).toBe(true);
		expect((await bytesOf(binary.attachment_1)).equals(photo)).toBe(true);
	});

	it('Case Closed: a file that would take the case past the cap is left out, a smaller one after it still comes; without the email thread the emails are listed by one query', async () => {
		const poller = await activateTrigger(t, {
			event: 'caseClosed',
			includeEmailThread: false,
			includeAttachments: true,
			maxAttachmentMb: 0.5,
		});
		expect(emittedJson(await poller.poll())).toEqual([]);
		const caseId = newCase('Three photos');
		const first = email(caseId, 'First photo');
		addFile(first, 'a.png', Buffer.alloc(300 * 1024, 1));
		addFile(first, 'b.png', Buffer.alloc(300 * 1024, 2));
		addFile(first, 'c.txt', Buffer.from('small note'));
		t.org.store.update('Case', caseId, { Status: 'Closed' });
		later();
		const before = calls();
		const [item] = items(await poller.poll());
		const list = item.json.attachments as IDataObject[];
		expect(list.map((a) => [a.fileName, a.included])).toEqual([
			['a.png', true],
			['b.png', false],
			['c.txt', true],
		]);
		expect(list[1].reason).toBe(
			"Left out: with this file (0.3 MB) the case's attachments would come to 0.6 MB, over the limit of 0.5 MB per case (Max Attachment Size per Case)",
		);
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_0', 'attachment_1']);
		expect(item.binary?.attachment_1.fileName).toBe('c.txt');
		expect(item.json).not.toHaveProperty('emails');
		// The closed cases' query, their details (Composite), the emails' query, the links (Composite), two downloads.
		expect(t.org.counters.apiCalls - before.all).toBe(6);
	});

	it('Case Closed: the file lists of all cases of a poll in one Composite call (a query per 300 cases and emails, five per call)', async () => {
		const poller = await activateTrigger(t, {
			event: 'caseClosed',
			includeAttachments: true,
			maxCasesPerPoll: 200,
		});
		expect(emittedJson(await poller.poll())).toEqual([]);
		const cases: string[] = [];
		const emails: string[] = [];
		for (let i = 0; i < 160; i++) {
			cases.push(newCase(`Case ${i}`));
			emails.push(email(cases[i], `Email ${i}`));
		}
		addFile(cases[0], 'first.txt', Buffer.from('first'));
		addFile(emails[159], 'last.txt', Buffer.from('last'));
		for (const id of cases) t.org.store.update('Case', id, { Status: 'Closed' });
		later();
		const before = calls();
		const emitted = items(await poller.poll());
		expect(emitted).toHaveLength(160);
		// 160 cases and 160 emails: two ContentDocumentLink queries in one Composite call (the
		// cases' details are the other), no query of its own, and one download per file.
		const after = calls();
		expect(after.composite - before.composite).toBe(2);
		expect(after.query - before.query).toBe(1);
		expect(after.sobject - before.sobject).toBe(2);
		const byCase = new Map(emitted.map((i) => [i.json.id, i]));
		expect(byCase.get(cases[0])?.binary?.attachment_0.fileName).toBe('first.txt');
		expect(byCase.get(cases[159])?.json.attachments).toEqual([
			expect.objectContaining({ fileName: 'last.txt', emailId: emails[159], included: true }),
		]);
		expect(byCase.get(cases[80])?.json.attachments).toEqual([]);
		expect(byCase.get(cases[80])?.binary).toBeUndefined();
	});

	it('New Email on a Case: the attachment of the new email as binary data, with the email it came with', async () => {
		const poller = await activateTrigger(t, { event: 'newEmail', includeAttachments: true });
		expect(emittedJson(await poller.poll())).toEqual([]);
		const caseId = newCase('Invoice question');
		const emailId = email(caseId, 'Please see the attached invoice.');
		const invoiceId = addFile(emailId, 'invoice.pdf', invoice);
		later();
		const before = calls();
		const [item] = items(await poller.poll());
		// The emails' query, one Composite call for the case and its thread, one for the links, one download.
		expect(t.org.counters.apiCalls - before.all).toBe(4);
		expect((item.json.email as IDataObject).id).toBe(emailId);
		expect(item.json.attachments).toEqual([
			expect.objectContaining({
				fileName: 'invoice.pdf',
				contentDocumentId: invoiceId,
				emailId,
				included: true,
				binaryProperty: 'attachment_0',
			}),
		]);
		expect(item.json.attachmentsLeftOut).toEqual({ files: 0, bytes: 0 });
		expect(item.binary?.attachment_0).toMatchObject({
			fileName: 'invoice.pdf',
			mimeType: 'application/pdf',
		});
		expect((await bytesOf(item.binary?.attachment_0)).equals(invoice)).toBe(true);
	});

	it('a file deleted between its listing and its download is marked with the reason; the case still comes', async () => {
		const poller = await activateTrigger(t, { event: 'newEmail', includeAttachments: true });
		expect(emittedJson(await poller.poll())).toEqual([]);
		const caseId = newCase('Two photos');
		const emailId = email(caseId, 'Two photos attached.');
		addFile(emailId, 'kept.png', photo);
		const goneId = addFile(emailId, 'gone.png', photo);
		// The version's bytes are gone while the file is still listed (a deletion racing the poll).
		const version = t.org.store.rows('ContentVersion').find((v) => v.ContentDocumentId === goneId);
		t.org.store.delete('ContentVersion', String(version?.Id));
		later();
		const [item] = items(await poller.poll());
		const list = item.json.attachments as IDataObject[];
		expect(list.map((a) => [a.fileName, a.included])).toEqual([
			['kept.png', true],
			['gone.png', false],
		]);
		expect(list[1].reason).toBe(
			'Left out: the file could not be downloaded (The requested resource does not exist)',
		);
		expect(item.json.attachmentsLeftOut).toMatchObject({ files: 1, bytes: photo.length });
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_0']);
		// The email was taken: the next poll has nothing new.
		later();
		expect(emittedJson(await poller.poll())).toEqual([]);
	});

	it('a failed file list fails the poll without losing the email: the next poll emits it with its files', async () => {
		const poller = await activateTrigger(t, { event: 'newEmail', includeAttachments: true });
		expect(emittedJson(await poller.poll())).toEqual([]);
		const caseId = newCase('Invoice question');
		const emailId = email(caseId, 'Invoice attached.');
		addFile(emailId, 'invoice.pdf', invoice);
		later();
		// The second Composite call of the poll (the file lists) answers 500 for its query.
		t.org.faults.plan = [{ kind: 'SUBREQUEST_500', method: 'POST', path: '/composite', skip: 1 }];
		const failed = await poller.poll();
		expect(failed.error).toBeDefined();
		expect(failed.emitted).toBeNull();
		const [item] = items(await poller.poll());
		expect((item.json.email as IDataObject).id).toBe(emailId);
		expect(item.binary?.attachment_0.fileName).toBe('invoice.pdf');
	});

	it('"Fetch test event" gives the latest email with its attachments', async () => {
		const poller = await activateTrigger(t, { event: 'newEmail', includeAttachments: true });
		const caseId = newCase('Invoice question');
		addFile(email(caseId, 'Invoice attached.'), 'invoice.pdf', invoice);
		later();
		const [item] = items(await poller.fetchTestEvent());
		expect(item.binary?.attachment_0).toMatchObject({ fileName: 'invoice.pdf' });
		expect((await bytesOf(item.binary?.attachment_0)).equals(invoice)).toBe(true);
	});

	it('stops with an error naming the size field when it is not a number', async () => {
		const poller = await activateTrigger(t, {
			event: 'newEmail',
			includeAttachments: true,
			maxAttachmentMb: -3,
		});
		const outcome = await poller.poll();
		expect(outcome.error?.message).toContain(
			'Max Attachment Size per Case (MB): "-3" is not a number of megabytes',
		);
	});
});
