// Notes (ContentNote) and their links to records, as the Object Reference describes them ("ContentNote",
// "ContentDocument", "ContentDocumentLink"). Not recorded from an org: hand-written from the documentation.
// A note is a Salesforce file of type SNOTE: its Id is its ContentDocument's Id (prefix 069), and it is
// shown on a record through a ContentDocumentLink (LinkedEntityId, ShareType, Visibility).
// ContentDocument and ContentDocumentLink are those of Salesforce Files (content-objects.ts), which
// must be added first.

import { completeField, type FieldSpec } from './fields';
import { standardFields, type Schema } from './schema';
import type { Row, Store } from './store';

const readOnly: Partial<FieldSpec> = { createable: false, updateable: false };
export function addNoteObjects(schema: Schema): void {
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
	// A base64 field arrives decoded (bytes); a test's direct insert may give base64 text.
	const bytes = Buffer.isBuffer(values.Content)
		? values.Content
		: Buffer.from(typeof values.Content === 'string' ? values.Content : '', 'base64');
	const computed = {
		FileType: 'SNOTE',
		FileExtension: 'snote',
		ContentSize: bytes.length,
	};
	const id = store.insert(
		'ContentNote',
		{ ...values, Content: bytes, ...computed, TextPreview: previewOf(bytes.toString('utf8')) },
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
