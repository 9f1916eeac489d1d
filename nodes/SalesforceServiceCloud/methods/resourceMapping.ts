import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { describeToMapperFields, type MappingOperation } from '../../shared/fieldMapping';
import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeError } from '../../shared/transport/errorBoundary';
import { objectForParameters } from '../actions/common/resourceObjects';

/** Parents whose external ID fields are offered as lookups (`Contact.Ext_Id__c`): the common ones, to keep describes few. */
const LOOKUP_PARENTS = new Set(['Account', 'Contact', 'Lead', 'Case']);

/** The fields of the chosen object the operation can write, from the org's describe. */
export async function getMappingColumns(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const objectName = objectForParameters(
		this.getNodeParameter('resource', 'record') as string,
		this.getNodeParameter('objectName', ''),
	);
	const chosen = this.getNodeParameter('operation', 'create') as string;
	// Find or Create maps its values as a create does.
	const operation: MappingOperation =
		chosen === 'update' || chosen === 'upsert' ? chosen : 'create';
	if (!objectName) return { fields: [] };
	try {
		const sf = await connectToSalesforce(this);
		const describe = await sf.describes.describe(objectName);
		const parentNames = new Set(
			describe.fields.flatMap((f) =>
				f.type === 'reference' &&
				f.referenceTo?.length === 1 &&
				LOOKUP_PARENTS.has(f.referenceTo[0])
					? [f.referenceTo[0]]
					: [],
			),
		);
		const parents: DescribeSObjectResult[] = await Promise.all(
			[...parentNames].map((name) => sf.describes.describe(name)),
		);
		return describeToMapperFields(describe, { operation, parents });
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
