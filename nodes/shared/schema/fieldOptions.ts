import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connectToSalesforce } from '../transport/connection';
import { toNodeError } from '../transport/errorBoundary';

/** The fields of `objectName` that `keep` accepts, as "Label (ApiName)" options sorted by label. */
export async function fieldOptions(
	context: ILoadOptionsFunctions,
	objectName: string,
	keep: (f: { filterable: boolean }) => boolean,
): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(context);
		const describe = await sf.describes.describe(objectName);
		return describe.fields
			.filter(keep)
			.map((f) => ({ name: `${f.label} (${f.name})`, value: f.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
}
