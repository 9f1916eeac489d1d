import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connectToSalesforce } from '../../shared/transport/connection';
import { objectForParameters } from '../actions/common/resourceObjects';
import { toNodeError } from '../../shared/transport/errorBoundary';
import { describeGlobal } from '../../shared/transport/salesforceApi';
import { fieldOptions } from '../../shared/schema/fieldOptions';

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
	return fieldsOfChosenObject(this, () => true);
}

export async function getFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldsOfChosenObject(this, (f) => f.filterable);
}

/** The fields of the object the node's resource (or Object parameter) names; none before one is chosen. */
async function fieldsOfChosenObject(
	ctx: ILoadOptionsFunctions,
	keep: (f: { filterable: boolean }) => boolean,
): Promise<INodePropertyOptions[]> {
	const objectName = objectForParameters(
		ctx.getCurrentNodeParameter('resource') as string | undefined,
		ctx.getCurrentNodeParameter('objectName') as string | undefined,
	);
	return objectName ? fieldOptions(ctx, objectName, keep) : [];
}
