import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { allOrNoneProperty } from '../common/parameters';
import { idParameterOf } from '../common/recordParameters';
import { checkEachItem, writeRecords } from '../common/writeRecords';
import { documentIdProblem, fileIdProperty } from './fileParameters';

export const description: INodeProperties[] = [
	fileIdProperty(
		['delete'],
		'The ID of the file (ContentDocument), starting with 069. Deleting it deletes all its versions and removes it from every record it is shared with.',
	),
	allOrNoneProperty('file', ['delete']),
];

/** Deletes files (ContentDocument) by Id, through the shared writer in batches of 200. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const checked = checkEachItem(this, (itemIndex) => {
		const id = idParameterOf(this, 'fileId', itemIndex);
		const problem = documentIdProblem(id);
		return problem
			? { refused: { errorCode: 'MALFORMED_ID', message: problem, fields: ['fileId'] } }
			: { fields: { Id: id } };
	});
	return writeRecords(this, sf, { operation: 'delete', objectName: 'ContentDocument' }, checked);
}
