import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { objectForParameters } from '../actions/common/resourceObjects';
import { fieldOptions } from '../../shared/schema/fieldOptions';

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
		ctx.getCurrentNodeParameter('objectName'),
	);
	return fieldOptions(ctx, objectName, keep);
}
