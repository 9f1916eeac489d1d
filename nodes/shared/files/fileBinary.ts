import type { BinaryHelperFunctions, IBinaryData } from 'n8n-workflow';

import type { SalesforceConnection } from '../transport/connection';
import { downloadBlob } from '../transport/salesforceApi';

/**
 * A file version's bytes (ContentVersion.VersionData) as n8n binary data with its file name,
 * streamed into n8n's binary data store (to disk in n8n's default filesystem mode), so a large
 * file never sits in memory whole. One API call.
 */
export async function versionAsBinary(
	helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'>,
	sf: SalesforceConnection,
	versionId: string,
	fileName: string,
): Promise<IBinaryData> {
	const { stream, contentType } = await downloadBlob(
		sf,
		'ContentVersion',
		versionId,
		'VersionData',
	);
	// Salesforce sends files as application/octet-stream; n8n then takes the type from the file name.
	const mimeType =
		contentType && !/octet-stream/i.test(contentType) ? contentType.split(';')[0] : undefined;
	return helpers.prepareBinaryData(stream, fileName, mimeType);
}
