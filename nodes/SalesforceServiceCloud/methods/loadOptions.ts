import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connectToSalesforce } from '../../shared/transport/connection';
import { objectForParameters } from '../actions/common/resourceObjects';
import { toNodeError } from '../../shared/transport/errorBoundary';
import { describeGlobal } from '../../shared/transport/salesforceApi';

/** The org's objects that can be queried, custom ones included. */
export async function getObjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(this);
		const global = await describeGlobal(sf);
		return global.sobjects
			.filter((o) => o.queryable)
			.map((o) => ({ name: `${o.label} (${o.name})`, value: o.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return fieldOptions(this, () => true);
}

export async function getFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(this, (f) => f.filterable);
}

async function fieldOptions(
	ctx: ILoadOptionsFunctions,
	keep: (f: { filterable: boolean }) => boolean,
): Promise<INodePropertyOptions[]> {
	const objectName = objectForParameters(
		ctx.getCurrentNodeParameter('resource') as string | undefined,
		ctx.getCurrentNodeParameter('objectName') as string | undefined,
	);
	if (!objectName) return [];
	try {
		const sf = await connectToSalesforce(ctx);
		const describe = await sf.describes.describe(objectName);
		return describe.fields
			.filter(keep)
			.map((f) => ({ name: `${f.label} (${f.name})`, value: f.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toNodeError(ctx.getNode(), error);
	}
}
