// Salesforce Files: ContentVersion (a version of a file, with its bytes in VersionData),
// ContentDocument (the file, made by its first version) and ContentDocumentLink (the file shared
// with a record). Field names, types and behaviour from the Object Reference ("ContentVersion",
// "ContentDocument", "ContentDocumentLink") and the REST API guide ("Insert or Update Blob Data",
// "sObject Blob Get"). HAND-WRITTEN: no recorded describe or response of these objects exists in
// fixtures/salesforce or the code corpus; the shapes follow the documentation.

import { createHash } from 'node:crypto';

import { completeField, type FieldSpec } from './fields';
import { standardFields, type ObjectSpec, type Schema } from './schema';
import type { Row, Store } from './store';

/**
 * A JSON (non-multipart) request body is limited to 52,428,800 bytes (50 MB of text, 37.5 MB of
 * file as base64). Past it Salesforce answers 400 JSON_PARSER_ERROR "Maximum size of request
 * reached. Maximum size of request is 52428800 bytes." (as seen in simple-salesforce#195 and
 * SFDX-Data-Move-Utility#321).
 */
export const MAX_JSON_REQUEST_BYTES = 52_428_800;
/** The largest file one multipart ContentVersion insert takes (2 GB). */
export const MAX_CONTENT_VERSION_BYTES = 2 * 1024 * 1024 * 1024;

/** What a file can be shared with (FirstPublishLocationId, LinkedEntityId): records of these objects. */
const LINKABLE = [
	'Account',
	'Campaign',
	'Case',
	'Contact',
	'EmailMessage',
	'Lead',
	'LiveChatTranscript',
	'MessagingSession',
	'Opportunity',
	'Task',
	'User',
];

const readOnly: Partial<FieldSpec> = { createable: false, updateable: false };
const spec = (fields: FieldSpec[]) => fields.map(completeField);

export function contentObjects(): ObjectSpec[] {
	return [
		{
			name: 'ContentVersion',
			label: 'Content Version',
			labelPlural: 'Content Versions',
			keyPrefix: '068',
			deletable: false,
			fields: [
				...standardFields({ owner: true }),
				...spec([
					{
						name: 'ContentDocumentId',
						type: 'reference',
						label: 'ContentDocument ID',
						referenceTo: ['ContentDocument'],
						relationshipName: 'ContentDocument',
						updateable: false,
					},
					{ name: 'IsLatest', type: 'boolean', label: 'Is Latest', ...readOnly },
					{ name: 'ContentUrl', type: 'url', label: 'Content URL', length: 1300 },
					{
						name: 'VersionNumber',
						type: 'string',
						label: 'Version Number',
						length: 20,
						...readOnly,
					},
					{
						name: 'Title',
						type: 'string',
						label: 'Title',
						length: 255,
						nillable: false,
						defaultedOnCreate: true,
						nameField: true,
					},
					{ name: 'Description', type: 'textarea', label: 'Description', length: 1000 },
					{ name: 'ReasonForChange', type: 'string', label: 'Reason For Change', length: 1000 },
					{
						name: 'PathOnClient',
						type: 'string',
						label: 'Path On Client',
						length: 500,
						updateable: false,
					},
					{ name: 'VersionData', type: 'base64', label: 'Version Data', updateable: false },
					{ name: 'ContentSize', type: 'int', label: 'Size', ...readOnly },
					{ name: 'FileType', type: 'string', label: 'File Type', length: 20, ...readOnly },
					{
						name: 'FileExtension',
						type: 'string',
						label: 'File Extension',
						length: 40,
						...readOnly,
					},
					{ name: 'Checksum', type: 'string', label: 'Checksum', length: 50, ...readOnly },
					{
						name: 'FirstPublishLocationId',
						type: 'reference',
						label: 'First Publish Location ID',
						referenceTo: LINKABLE,
						relationshipName: 'FirstPublishLocation',
						updateable: false,
					},
					{
						name: 'Origin',
						type: 'picklist',
						label: 'Content Origin',
						picklist: ['C', 'H'],
						defaultValue: 'C',
						defaultedOnCreate: true,
						updateable: false,
					},
					{
						name: 'ContentLocation',
						type: 'picklist',
						label: 'Content Location',
						picklist: ['S', 'E', 'L'],
						defaultValue: 'S',
						defaultedOnCreate: true,
						updateable: false,
					},
					{
						name: 'IsMajorVersion',
						type: 'boolean',
						label: 'Major Version',
						defaultValue: true,
						defaultedOnCreate: true,
						updateable: false,
					},
				]),
			],
		},
		{
			name: 'ContentDocument',
			label: 'Content Document',
			labelPlural: 'Content Documents',
			keyPrefix: '069',
			createable: false,
			fields: [
				...standardFields({ owner: true }),
				...spec([
					{ name: 'Title', type: 'string', label: 'Title', length: 255, nameField: true },
					{ name: 'Description', type: 'textarea', label: 'Description', length: 1000 },
					{
						name: 'LatestPublishedVersionId',
						type: 'reference',
						label: 'Latest Published Version ID',
						referenceTo: ['ContentVersion'],
						relationshipName: 'LatestPublishedVersion',
						...readOnly,
					},
					{ name: 'ContentSize', type: 'int', label: 'Size', ...readOnly },
					{ name: 'FileType', type: 'string', label: 'File Type', length: 20, ...readOnly },
					{
						name: 'FileExtension',
						type: 'string',
						label: 'File Extension',
						length: 40,
						...readOnly,
					},
					{
						name: 'PublishStatus',
						type: 'picklist',
						label: 'Publish Status',
						picklist: ['U', 'P', 'R'],
						...readOnly,
					},
				]),
			],
		},
		{
			name: 'ContentDocumentLink',
			label: 'Content Document Link',
			labelPlural: 'Content Document Link',
			keyPrefix: '06A',
			updateable: true,
			fields: [
				...standardFields().filter((f) => ['Id', 'IsDeleted', 'SystemModstamp'].includes(f.name)),
				...spec([
					{
						name: 'LinkedEntityId',
						type: 'reference',
						label: 'Linked ID',
						referenceTo: LINKABLE,
						relationshipName: 'LinkedEntity',
						nillable: false,
						updateable: false,
					},
					{
						name: 'ContentDocumentId',
						type: 'reference',
						label: 'ContentDocument ID',
						referenceTo: ['ContentDocument'],
						relationshipName: 'ContentDocument',
						nillable: false,
						updateable: false,
					},
					{
						name: 'ShareType',
						type: 'picklist',
						label: 'Share Type',
						picklist: ['V', 'C', 'I'],
						restrictedPicklist: true,
						defaultValue: 'V',
						defaultedOnCreate: true,
					},
					{
						name: 'Visibility',
						type: 'picklist',
						label: 'Visibility',
						picklist: ['AllUsers', 'InternalUsers', 'SharedUsers'],
						restrictedPicklist: true,
						defaultValue: 'AllUsers',
						defaultedOnCreate: true,
					},
				]),
			],
		},
	];
}

export function addContentObjects(schema: Schema): void {
	for (const object of contentObjects()) schema.add(object);
}

/** Why a ContentVersion insert is refused before anything is saved, as Salesforce says it; undefined when it is fine. */
export function contentVersionProblem(
	values: Row,
): { errorCode: string; message: string; fields: string[] } | undefined {
	const hasData = Buffer.isBuffer(values.VersionData);
	if (!hasData && !values.ContentUrl && !values.ContentDocumentId)
		return {
			errorCode: 'REQUIRED_FIELD_MISSING',
			message: 'Required fields are missing: [VersionData]',
			fields: ['VersionData'],
		};
	if (hasData && !values.PathOnClient)
		return {
			errorCode: 'REQUIRED_FIELD_MISSING',
			message: 'Required fields are missing: [PathOnClient]',
			fields: ['PathOnClient'],
		};
	return undefined;
}

/**
 * Fills what Salesforce derives on a new ContentVersion (size, extension, file type, checksum,
 * the title from the file name) and creates its ContentDocument when it is the first version;
 * the caller inserts the version and then calls `afterContentVersionInsert`.
 */
export function beforeContentVersionInsert(store: Store, values: Row, userId: string): void {
	const bytes = Buffer.isBuffer(values.VersionData) ? values.VersionData : undefined;
	const path = typeof values.PathOnClient === 'string' ? values.PathOnClient : '';
	const base = path.split(/[\\/]/).pop() ?? '';
	const dot = base.lastIndexOf('.');
	const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
	values.Title ??= dot > 0 ? base.slice(0, dot) : base || 'Untitled';
	values.ContentSize = bytes?.length ?? 0;
	values.FileExtension = extension || null;
	values.FileType = fileTypeOf(extension);
	values.Checksum = bytes ? createHash('md5').update(bytes).digest('hex') : null;
	values.IsLatest = true;
	if (typeof values.ContentDocumentId === 'string') {
		const document = store.get(values.ContentDocumentId, 'ContentDocument');
		const versions = store
			.rows('ContentVersion')
			.filter((v) => v.ContentDocumentId === document?.Id);
		for (const v of versions)
			if (v.IsLatest) store.update('ContentVersion', v.Id as string, { IsLatest: false });
		values.VersionNumber = String(versions.length + 1);
		return;
	}
	values.VersionNumber = '1';
	values.ContentDocumentId = store.insert(
		'ContentDocument',
		{
			Title: values.Title,
			Description: values.Description ?? null,
			ContentSize: values.ContentSize,
			FileType: values.FileType,
			FileExtension: values.FileExtension,
			PublishStatus: values.FirstPublishLocationId ? 'P' : 'R',
		},
		{ userId },
	);
}

/**
 * After the insert: the document points at its latest version, and a first version links the
 * file to its owner's library and to FirstPublishLocationId's record.
 */
export function afterContentVersionInsert(store: Store, versionId: string, userId: string): void {
	const version = store.get(versionId, 'ContentVersion');
	if (!version) return;
	const documentId = version.ContentDocumentId as string;
	store.update('ContentDocument', documentId, {
		LatestPublishedVersionId: versionId,
		Title: version.Title,
		ContentSize: version.ContentSize,
		FileType: version.FileType,
		FileExtension: version.FileExtension,
	});
	if (version.VersionNumber !== '1') return;
	const link = (linkedEntityId: unknown, shareType: string) =>
		store.insert(
			'ContentDocumentLink',
			{ LinkedEntityId: linkedEntityId, ContentDocumentId: documentId, ShareType: shareType },
			{ userId },
		);
	link(version.OwnerId, 'I');
	if (
		typeof version.FirstPublishLocationId === 'string' &&
		version.FirstPublishLocationId !== version.OwnerId
	)
		link(version.FirstPublishLocationId, 'V');
}

/** Deleting a ContentDocument deletes its versions and its links too. */
export function deleteContentDocumentParts(store: Store, documentId: string): void {
	for (const objectName of ['ContentVersion', 'ContentDocumentLink'])
		for (const row of store.rows(objectName))
			if (row.ContentDocumentId === documentId) store.delete(objectName, row.Id as string);
}

/** Salesforce's FileType for an extension (the common ones; others in capitals, as Salesforce does). */
function fileTypeOf(extension: string): string {
	const known: Record<string, string> = {
		pdf: 'PDF',
		png: 'PNG',
		jpg: 'JPG',
		jpeg: 'JPEG',
		gif: 'GIF',
		txt: 'TEXT',
		csv: 'CSV',
		doc: 'WORD',
		docx: 'WORD_X',
		xls: 'EXCEL',
		xlsx: 'EXCEL_X',
		zip: 'ZIP',
		html: 'HTML',
		json: 'JSON',
	};
	return known[extension] ?? (extension ? extension.toUpperCase() : 'UNKNOWN');
}
