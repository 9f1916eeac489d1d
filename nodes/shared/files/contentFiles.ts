import type { IDataObject } from 'n8n-workflow';

import { buildQuery } from '../soql/buildQuery';
import { soqlString } from '../soql/literals';
import { followPages, queryAll, queryPages, type QueryPage } from '../soql/queryPages';
import {
	compositeQuery,
	sendComposite,
	subrequestError,
	type ApiClient,
} from '../transport/salesforceApi';

/**
 * Salesforce Files as the package reads them: a file is a ContentDocument, its bytes are in its
 * versions (ContentVersion.VersionData), and ContentDocumentLink shares it with records (a case,
 * an email of the case, ...). Every query here filters ContentDocumentLink by LinkedEntityId, as
 * Salesforce requires.
 */

/** Key prefixes of the file objects. */
export const FILE_KEY_PREFIXES = {
	ContentDocument: '069',
	ContentVersion: '068',
	ContentDocumentLink: '06A',
} as const;

const LINK_FIELDS = [
	'Id',
	'LinkedEntityId',
	'ContentDocumentId',
	'ContentDocument.Title',
	'ContentDocument.FileExtension',
	'ContentDocument.FileType',
	'ContentDocument.ContentSize',
	'ContentDocument.LatestPublishedVersionId',
	'ContentDocument.CreatedDate',
];

interface LinkRow {
	Id: string;
	LinkedEntityId: string;
	ContentDocumentId: string;
	ContentDocument: {
		Title?: string | null;
		FileExtension?: string | null;
		FileType?: string | null;
		ContentSize?: number | null;
		LatestPublishedVersionId?: string | null;
		CreatedDate?: string | null;
	} | null;
}

/** A file shared with a record, as the node's items show it. */
export interface LinkedFile extends IDataObject {
	contentDocumentId: string;
	latestVersionId: string | null;
	title: string | null;
	fileName: string | null;
	fileExtension: string | null;
	fileType: string | null;
	size: number | null;
	createdDate: string | null;
	/** The record the file is shared with (the case, or one of its emails). */
	linkedRecordId: string;
	contentDocumentLinkId: string;
	/** True when the file came with an email of the case, not shared with the case itself. */
	fromEmail: boolean;
}

/** The name of a file: its title and extension (`invoice.pdf`). */
export function fileNameOf(
	title: string | null | undefined,
	extension: string | null | undefined,
): string {
	const base = title || 'file';
	return extension && !base.toLowerCase().endsWith(`.${extension.toLowerCase()}`)
		? `${base}.${extension}`
		: base;
}

function shape(row: LinkRow, fromEmail: boolean): LinkedFile {
	const d = row.ContentDocument ?? {};
	return {
		contentDocumentId: row.ContentDocumentId,
		latestVersionId: d.LatestPublishedVersionId ?? null,
		title: d.Title ?? null,
		fileName: fileNameOf(d.Title, d.FileExtension),
		fileExtension: d.FileExtension ?? null,
		fileType: d.FileType ?? null,
		size: d.ContentSize ?? null,
		createdDate: d.CreatedDate ?? null,
		linkedRecordId: row.LinkedEntityId,
		contentDocumentLinkId: row.Id,
		fromEmail,
	};
}

/**
 * The files shared with a record, oldest first, page by page; with `includeEmailFiles`, then the
 * files of the record's emails (EmailMessage.ParentId = the record: a case's email attachments,
 * which Salesforce links to the email). A file linked to both comes once. Stops after `limit`.
 */
export async function filesOfRecord(
	sf: ApiClient,
	recordId: string,
	options: { includeEmailFiles: boolean; limit?: number },
): Promise<LinkedFile[]> {
	const out: LinkedFile[] = [];
	const seen = new Set<string>();
	const full = () => options.limit !== undefined && out.length >= options.limit;
	const wheres: Array<{ where: string; fromEmail: boolean }> = [
		{ where: `LinkedEntityId = ${soqlString(recordId)}`, fromEmail: false },
	];
	// A semi-join cannot be ORed with another condition in SOQL, so the emails' files are a second query.
	if (options.includeEmailFiles)
		wheres.push({
			where: `LinkedEntityId IN (SELECT Id FROM EmailMessage WHERE ParentId = ${soqlString(recordId)})`,
			fromEmail: true,
		});
	for (const { where, fromEmail } of wheres) {
		const soql = buildQuery({
			fields: LINK_FIELDS,
			from: 'ContentDocumentLink',
			where: [where],
			orderBy: ['SystemModstamp ASC', 'Id ASC'],
		});
		for await (const page of queryPages<LinkRow>(sf, soql)) {
			for (const row of page.records) {
				if (full()) return out;
				if (seen.has(row.ContentDocumentId)) continue;
				seen.add(row.ContentDocumentId);
				out.push(shape(row, fromEmail));
			}
			if (full()) return out;
		}
	}
	return out;
}

/** A file version's details, for a download. */
export interface VersionDetails {
	Id: string;
	ContentDocumentId: string;
	Title: string | null;
	PathOnClient: string | null;
	FileExtension: string | null;
	ContentSize: number | null;
	VersionNumber: string | null;
}

const VERSION_FIELDS = [
	'Id',
	'ContentDocumentId',
	'Title',
	'PathOnClient',
	'FileExtension',
	'ContentSize',
	'VersionNumber',
];

/**
 * A file version by its Id (068...), or a file's latest version by the file's Id (069...); undefined
 * when there is none.
 */
export async function versionOf(
	sf: ApiClient,
	fileId: string,
): Promise<VersionDetails | undefined> {
	const where = fileId.startsWith(FILE_KEY_PREFIXES.ContentVersion)
		? [`Id = ${soqlString(fileId)}`]
		: [`ContentDocumentId = ${soqlString(fileId)}`, 'IsLatest = true'];
	const [row] = await queryAll<VersionDetails>(
		sf,
		buildQuery({ fields: VERSION_FIELDS, from: 'ContentVersion', where, limit: 1 }),
	);
	return row;
}

/** The details of new versions by Id (their files' Ids above all), in calls of up to 200 Ids. */
export async function versionsById(
	sf: ApiClient,
	ids: string[],
): Promise<Map<string, VersionDetails>> {
	const out = new Map<string, VersionDetails>();
	for (let i = 0; i < ids.length; i += 200) {
		const list = ids.slice(i, i + 200).map(soqlString);
		const soql = buildQuery({
			fields: VERSION_FIELDS,
			from: 'ContentVersion',
			where: [`Id IN (${list.join(', ')})`],
		});
		for (const row of await queryAll<VersionDetails>(sf, soql)) out.set(row.Id, row);
	}
	return out;
}

/** Ids per ContentDocumentLink query of many records (its GET URL stays well inside Salesforce's length limit). */
export const LINK_QUERY_BATCH = 300;
/** Queries per Composite request (Salesforce allows 5 query subrequests in one). */
const QUERIES_PER_COMPOSITE = 5;

/**
 * The files shared with each of many records (cases, emails, ...), oldest first per record: one
 * ContentDocumentLink query per batch of `LINK_QUERY_BATCH` Ids (`LinkedEntityId IN (...)`, the
 * filter Salesforce requires), five of them bundled in one Composite request (one API call for
 * 1,500 records); a further page of a result costs a call. Records without files are absent.
 */
export async function filesOfRecords(
	sf: ApiClient,
	recordIds: string[],
): Promise<Map<string, LinkedFile[]>> {
	const out = new Map<string, LinkedFile[]>();
	const ids = [...new Set(recordIds)];
	const queries: string[] = [];
	for (let i = 0; i < ids.length; i += LINK_QUERY_BATCH) {
		const list = ids.slice(i, i + LINK_QUERY_BATCH).map(soqlString);
		queries.push(
			buildQuery({
				fields: LINK_FIELDS,
				from: 'ContentDocumentLink',
				where: [`LinkedEntityId IN (${list.join(', ')})`],
				orderBy: ['SystemModstamp ASC', 'Id ASC'],
			}),
		);
	}
	for (let i = 0; i < queries.length; i += QUERIES_PER_COMPOSITE) {
		const group = queries.slice(i, i + QUERIES_PER_COMPOSITE);
		const response = await sendComposite(
			sf,
			group.map((soql, n) => compositeQuery(sf.apiVersion, `links${n}`, soql)),
		);
		for (const sub of response.compositeResponse) {
			if (sub.httpStatusCode !== 200) throw subrequestError(sub);
			for await (const page of followPages(sf, sub.body as QueryPage<LinkRow>))
				for (const row of page.records) {
					const files = out.get(row.LinkedEntityId) ?? [];
					files.push(shape(row, false));
					out.set(row.LinkedEntityId, files);
				}
		}
	}
	return out;
}
