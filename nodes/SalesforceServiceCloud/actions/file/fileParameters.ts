import type { INodeProperties } from 'n8n-workflow';

import { FILE_KEY_PREFIXES } from '../../../shared/files/contentFiles';
import { idProblem } from '../../../shared/salesforceIds';
import { idProperty, type IdParameter } from '../common/recordParameters';

const show = (operations: string[]) => ({ show: { resource: ['file'], operation: operations } });

export const binaryPropertyProperty = (operations: string[], input: boolean): INodeProperties => ({
	displayName: input ? 'Input Binary Field' : 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: input
		? 'The name of the input binary field containing the file to be uploaded'
		: 'The name of the output binary field to put the file in',
	displayOptions: show(operations),
});

export const fileIdProperty = (
	operations: string[],
	description: string,
	placeholder = '069Sb00000XyZ12AAB',
): INodeProperties =>
	idProperty({
		displayName: 'File ID',
		name: 'fileId',
		placeholder,
		description,
		resource: 'file',
		operations,
	});

const PREFIXES = FILE_KEY_PREFIXES;

/** A file (ContentDocument, 069...) or one of its versions (ContentVersion, 068...). */
export const FILE_OR_VERSION_ID: IdParameter = {
	name: 'fileId',
	problemOf: (id) => {
		const problem = idProblem(id);
		if (problem) return `File ID "${id}" is not usable: it ${problem}`;
		if (!id.startsWith(PREFIXES.ContentDocument) && !id.startsWith(PREFIXES.ContentVersion))
			return `File ID "${id}" is not the Id of a file: file Ids (ContentDocument) start with 069, file version Ids (ContentVersion) with 068`;
		return undefined;
	},
	hint: 'give the ID of a file (starting with 069) or of a file version (starting with 068), such as the contentDocumentId of the Get Many operation, one per item.',
};

/** Why `id` is not the Id of a file (ContentDocument), or undefined. */
export function documentIdProblem(id: string): string | undefined {
	const problem = idProblem(id);
	if (problem) return `File ID "${id}" is not usable: it ${problem}`;
	if (id.startsWith(PREFIXES.ContentVersion))
		return `File ID "${id}" is the Id of a file version (ContentVersion, 068...); give the file's Id (ContentDocument, 069...), the contentDocumentId of Upload or Get Many`;
	if (!id.startsWith(PREFIXES.ContentDocument))
		return `File ID "${id}" is not the Id of a file: file Ids (ContentDocument) start with 069`;
	return undefined;
}

export { show as fileDisplayOptions };
