// Notes (ContentNote) and their links to records, as the Object Reference describes them ("ContentNote",
// "ContentDocument", "ContentDocumentLink"). Not recorded from an org: hand-written from the documentation.
// A note is a Salesforce file of type SNOTE: its Id is its ContentDocument's Id (prefix 069), and it is
// shown on a record through a ContentDocumentLink (LinkedEntityId, ShareType, Visibility).
// ContentDocument and ContentDocumentLink are defined here only when the schema does not have them yet
// (the File resource defines them fully).

import { completeField, type FieldSpec } from './fields';
import { standardFields, type Schema } from './schema';
import type { Row, Store } from './store';

const readOnly: Partial<FieldSpec> = { createable: false, updateable: false };
const createOnly: Partial<FieldSpec> = { createable: true, updateable: false };

/** Objects a note can be linked to, of those the sandbox has (Salesforce allows many more). */
const LINKABLE = [
	'Account',
	'Campaign',
	'Case',
	'Contact',
	'EmailMessage',
	'Lead',
	'MessagingSession',
	'Opportunity',
	'Task',
	'User',
];

export function addNoteObjects(schema: Schema): void {
	if (!schema.get('ContentDocument'))
		schema.add({
			name: 'ContentDocument',
			label: 'Content Document',
			labelPlural: 'Content Documents',
			keyPrefix: '069',
			createable: false,
			fields: [
				...standardFields({ owner: true, ownerTo: ['User'] }),
				...[
					{ name: 'Title', type: 'string', nillable: false, nameField: true, length: 255 },
					{ name: 'FileType', type: 'string', label: 'File Type', length: 20, ...readOnly },
					{ name: 'FileExtension', type: 'string', length: 40, ...readOnly },
					{ name: 'ContentSize', type: 'int', label: 'Size', ...readOnly },
					{ name: 'Description', type: 'textarea', length: 1000 },
				].map((f) => completeField(f as FieldSpec)),
			],
		});
	schema.add({
		name: 'ContentNote',
		label: 'Note',
		labelPlural: 'Notes',
		keyPrefix: '069',
		fields: [
			...standardFields({ owner: true, ownerTo: ['User'] }),
			...[
				{ name: 'Title', type: 'string', nillable: false, nameField: true, length: 255 },
				{ name: 'Content', type: 'base64' },
				{ name: 'TextPreview', type: 'string', label: 'Preview', length: 255, ...readOnly },
				{ name: 'FileType', type: 'string', label: 'File Type', length: 20, ...readOnly },
				{ name: 'FileExtension', type: 'string', length: 40, ...readOnly },
				{ name: 'ContentSize', type: 'int', label: 'Size', ...readOnly },
				{ name: 'IsReadOnly', type: 'boolean', label: 'Is Read Only', ...readOnly },
				{
					name: 'SharingPrivacy',
					type: 'picklist',
					picklist: ['N', 'P'],
					defaultValue: 'N',
					...readOnly,
				},
			].map((f) => completeField(f as FieldSpec)),
		],
	});
	if (!schema.get('ContentDocumentLink'))
		schema.add({
			name: 'ContentDocumentLink',
			label: 'Content Document Link',
			labelPlural: 'Content Document Links',
			keyPrefix: '06A',
			updateable: true,
			fields: [
				...standardFields().filter((f) => /^(Id|IsDeleted|SystemModstamp)$/.test(f.name)),
				...[
					{
						name: 'LinkedEntityId',
						type: 'reference',
						label: 'Linked Entity ID',
						nillable: false,
						referenceTo: LINKABLE,
						relationshipName: 'LinkedEntity',
						...createOnly,
					},
					{
						name: 'ContentDocumentId',
						type: 'reference',
						label: 'Content Document ID',
						nillable: false,
						referenceTo: ['ContentDocument'],
						relationshipName: 'ContentDocument',
						...createOnly,
					},
					{
						name: 'ShareType',
						type: 'picklist',
						picklist: ['V', 'C', 'I'],
						restrictedPicklist: true,
					},
					{
						name: 'Visibility',
						type: 'picklist',
						picklist: ['AllUsers', 'InternalUsers', 'SharedUsers'],
						restrictedPicklist: true,
					},
				].map((f) => completeField(f as FieldSpec)),
			],
		});
}

/** The note's text without its markup, as Salesforce previews it. */
function previewOf(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 255);
}

/**
 * Saves a new note as Salesforce does: the note is a ContentDocument of type SNOTE under the same Id,
 * with its size and text preview computed from the (base64) content. Returns the note's Id.
 */
export function insertNote(store: Store, values: Row, userId: string): string {
	const content = typeof values.Content === 'string' ? values.Content : '';
	const bytes = Buffer.from(content, 'base64');
	const computed = {
		FileType: 'SNOTE',
		FileExtension: 'snote',
		ContentSize: bytes.length,
	};
	const id = store.insert(
		'ContentNote',
		{ ...values, ...computed, TextPreview: previewOf(bytes.toString('utf8')) },
		{ userId },
	);
	store.insert('ContentDocument', { Title: values.Title, ...computed }, { userId, id });
	return id;
}

/** A note and its ContentDocument are one file: deleting either deletes both. */
export function deleteNoteTwin(store: Store, objectName: string, id: string): void {
	const twin =
		objectName === 'ContentNote'
			? 'ContentDocument'
			: objectName === 'ContentDocument'
				? 'ContentNote'
				: undefined;
	if (twin && store.get(id, twin)) store.delete(twin, id);
}
