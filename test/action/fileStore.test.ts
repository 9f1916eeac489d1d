import type { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { bytesOf, useFilesystemBinaryData } from '../n8n/binary-data';
import { actionSuite } from './suite';

// The File resource with n8n's binary data in its server default, the filesystem mode: input files
// are read from n8n's store (streamed into the multipart body), downloads are stored there.

describe('Salesforce Service Cloud node: File, binary data in the filesystem mode', () => {
	const s = actionSuite('file');
	let service: BinaryDataService;
	let caseId: string;
	beforeAll(async () => {
		service = await useFilesystemBinaryData();
		caseId = s.t.org.store.insert('Case', { Subject: 'Stored files', Status: 'New' });
	});
	const stored = async (bytes: Buffer, fileName: string, mimeType: string): Promise<IBinaryData> =>
		service.store({ type: 'execution', workflowId: 'w1', executionId: 'e1' }, bytes, {
			data: '',
			mimeType,
			fileName,
		});

	it('uploads stored files (a small one as JSON, one over the JSON limit as multipart) and downloads them byte for byte', async () => {
		const small = Buffer.from('%PDF-1.7 small');
		const large = Buffer.alloc(40 * 1024 * 1024, 0x5a);
		large.write('end', large.length - 3);
		const input = [
			{ json: {}, binary: { data: await stored(small, 'small.pdf', 'application/pdf') } },
			{ json: {}, binary: { data: await stored(large, 'large.bin', 'application/octet-stream') } },
		];
		expect(input[1].binary.data.id).toMatch(/^filesystem/);
		const logFrom = s.t.org.counters.log.length;
		const up = await s.runItems({ operation: 'upload', recordId: caseId }, input);
		expect(up.error).toBeUndefined();
		const posts = s.t.org.counters.log
			.slice(logFrom)
			.filter((e) => e.method === 'POST' && e.path.startsWith('/services/data/'))
			.map((e) => e.path.replace(/^\/services\/data\/v[\d.]+/, ''));
		expect(posts).toEqual(['/composite/sobjects', '/sobjects/ContentVersion']);
		expect(up.items.map((i) => i.json.size)).toEqual([small.length, large.length]);
		for (const [i, bytes] of [small, large].entries()) {
			const down = await s.run({
				operation: 'download',
				fileId: String(up.items[i].json.contentDocumentId),
			});
			expect(down.error).toBeUndefined();
			const binary = down.items[0].binary?.data;
			expect(binary?.id).toMatch(/^filesystem/);
			expect((await bytesOf(binary)).equals(bytes)).toBe(true);
			expect(binary?.fileName).toBe(['small.pdf', 'large.bin'][i]);
		}
	}, 60_000);
});
