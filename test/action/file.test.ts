import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { planUpload } from '../../nodes/shared/files/uploadPlan';
import { MAX_JSON_BODY_BYTES } from '../../nodes/shared/transport/salesforceApi';
import { actionSuite } from './suite';

// The action node's File resource as n8n runs it, against the sandbox org: binary data in and out
// through n8n-core's binary helpers, files as ContentVersion / ContentDocument / ContentDocumentLink.

const fileItem = (
	bytes: Buffer,
	fileName: string,
	mimeType: string,
	json = {},
): INodeExecutionData => ({
	json,
	binary: {
		data: {
			data: bytes.toString('base64'),
			mimeType,
			fileName,
			fileExtension: fileName.split('.').pop(),
		},
	},
});

const bytesOfBinary = (binary: IBinaryData | undefined) =>
	Buffer.from(binary?.data ?? '', 'base64');

describe('Salesforce Service Cloud node: File', () => {
	const s = actionSuite('file');
	const run: typeof s.run = (...a) => s.run(...a);
	const runItems: typeof s.runItems = (...a) => s.runItems(...a);
	let caseId: string;
	let emailId: string;
	const pdf = Buffer.from('%PDF-1.4\n\u0000\u00ff binary \r\n%%EOF', 'latin1');
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
	const csv = Buffer.from('id,name\n1,Bo\n');
	beforeAll(() => {
		caseId = s.t.org.store.insert('Case', { Subject: 'Broken parcel', Status: 'New' });
		emailId = s.t.org.store.insert('EmailMessage', {
			ParentId: caseId,
			Subject: 'Photo of the parcel',
			Incoming: true,
			Status: '1',
		});
	});
	const calls = () => ({ ...s.t.org.counters.apiCallsByKind, all: s.t.org.counters.apiCalls });

	describe('Upload, Get Many, Download', () => {
		let uploaded: INodeExecutionData[];
		beforeAll(async () => {
			const before = calls();
			const result = await runItems({ operation: 'upload', recordId: caseId }, [
				fileItem(pdf, 'invoice.pdf', 'application/pdf'),
				fileItem(png, 'photo.png', 'image/png'),
				fileItem(csv, 'orders.csv', 'text/csv'),
			]);
			expect(result.error).toBeUndefined();
			uploaded = result.items;
			const after = calls();
			// Three small files: one sObject Collections create and one query for their file Ids.
			expect(after.all - before.all).toBe(2);
			expect(after.collections - before.collections).toBe(1);
			expect(after.query - before.query).toBe(1);
		});

		it('gives each uploaded file its version Id, file Id, title and size', () => {
			expect(uploaded.map((i) => i.json)).toEqual([
				expect.objectContaining({
					title: 'invoice',
					fileName: 'invoice.pdf',
					size: pdf.length,
					linkedRecordId: caseId,
				}),
				expect.objectContaining({ title: 'photo', fileName: 'photo.png', size: png.length }),
				expect.objectContaining({ title: 'orders', fileName: 'orders.csv', size: csv.length }),
			]);
			for (const item of uploaded) {
				expect(String(item.json.contentVersionId)).toMatch(/^068/);
				expect(String(item.json.contentDocumentId)).toMatch(/^069/);
			}
			expect(uploaded.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it("gets the case's files, and its emails' attachments on request", async () => {
			const attachment = await runItems(
				{
					operation: 'upload',
					recordId: emailId,
					title: 'Parcel photo',
					description: 'From the customer',
				},
				[fileItem(png, 'IMG_0001.png', 'image/png')],
			);
			expect(attachment.error).toBeUndefined();
			const own = await run({ operation: 'getMany', recordId: caseId, returnAll: true });
			expect(own.items.map((i) => i.json.contentDocumentId)).toEqual(
				uploaded.map((i) => i.json.contentDocumentId),
			);
			expect(own.items[0].json).toMatchObject({
				title: 'invoice',
				fileName: 'invoice.pdf',
				fileExtension: 'pdf',
				size: pdf.length,
				latestVersionId: uploaded[0].json.contentVersionId,
				linkedRecordId: caseId,
				fromEmail: false,
			});
			const all = await run({
				operation: 'getMany',
				recordId: caseId,
				includeEmailAttachments: true,
				returnAll: true,
			});
			expect(all.items).toHaveLength(4);
			expect(all.items[3].json).toMatchObject({
				title: 'Parcel photo',
				fileName: 'Parcel photo.png',
				linkedRecordId: emailId,
				fromEmail: true,
				contentDocumentId: attachment.items[0].json.contentDocumentId,
			});
			const two = await run({
				operation: 'getMany',
				recordId: caseId,
				includeEmailAttachments: true,
				limit: 2,
			});
			expect(two.items).toHaveLength(2);
		});

		it('downloads a file by its file Id or its version Id, byte for byte, with its name and type', async () => {
			for (const fileId of [
				String(uploaded[0].json.contentDocumentId),
				String(uploaded[0].json.contentVersionId),
			]) {
				const { items, error } = await run({
					operation: 'download',
					fileId,
					binaryPropertyName: 'invoice',
				});
				expect(error).toBeUndefined();
				const binary = items[0].binary?.invoice;
				expect(bytesOfBinary(binary).equals(pdf)).toBe(true);
				expect(binary).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf' });
				expect(items[0].json).toMatchObject({
					contentDocumentId: uploaded[0].json.contentDocumentId,
					contentVersionId: uploaded[0].json.contentVersionId,
					fileName: 'invoice.pdf',
					size: pdf.length,
				});
			}
		});
	});

	describe('the JSON size limit (52,428,800 bytes a request)', () => {
		// The largest file whose Collections body fits exactly: the node's record for it, as it builds it.
		const base = JSON.stringify({
			allOrNone: false,
			records: [
				{
					attributes: { type: 'ContentVersion' },
					Title: 'edge',
					PathOnClient: 'edge.bin',
					FirstPublishLocationId: 'x'.repeat(18),
					VersionData: '',
				},
			],
		}).length;
		const largestJsonFile = (Math.floor((MAX_JSON_BODY_BYTES - base) / 4) * 4 * 3) / 4;

		it('plans the largest file that fits as JSON, and 1 byte more as multipart', () => {
			const fields = {
				Title: 'edge',
				PathOnClient: 'edge.bin',
				FirstPublishLocationId: 'x'.repeat(18),
			};
			const at = planUpload([{ itemIndex: 0, fields, size: largestJsonFile }]);
			expect(at).toEqual({
				batches: [[expect.objectContaining({ size: largestJsonFile })]],
				multipart: [],
			});
			const over = planUpload([{ itemIndex: 0, fields, size: largestJsonFile + 1 }]);
			expect(over.multipart).toHaveLength(1);
			// Small files share calls up to the byte limit, in input order.
			const tenMb = 10 * 1024 * 1024;
			const many = planUpload(
				Array.from({ length: 10 }, (_, i) => ({ itemIndex: i, fields, size: tenMb })),
			);
			expect(many.batches.map((b) => b.length)).toEqual([3, 3, 3, 1]);
		});

		it('uploads the largest JSON file in a Collections call and one byte more as multipart; both download byte for byte', async () => {
			const atLimit = Buffer.alloc(largestJsonFile, 0x61);
			atLimit.write('first', 0);
			const overLimit = Buffer.alloc(largestJsonFile + 1, 0x62);
			overLimit.write('second', overLimit.length - 6);
			const logFrom = s.t.org.counters.log.length;
			const result = await runItems({ operation: 'upload', recordId: caseId, title: 'edge' }, [
				fileItem(atLimit, 'edge.bin', 'application/octet-stream'),
				fileItem(overLimit, 'edge.bin', 'application/octet-stream'),
			]);
			expect(result.error).toBeUndefined();
			const posts = s.t.org.counters.log
				.slice(logFrom)
				.filter((e) => e.method === 'POST')
				.map((e) => `${e.path.replace(/^\/services\/data\/v[\d.]+/, '')} ${e.status}`);
			expect(posts).toEqual(['/composite/sobjects 200', '/sobjects/ContentVersion 201']);
			for (const [i, bytes] of [atLimit, overLimit].entries()) {
				expect(result.items[i].json.size).toBe(bytes.length);
				const down = await run({
					operation: 'download',
					fileId: String(result.items[i].json.contentDocumentId),
				});
				expect(bytesOfBinary(down.items[0].binary?.data).equals(bytes)).toBe(true);
			}
		}, 60_000);
	});

	describe('Delete', () => {
		it('deletes a file with its versions and links', async () => {
			const up = await runItems({ operation: 'upload', recordId: caseId }, [
				fileItem(csv, 'gone.csv', 'text/csv'),
			]);
			const contentDocumentId = String(up.items[0].json.contentDocumentId);
			const contentVersionId = String(up.items[0].json.contentVersionId);
			const del = await run({ operation: 'delete', fileId: contentDocumentId });
			expect(del.error).toBeUndefined();
			expect(del.items[0].json).toMatchObject({ id: contentDocumentId, success: true });
			const files = await run({ operation: 'getMany', recordId: caseId, returnAll: true });
			expect(files.items.map((i) => i.json.contentDocumentId)).not.toContain(contentDocumentId);
			const down = await run({ operation: 'download', fileId: contentVersionId }, [{}], true);
			expect(down.items[0].json.error).toBe(`No file with ID "${contentVersionId}"`);
		});

		it("refuses a file version's Id, naming the item and the field, before deleting anything", async () => {
			const before = s.t.org.counters.apiCalls;
			const { error } = await run({ operation: 'delete', fileId: '068Sb0000000001' });
			expect(error?.message).toContain('item 0, field fileId');
			expect(error?.message).toContain('file version (ContentVersion');
			expect(s.t.org.counters.apiCalls).toBe(before);
		});
	});

	describe("n8n's Retry On Fail", () => {
		afterEach(() => {
			s.t.org.faults.plan = [];
			s.t.org.faults.tokenUnavailable = 0;
		});

		it("reads Salesforce's error answers to a download (a 503 tried again, the allowance spent said plainly)", async () => {
			const up = await runItems({ operation: 'upload', recordId: caseId }, [
				fileItem(pdf, 'faults.pdf', 'application/pdf'),
			]);
			const fileId = String(up.items[0].json.contentDocumentId);
			s.t.org.faults.plan = [{ kind: 'SERVER_UNAVAILABLE', method: 'GET', path: '/VersionData' }];
			const retried = await run({ operation: 'download', fileId });
			expect(retried.error).toBeUndefined();
			expect(bytesOfBinary(retried.items[0].binary?.data).equals(pdf)).toBe(true);
			s.t.org.faults.plan = [
				{ kind: 'ALLOWANCE_SPENT', method: 'GET', path: '/VersionData', lasting: false },
			];
			const spent = await run({ operation: 'download', fileId });
			expect(spent.error?.message).toContain(
				'daily API allowance is spent [REQUEST_LIMIT_EXCEEDED]',
			);
		});

		it('never uploads a file twice: a retry reports what the failed try uploaded', async () => {
			// The session ends at the query after the upload and cannot be renewed once: the first try
			// throws after uploading, n8n runs the node again.
			s.t.org.faults.plan = [
				{ kind: 'SESSION_END', method: 'GET', path: '/query', tokenFailures: 1 },
			];
			const result = await s.harness.execute({
				type: s.node,
				parameters: {
					authentication: 'clientCredentials',
					resource: 'file',
					operation: 'upload',
					recordId: caseId,
				},
				credentials: s.credentials,
				input: [fileItem(csv, 'retry-1.csv', 'text/csv'), fileItem(csv, 'retry-2.csv', 'text/csv')],
				settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
			});
			expect(result.error).toBeUndefined();
			const items = result.output?.[0] ?? [];
			const stored = s.t.org.store
				.rows('ContentVersion')
				.filter((r) => String(r.PathOnClient).startsWith('retry-'));
			expect(stored).toHaveLength(2);
			expect(items.map((i) => i.json.contentVersionId).sort()).toEqual(
				stored.map((r) => r.Id).sort(),
			);
			expect(items.map((i) => i.json.contentDocumentId)).toEqual(
				stored.map((r) => r.ContentDocumentId),
			);
		});
	});

	describe('bad input', () => {
		it('refuses a missing file or a bad record Id before uploading anything, naming the item and field', async () => {
			const before = s.t.org.counters.apiCalls;
			const { error } = await runItems({ operation: 'upload', recordId: caseId }, [
				fileItem(csv, 'a.csv', 'text/csv'),
				{ json: { name: 'no file' } },
			]);
			expect(error?.message).toContain('Nothing was written: item 1, field binaryPropertyName');
			expect(error?.message).toContain('no file in its binary field "data"');
			expect(s.t.org.counters.apiCalls).toBe(before);
		});

		it('with continue on fail, uploads the good items and gives the others their error', async () => {
			const commentId = s.t.org.store.insert('CaseComment', {
				ParentId: caseId,
				CommentBody: 'hi',
			});
			const { items, error } = await runItems(
				{ operation: 'upload', recordId: '={{ $json.recordId }}' },
				[
					fileItem(csv, 'ok.csv', 'text/csv', { recordId: caseId }),
					{ json: { recordId: caseId } },
					fileItem(csv, 'bad-id.csv', 'text/csv', { recordId: '500Sb00000XyZ12' + 'zzz' }),
					fileItem(csv, 'no-case.csv', 'text/csv', { recordId: '500Sb0000099999' }),
					// A record of an object files cannot be shared with.
					fileItem(csv, 'comment.csv', 'text/csv', { recordId: commentId }),
				],
				true,
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(5);
			expect(items[0].json).toMatchObject({ success: true, fileName: 'ok.csv' });
			expect(items[1].json).toMatchObject({
				errorCode: 'BINARY_DATA_MISSING',
				input: { recordId: caseId },
			});
			expect(items[2].json).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['recordId'] });
			expect(items[3].json).toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY' });
			expect(items[4].json).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
			expect(String(items[4].json.error)).toContain(
				'First Publish Location ID: id value of incorrect type',
			);
		});

		it('refuses a file over 2 GB before sending anything', async () => {
			const before = s.t.org.counters.apiCalls;
			const huge = fileItem(csv, 'huge.iso', 'application/octet-stream');
			// n8n records a stored file's size in `bytes`; only that is read before sending.
			(huge.binary as { data: IBinaryData }).data.bytes = 3 * 1024 * 1024 * 1024;
			const { error } = await runItems({ operation: 'upload' }, [huge]);
			expect(error?.message).toContain('item 0, field binaryPropertyName');
			expect(error?.message).toContain('Salesforce takes files of up to 2 GB');
			expect(s.t.org.counters.apiCalls).toBe(before);
		});

		it('refuses a File ID that is not a file for Download', async () => {
			const { error } = await run({ operation: 'download', fileId: caseId });
			expect(error?.message).toContain(`File ID "${caseId}" is not the Id of a file`);
		});
	});
});
