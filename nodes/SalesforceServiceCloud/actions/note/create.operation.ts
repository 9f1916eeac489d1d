import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import {
	openWriteLedger,
	refusedBeforeWriting,
	writeInBatches,
	writeResultsToItems,
	type WriteFailure,
	type WriteRecord,
	type WriteRequest,
	type WriteResult,
} from '../../../shared/writes';
import { switchOf } from '../common/parameters';
import { idParameterOf, idProperty, recordIdProblem } from '../common/recordParameters';
import { checkEachItem } from '../common/writeRecords';
import { MAX_TITLE_LENGTH, noteContent } from './noteContent';

const show = { show: { resource: ['note'], operation: ['create'] } };

export const description: INodeProperties[] = [
	idProperty({
		displayName: 'Record ID',
		name: 'recordId',
		placeholder: '500Sb00000XyZ12AAB',
		description:
			'The record to add the note to, such as a case, contact, lead, account or opportunity: 15 or 18 letters and digits',
		resource: 'note',
		operations: ['create'],
	}),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Call with the customer',
		description: 'The title of the note (up to 255 characters)',
		displayOptions: show,
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The text of the note. Line breaks are kept.',
		displayOptions: show,
	},
	{
		displayName: 'Body Is HTML',
		name: 'bodyIsHtml',
		type: 'boolean',
		default: false,
		description:
			'Whether the body is HTML (such as <p>, <b>, <ul>) rather than plain text. Salesforce removes markup it considers unsafe.',
		displayOptions: show,
	},
];

/** The item's note whose link to the record failed: the note was removed again, or is named if it could not be. */
function linkFailure(
	note: string,
	recordId: string,
	link: WriteFailure,
	removed: WriteResult | undefined,
): WriteFailure {
	const what = removed?.success
		? 'so the note was removed again and nothing was added'
		: `and the note (${note}) is left without a record: delete it in Salesforce`;
	return {
		...link,
		message: `The note could not be added to record ${recordId}, ${what}: ${link.message}`,
		fields: link.fields.length > 0 ? link.fields : ['LinkedEntityId'],
	};
}

/**
 * Adds a note to each item's record: the notes (ContentNote, body as escaped HTML in base64) are
 * created 200 a call, then linked to their records (ContentDocumentLink, shared with every user who
 * can see the record) 200 a call: two calls for up to 200 items, bundled into Composite requests
 * for more. Every item is checked before the first write. A note whose link Salesforce refuses (a
 * record that does not exist, or cannot have notes) is deleted again, so an item is added whole or
 * not at all. With Retry On Fail, a retry does not create again the notes an earlier try created.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const recordIds = new Map<number, string>();
	const checked = checkEachItem(this, (itemIndex) => {
		const recordId = idParameterOf(this, 'recordId', itemIndex);
		const problem = recordIdProblem(recordId);
		if (problem)
			return {
				refused: { errorCode: 'MALFORMED_ID', message: problem, fields: ['LinkedEntityId'] },
			};
		const title = String(this.getNodeParameter('title', itemIndex, '') ?? '').trim();
		if (title === '')
			return {
				refused: {
					errorCode: 'REQUIRED_FIELD_MISSING',
					message: 'Title is empty: a note needs a title',
					fields: ['Title'],
				},
			};
		if (title.length > MAX_TITLE_LENGTH)
			return {
				refused: {
					errorCode: 'STRING_TOO_LONG',
					message: `Title has ${title.length} characters; a note's title has at most ${MAX_TITLE_LENGTH}`,
					fields: ['Title'],
				},
			};
		const body = String(this.getNodeParameter('body', itemIndex, '') ?? '');
		recordIds.set(itemIndex, recordId);
		return {
			fields: { Title: title, Content: noteContent(body, switchOf(this, 'bodyIsHtml', itemIndex)) },
		};
	});
	refusedBeforeWriting(this, checked.refused);

	const ledger = openWriteLedger(this);
	const write = (request: Omit<WriteRequest, 'allOrNone'>) => {
		const full: WriteRequest = { ...request, allOrNone: false };
		return request.records.length > 0
			? writeInBatches(sf, full, { ledger: ledger?.scope(full) })
			: Promise.resolve([]);
	};
	const notes = await write({
		operation: 'create',
		objectName: 'ContentNote',
		records: checked.records,
	});
	const created = notes.filter((n) => n.success);
	const links = await write({
		operation: 'create',
		objectName: 'ContentDocumentLink',
		records: created.map(
			(n): WriteRecord => ({
				itemIndex: n.itemIndex,
				fields: {
					ContentDocumentId: n.id,
					LinkedEntityId: recordIds.get(n.itemIndex) ?? '',
					ShareType: 'V',
					Visibility: 'AllUsers',
				},
			}),
		),
	});
	const linkOf = new Map(links.map((l) => [l.itemIndex, l]));
	const unlinked = created.filter((n) => linkOf.get(n.itemIndex)?.success === false);
	const removed = await write({
		operation: 'delete',
		objectName: 'ContentNote',
		records: unlinked.map((n) => ({ itemIndex: n.itemIndex, fields: { Id: n.id } })),
	});
	const removedOf = new Map(removed.map((r) => [r.itemIndex, r]));

	const results: WriteResult[] = [...checked.refused];
	for (const note of notes) {
		const link = linkOf.get(note.itemIndex);
		if (!note.success || !link || link.success) results.push(note);
		else
			results.push(
				linkFailure(
					note.id,
					recordIds.get(note.itemIndex) ?? '',
					link,
					removedOf.get(note.itemIndex),
				),
			);
	}
	return writeResultsToItems(this, results, this.getInputData(), {
		successJson: (result) => {
			const link = linkOf.get(result.itemIndex);
			return {
				id: result.id,
				success: true,
				recordId: recordIds.get(result.itemIndex) ?? null,
				linkId: link?.success ? link.id : null,
			};
		},
	});
}
