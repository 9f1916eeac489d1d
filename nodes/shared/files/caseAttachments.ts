import type { BinaryHelperFunctions, IBinaryKeyData, IDataObject } from 'n8n-workflow';

import { queryAll } from '../soql/queryPages';
import { soqlString } from '../soql/literals';
import type { SalesforceConnection } from '../transport/connection';
import { filesOfRecords, LINK_QUERY_BATCH, type LinkedFile } from './contentFiles';
import { versionAsBinary } from './fileBinary';

/**
 * The files of cases as n8n binary data, for the trigger's items: the files shared with each case
 * and with its emails (Salesforce links an email's attachments to the EmailMessage), up to a size
 * cap per case. The file lists of all cases come in one ContentDocumentLink query per batch of
 * records; then only the files that fit are downloaded (one call each).
 */

/** A case and the emails whose files go with it (in thread order). */
export interface CaseFileSources {
	caseId: string;
	emailIds: string[];
}

/** One file of a case, as the item's `attachments` list shows it. */
export interface AttachmentEntry extends IDataObject {
	fileName: string;
	size: number | null;
	contentDocumentId: string;
	contentVersionId: string | null;
	/** The email the file came with; null for a file shared with the case itself. */
	emailId: string | null;
	included: boolean;
	/** The item's binary property holding the file, when included. */
	binaryProperty: string | null;
	/** Why the file is not in the item, in plain words, when it is not. */
	reason: string | null;
}

/** What a case's item gets. */
export interface CaseAttachments {
	attachments: AttachmentEntry[];
	binary: IBinaryKeyData;
	/** How much was left out: files and bytes, and a sentence saying why (absent when nothing was). */
	attachmentsLeftOut: { files: number; bytes: number; note?: string };
}

const MB = 1024 * 1024;

/** Megabytes as a person reads them: `25 MB`, `0.4 MB`. */
export function megabytes(bytes: number): string {
	const mb = bytes / MB;
	const shown = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
	return `${shown === 0 && bytes > 0 ? 0.1 : shown} MB`;
}

/** The Ids of the emails of a case record as its `EmailMessages` subquery gave them, in order. */
export function emailIdsOf(record: IDataObject): string[] {
	const child = record.EmailMessages as { records?: IDataObject[] } | null | undefined;
	return (child?.records ?? []).map((e) => String(e.Id));
}

/** The emails of cases, by case, oldest first: one query per batch of cases. */
export async function emailIdsOfCases(
	sf: SalesforceConnection,
	caseIds: string[],
): Promise<Map<string, string[]>> {
	const out = new Map<string, string[]>();
	for (let i = 0; i < caseIds.length; i += LINK_QUERY_BATCH) {
		const list = caseIds.slice(i, i + LINK_QUERY_BATCH).map(soqlString);
		const rows = await queryAll<{ Id: string; ParentId: string }>(
			sf,
			`SELECT Id, ParentId FROM EmailMessage WHERE ParentId IN (${list.join(', ')}) ORDER BY MessageDate ASC, Id ASC`,
		);
		for (const row of rows) out.set(row.ParentId, [...(out.get(row.ParentId) ?? []), row.Id]);
	}
	return out;
}

interface Candidate {
	file: LinkedFile;
	emailId: string | null;
}

/** A case's files: its own first, then each email's in thread order; a file shared twice comes once. */
function candidatesOf(source: CaseFileSources, files: Map<string, LinkedFile[]>): Candidate[] {
	const seen = new Set<string>();
	const out: Candidate[] = [];
	const add = (recordId: string, emailId: string | null) => {
		for (const file of files.get(recordId) ?? []) {
			if (seen.has(file.contentDocumentId)) continue;
			seen.add(file.contentDocumentId);
			out.push({ file, emailId });
		}
	};
	add(source.caseId, null);
	for (const emailId of source.emailIds) add(emailId, emailId);
	return out;
}

/**
 * The attachments of each case (in the order given): the files that fit within `maxBytes` per case
 * are downloaded as binary data `attachment_0`, `attachment_1`, ... in the case's order; a file
 * that would take the case past the cap is listed with `included: false` and the reason, and
 * smaller files after it may still fit. A file that cannot be downloaded (deleted meanwhile) is
 * listed with the reason too, so that one file never holds its case back.
 */
export async function readCaseAttachments(
	helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'>,
	sf: SalesforceConnection,
	sources: CaseFileSources[],
	maxBytes: number,
): Promise<CaseAttachments[]> {
	const recordIds = sources.flatMap((s) => [s.caseId, ...s.emailIds]);
	const files = recordIds.length > 0 ? await filesOfRecords(sf, recordIds) : new Map();
	const out: CaseAttachments[] = [];
	for (const source of sources) {
		const attachments: AttachmentEntry[] = [];
		const binary: IBinaryKeyData = {};
		let used = 0;
		let leftOutFiles = 0;
		let leftOutBytes = 0;
		for (const { file, emailId } of candidatesOf(source, files)) {
			const size = file.size ?? 0;
			const fileName = file.fileName ?? 'file';
			const entry: AttachmentEntry = {
				fileName,
				size: file.size,
				contentDocumentId: file.contentDocumentId,
				contentVersionId: file.latestVersionId,
				emailId,
				included: false,
				binaryProperty: null,
				reason: null,
			};
			attachments.push(entry);
			if (!file.latestVersionId) {
				entry.reason = 'Salesforce gave no version of this file to download';
			} else if (used + size > maxBytes) {
				entry.reason =
					size > maxBytes
						? `Left out: the file (${megabytes(size)}) is larger than the limit of ${megabytes(maxBytes)} per case (Max Attachment Size per Case)`
						: `Left out: with this file (${megabytes(size)}) the case's attachments would come to ${megabytes(used + size)}, over the limit of ${megabytes(maxBytes)} per case (Max Attachment Size per Case)`;
			} else {
				const property = `attachment_${Object.keys(binary).length}`;
				try {
					binary[property] = await versionAsBinary(helpers, sf, file.latestVersionId, fileName);
					used += size;
					entry.included = true;
					entry.binaryProperty = property;
					continue;
				} catch (e) {
					// Deleted since it was listed, say: the case still goes out, with the file marked.
					entry.reason = `Left out: the file could not be downloaded (${e instanceof Error ? e.message : String(e)})`;
				}
			}
			leftOutFiles++;
			leftOutBytes += size;
		}
		out.push({
			attachments,
			binary,
			attachmentsLeftOut:
				leftOutFiles === 0
					? { files: 0, bytes: 0 }
					: {
							files: leftOutFiles,
							bytes: leftOutBytes,
							note: `${leftOutFiles} ${leftOutFiles === 1 ? 'file' : 'files'} (${megabytes(leftOutBytes)}) left out of this item; see "reason" in the attachments list`,
						},
		});
	}
	return out;
}
