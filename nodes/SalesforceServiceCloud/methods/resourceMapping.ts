import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { describeToMapperFields, type MappingOperation } from '../../shared/fieldMapping';
import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeApiError } from '../../shared/transport/salesforceErrors';
import { objectForParameters } from '../actions/common/resourceObjects';

/** The fields of the chosen object the operation can write, from the org's describe. */
export async function getMappingColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const objectName = objectForParameters(this.getNodeParameter('resource', 'record') as string, this.getNodeParameter('objectName', '') as string);
	const operation = this.getNodeParameter('operation', 'create') as MappingOperation;
	if (!objectName) return { fields: [] };
	try {
		const sf = await connectToSalesforce(this);
		return describeToMapperFields(await sf.describes.describe(objectName), { operation });
	} catch (error) {
		throw toNodeApiError(this.getNode(), error);
	}
}
