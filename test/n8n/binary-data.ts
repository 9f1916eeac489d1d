import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import './environment';

/**
 * n8n's binary data as the n8n 2.x server keeps it by default: files in the `filesystem` mode,
 * stored under the user folder (`N8N_BINARY_DATA_STORAGE_PATH`), items carrying only an Id
 * (`filesystem-v2:...`). The CLI calls `BinaryDataService.init()` at start; without it n8n-core
 * keeps every file in the item as base64 (the harness's default). Call in `beforeAll` (once per
 * test file: the service is a process-wide singleton).
 */
export async function useFilesystemBinaryData(): Promise<BinaryDataService> {
	const service = Container.get(BinaryDataService);
	await service.init();
	return service;
}

/** The bytes of an output item's binary, whichever mode n8n stored it in. */
export async function bytesOf(binary: { id?: string; data: string } | undefined): Promise<Buffer> {
	if (!binary) return Buffer.alloc(0);
	if (!binary.id) return Buffer.from(binary.data, 'base64');
	return Container.get(BinaryDataService).getAsBuffer({ ...binary, mimeType: '' });
}
