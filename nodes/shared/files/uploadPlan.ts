import type { IDataObject } from 'n8n-workflow';

import {
	collectionsCreateBody,
	MAX_CONTENT_VERSION_BYTES,
	MAX_JSON_BODY_BYTES,
} from '../transport/salesforceApi';

/** A file to upload: its item, its ContentVersion fields (without VersionData), its size in bytes. */
export interface PlannedFile {
	itemIndex: number;
	fields: IDataObject;
	size: number;
}

/** How the files go: JSON batches (sObject Collections, base64), and one multipart request per large file. */
export interface UploadPlan {
	batches: PlannedFile[][];
	multipart: PlannedFile[];
}

/** Most records in one sObject Collections request. */
const MAX_RECORDS_PER_CALL = 200;

/** The length of a file as base64 text. */
export function base64Length(size: number): number {
	return 4 * Math.ceil(size / 3);
}

/** The bytes a file's record takes in a Collections JSON body (its base64 text is JSON-safe). */
function entryBytes(file: PlannedFile): number {
	const record = { attributes: { type: 'ContentVersion' }, ...file.fields, VersionData: '' };
	return Buffer.byteLength(JSON.stringify(record)) + base64Length(file.size);
}

/**
 * Groups files into as few calls as Salesforce allows: files whose record fits a JSON body
 * (52,428,800 bytes, Salesforce's limit for a non-multipart request) go base64 in sObject
 * Collections creates of up to 200 records, each body within that limit, in input order; a file
 * too large for a JSON body goes alone as multipart (up to 2 GB).
 */
export function planUpload(files: PlannedFile[], maxJsonBytes = MAX_JSON_BODY_BYTES): UploadPlan {
	const envelope = Buffer.byteLength(collectionsCreateBody([]));
	const plan: UploadPlan = { batches: [], multipart: [] };
	let batch: PlannedFile[] = [];
	let bytes = envelope;
	for (const file of files) {
		const entry = entryBytes(file);
		if (envelope + entry > maxJsonBytes) {
			plan.multipart.push(file);
			continue;
		}
		const separator = batch.length > 0 ? 1 : 0;
		if (batch.length >= MAX_RECORDS_PER_CALL || bytes + separator + entry > maxJsonBytes) {
			plan.batches.push(batch);
			batch = [];
			bytes = envelope;
		}
		bytes += (batch.length > 0 ? 1 : 0) + entry;
		batch.push(file);
	}
	if (batch.length > 0) plan.batches.push(batch);
	return plan;
}

/** Why a file cannot be uploaded at all, or undefined. */
export function fileSizeProblem(size: number): string | undefined {
	return size > MAX_CONTENT_VERSION_BYTES
		? `the file has ${size.toLocaleString('en-US')} bytes; Salesforce takes files of up to 2 GB (${MAX_CONTENT_VERSION_BYTES.toLocaleString('en-US')} bytes)`
		: undefined;
}
