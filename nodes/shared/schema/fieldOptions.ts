import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connectToSalesforce } from '../transport/connection';
import { toNodeError } from '../transport/errorBoundary';
import { describeGlobal } from '../transport/salesforceApi';

/** The org's objects the user can query, standard and custom, as "Label (ApiName)" options sorted by label. */
export async function queryableObjectOptions(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(context);
		const global = await describeGlobal(sf);
		return global.sobjects
			.filter((o) => o.queryable)
			.map((o) => ({ name: `${o.label} (${o.name})`, value: o.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
}

/** The fields of `objectName` that `keep` accepts, as "Label (ApiName)" options sorted by label (none before an object is chosen). */
export async function fieldOptions(
	context: ILoadOptionsFunctions,
	objectName: string,
	keep: (f: { filterable: boolean }) => boolean,
): Promise<INodePropertyOptions[]> {
	if (!objectName) return [];
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
