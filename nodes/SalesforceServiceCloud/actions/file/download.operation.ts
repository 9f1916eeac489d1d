import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fileNameOf, versionOf } from '../../../shared/files/contentFiles';
import { versionAsBinary } from '../../../shared/files/fileBinary';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { perItem } from '../common/perItem';
import { checkedIdOf } from '../common/recordParameters';
import { binaryPropertyProperty, FILE_OR_VERSION_ID, fileIdProperty } from './fileParameters';

export const description: INodeProperties[] = [
	fileIdProperty(
		['download'],
		'The ID of the file (ContentDocument, starting with 069: its latest version) or of one file version (ContentVersion, starting with 068)',
	),
	binaryPropertyProperty(['download'], false),
];

/** A file's bytes (its latest version, or the version asked for) as binary data, with its file name and type. */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	return perItem(this, async (itemIndex) => {
		const fileId = checkedIdOf(this, itemIndex, FILE_OR_VERSION_ID);
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
		const version = await versionOf(sf, fileId);
		if (!version)
			throw new NodeOperationError(this.getNode(), `No file with ID "${fileId}"`, {
				itemIndex,
				description: `Item ${itemIndex}: the file may have been deleted, or the user of the credential may not see it.`,
			});
		const fileName =
			version.PathOnClient?.split(/[\\/]/).pop() ||
			fileNameOf(version.Title, version.FileExtension);
		const binary = await versionAsBinary(this.helpers, sf, version.Id, fileName);
		return [
			{
				json: {
					contentDocumentId: version.ContentDocumentId,
					contentVersionId: version.Id,
					title: version.Title,
					fileName,
					fileExtension: version.FileExtension,
					size: version.ContentSize,
					versionNumber: version.VersionNumber,
					mimeType: binary.mimeType,
				},
				binary: { [property || 'data']: binary },
				pairedItem: { item: itemIndex },
			},
		];
	});
}
