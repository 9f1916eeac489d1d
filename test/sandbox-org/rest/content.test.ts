import { request } from 'node:http';

import { MAX_JSON_REQUEST_BYTES } from '../core/content-objects';
import { startTestOrg, type TestOrg } from '../testing';

// Salesforce Files in the sandbox org: a ContentVersion insert (JSON with base64, or multipart)
// makes its ContentDocument and links it to FirstPublishLocationId's record; VersionData comes back
// as bytes; a JSON body past 52,428,800 bytes is refused as Salesforce refuses it; deleting the
// ContentDocument deletes its versions and links.

describe('sandbox org: ContentVersion, ContentDocument, ContentDocumentLink', () => {
	let t: TestOrg;
	let caseId: string;
	beforeAll(async () => {
		t = await startTestOrg();
		caseId = t.org.store.insert('Case', { Subject: 'Files', Status: 'New' });
	});
	afterAll(async () => t.close());

	const bytesOf = async (versionId: string) => {
		const res = await fetch(`${t.dataUrl}/sobjects/ContentVersion/${versionId}/VersionData`, {
			headers: { Authorization: `Bearer ${t.token}` },
		});
		return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
	};
	/** A JSON POST on a new connection (building a 50 MB body can outlast the server's keep-alive). */
	const postOnNewConnection = (path: string, body: string) =>
		new Promise<{ status: number; body: any }>((resolve, reject) => {
			const req = request(
				`${t.dataUrl}${path}`,
				{
					method: 'POST',
					agent: false,
					headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' },
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
						}),
					);
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	const query = async (soql: string) =>
		(await t.api('GET', `/query?q=${encodeURIComponent(soql)}`)).body as {
			totalSize: number;
			records: Array<Record<string, unknown>>;
		};

	it('creates the document and the link to the record from a JSON insert, and gives the bytes back', async () => {
		const data = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);
		const res = await t.api('POST', '/sobjects/ContentVersion', {
			PathOnClient: 'scan.pdf',
			VersionData: data.toString('base64'),
			FirstPublishLocationId: caseId,
		});
		expect(res.status).toBe(201);
		const versionId = res.body.id as string;
		expect(versionId.startsWith('068')).toBe(true);
		const version = (await t.api('GET', `/sobjects/ContentVersion/${versionId}`)).body;
		expect(version).toMatchObject({
			Title: 'scan',
			FileExtension: 'pdf',
			FileType: 'PDF',
			ContentSize: data.length,
			IsLatest: true,
			VersionData: `/services/data/v62.0/sobjects/ContentVersion/${versionId}/VersionData`,
		});
		const links = await query(
			`SELECT ContentDocumentId, ContentDocument.LatestPublishedVersionId FROM ContentDocumentLink WHERE LinkedEntityId = '${caseId}'`,
		);
		expect(links.records).toHaveLength(1);
		expect(links.records[0].ContentDocumentId).toBe(version.ContentDocumentId);
		expect(
			(links.records[0].ContentDocument as { LatestPublishedVersionId: string })
				.LatestPublishedVersionId,
		).toBe(versionId);
		const blob = await bytesOf(versionId);
		expect(blob.status).toBe(200);
		expect(blob.bytes.equals(data)).toBe(true);
	});

	it('takes a multipart insert (entity_content JSON part, VersionData binary part)', async () => {
		const data = Buffer.from('binary\r\n--not-a-boundary\r\n\u0000\u00ff', 'latin1');
		const boundary = 'b0undary';
		const body = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="entity_content"\r\nContent-Type: application/json\r\n\r\n` +
					`${JSON.stringify({ PathOnClient: 'notes.txt', Title: 'Notes', FirstPublishLocationId: caseId })}\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="VersionData"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n`,
			),
			data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		const res = await fetch(`${t.dataUrl}/sobjects/ContentVersion`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${t.token}`,
				'Content-Type': `multipart/form-data; boundary="${boundary}"`,
			},
			body,
		});
		expect(res.status).toBe(201);
		const { id } = (await res.json()) as { id: string };
		expect((await bytesOf(id)).bytes.equals(data)).toBe(true);
	});

	it('refuses a version without its file name as Salesforce does', async () => {
		const res = await t.api('POST', '/sobjects/ContentVersion', {
			Title: 'x',
			VersionData: 'AAAA',
		});
		expect(res.status).toBe(400);
		expect(res.body[0]).toMatchObject({
			errorCode: 'REQUIRED_FIELD_MISSING',
			fields: ['PathOnClient'],
		});
	});

	it('takes a JSON body of exactly 52,428,800 bytes and refuses one byte more', async () => {
		const data = Buffer.alloc(39_000_000, 7);
		const json = JSON.stringify({ PathOnClient: 'big.bin', VersionData: data.toString('base64') });
		// JSON allows trailing whitespace: the body is padded to the exact size.
		const padded = (size: number) => json + ' '.repeat(size - json.length);
		const over = await t.api(
			'POST',
			'/sobjects/ContentVersion',
			padded(MAX_JSON_REQUEST_BYTES + 1),
		);
		expect(over.status).toBe(400);
		expect(over.body).toEqual([
			{
				errorCode: 'JSON_PARSER_ERROR',
				message: 'Maximum size of request reached. Maximum size of request is 52428800 bytes.',
			},
		]);
		const at = await postOnNewConnection(
			'/sobjects/ContentVersion',
			padded(MAX_JSON_REQUEST_BYTES),
		);
		expect(at.status).toBe(201);
		expect((await bytesOf(at.body.id)).bytes.equals(data)).toBe(true);
	});

	it('deletes the versions and links with the document', async () => {
		const created = await t.api('POST', '/sobjects/ContentVersion', {
			PathOnClient: 'gone.txt',
			VersionData: Buffer.from('bye').toString('base64'),
			FirstPublishLocationId: caseId,
		});
		const version = (await t.api('GET', `/sobjects/ContentVersion/${created.body.id}`)).body;
		const documentId = version.ContentDocumentId as string;
		const del = await t.api('DELETE', `/sobjects/ContentDocument/${documentId}`);
		expect(del.status).toBe(204);
		expect(
			(await query(`SELECT Id FROM ContentVersion WHERE ContentDocumentId = '${documentId}'`))
				.totalSize,
		).toBe(0);
		expect(
			(await query(`SELECT Id FROM ContentDocumentLink WHERE ContentDocumentId = '${documentId}'`))
				.totalSize,
		).toBe(0);
		expect((await bytesOf(created.body.id)).status).toBe(404);
	});

	it('answers a query of ContentDocumentLink only with a filter on the file or the record', async () => {
		const unfiltered = await t.api(
			'GET',
			`/query?q=${encodeURIComponent('SELECT Id FROM ContentDocumentLink')}`,
		);
		expect(unfiltered.status).toBe(400);
		expect(unfiltered.body[0].errorCode).toBe('MALFORMED_QUERY');
		expect(unfiltered.body[0].message).toContain('Implementation restriction: ContentDocumentLink');
		const viaEmails = await t.api(
			'GET',
			`/query?q=${encodeURIComponent(`SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId IN (SELECT Id FROM EmailMessage WHERE ParentId = '${caseId}')`)}`,
		);
		expect(viaEmails.status).toBe(200);
	});

	it('cannot create a ContentDocument directly', async () => {
		const res = await t.api('POST', '/sobjects/ContentDocument', { Title: 'x' });
		expect(res.status).toBe(400);
		expect(res.body[0].errorCode).toBe('INVALID_TYPE_FOR_OPERATION');
	});
});
