import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { filesOfRecord } from '../../../shared/files/contentFiles';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { switchOf } from '../common/parameters';
import { perItem } from '../common/perItem';
import { limitOf } from '../common/readItems';
import {
	checkedIdOf,
	RECORD_ID,
	recordIdProperty,
	returnAllProperties,
} from '../common/recordParameters';
import { fileDisplayOptions } from './fileParameters';

export const description: INodeProperties[] = [
	{
		...recordIdProperty('file', ['getMany'], false),
		description:
			'The record whose files to get (a case, contact, account, ...): 15 or 18 letters and digits',
	},
	{
		displayName: 'Include Email Attachments',
		name: 'includeEmailAttachments',
		type: 'boolean',
		default: false,
		description:
			"Whether to include the files attached to the record's emails too (for a case: the attachments of its emails)",
		displayOptions: fileDisplayOptions(['getMany']),
	},
	...returnAllProperties('file', ['getMany']),
];

/** The files shared with a record (ContentDocumentLink), one item per file, with its email attachments on request. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	return perItem(this, async (itemIndex) => {
		const recordId = checkedIdOf(this, itemIndex, RECORD_ID);
		const limit = limitOf(this, itemIndex);
		const files = await filesOfRecord(sf, recordId, {
			includeEmailFiles: switchOf(this, 'includeEmailAttachments', itemIndex),
			limit,
		});
		return files.map((file) => ({ json: file, pairedItem: { item: itemIndex } }));
	});
}
