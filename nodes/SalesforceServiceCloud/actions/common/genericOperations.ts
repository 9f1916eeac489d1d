import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { MappingOperation } from '../../../shared/fieldMapping';
import { buildQuery } from '../../../shared/soql/buildQuery';
import { conditionsToSoql } from '../../../shared/soql/conditions';
import { conditionsFrom, conditionsProperty } from '../../../shared/soql/conditionsParameter';
import { resolveFieldNames } from '../../../shared/soql/fieldNames';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { retrieveRecord } from '../../../shared/transport/salesforceApi';
import { writeInBatches, writeResultsToItems } from '../../../shared/writes';
import { ownerByEmailProperties } from './ownerByEmail';
import { allOrNoneProperty, columnsProperty } from './parameters';
import { perItem } from './perItem';
import { limitOf, queryToItems, withoutAttributes } from './readItems';
import { recordIdOf, recordIdProperty, returnAllProperties } from './recordParameters';
import { writeItems } from './writeItems';

/** One operation of a resource: its parameters and what it does. */
export interface ResourceOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, sf: SalesforceConnection): Promise<INodeExecutionData[]>;
}

/**
 * The object an operation works on: fixed for a resource such as Lead (`'Lead'`), or the user's
 * choice for the Record resource (undefined: read from the Object parameter).
 */
export type ObjectOf = string | undefined;

const objectNameOf = (ctx: IExecuteFunctions, fixed: ObjectOf) => fixed ?? (ctx.getNodeParameter('objectName', 0) as string);

/** Create, Update or Upsert: the input items written in sObject Collections batches, an owner found by email if asked. */
export function writeOperation(resource: string, operation: MappingOperation, objectName: ObjectOf): ResourceOperation {
	return {
		description: [columnsProperty(resource, operation), ...ownerByEmailProperties(resource, [operation]), allOrNoneProperty(resource, [operation])],
		async execute(sf) {
			return writeItems(this, sf, objectNameOf(this, objectName), operation);
		},
	};
}

/** Delete by Id, in batches. */
export function deleteOperation(resource: string, objectName: ObjectOf): ResourceOperation {
	return {
		description: [recordIdProperty(resource, ['delete']), allOrNoneProperty(resource, ['delete'])],
		async execute(sf) {
			const items = this.getInputData();
			const records = items.map((_, itemIndex) => ({ itemIndex, fields: { Id: String(this.getNodeParameter('recordId', itemIndex)).trim() } }));
			const results = await writeInBatches(sf, { operation: 'delete', objectName: objectNameOf(this, objectName), records, allOrNone: this.getNodeParameter('allOrNone', 0, false) as boolean });
			return writeResultsToItems(this, results, items);
		},
	};
}

const fieldsProperty = (resource: string, operations: string[], description: string): INodeProperties => ({
	displayName: 'Field Names or IDs',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['objectName', 'resource'] },
	default: [],
	description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	displayOptions: { show: { resource: [resource], operation: operations } },
});

/** Get one record by Id, with chosen fields or all. */
export function getOperation(resource: string, objectName: ObjectOf): ResourceOperation {
	return {
		description: [recordIdProperty(resource, ['get']), fieldsProperty(resource, ['get'], 'The fields to return; all when empty.')],
		async execute(sf) {
			const describe = await sf.describes.describe(objectNameOf(this, objectName));
			return perItem(this, async (itemIndex) => {
				const id = recordIdOf(this, itemIndex);
				const fields = resolveFieldNames(describe, this.getNodeParameter('fields', itemIndex, []) as string[]);
				const record = await retrieveRecord(sf, describe.name, id, fields);
				return [{ json: withoutAttributes(record), pairedItem: { item: itemIndex } }];
			});
		},
	};
}

/** Get the records that meet conditions, up to a limit or all, page by page. */
export function getManyOperation(resource: string, objectName: ObjectOf): ResourceOperation {
	return {
		description: [
			...returnAllProperties(resource, ['getMany']),
			fieldsProperty(resource, ['getMany'], 'The fields to return; Id and Name (where the object has one) when empty.'),
			conditionsProperty({
				displayName: 'Conditions',
				description: 'Only records that meet all these conditions',
				fieldsMethod: 'getFilterFields',
				loadOptionsDependsOn: ['objectName', 'resource'],
				displayOptions: { show: { resource: [resource], operation: ['getMany'] } },
			}),
		],
		async execute(sf) {
			const describe = await sf.describes.describe(objectNameOf(this, objectName));
			return perItem(this, async (itemIndex) => {
				const picked = this.getNodeParameter('fields', itemIndex, []) as string[];
				const fields = picked.length > 0 ? resolveFieldNames(describe, picked) : ['Id', ...describe.fields.filter((f) => f.nameField).map((f) => f.name)];
				const conditions = conditionsFrom(this.getNodeParameter('conditions', itemIndex, {}));
				const limit = limitOf(this, itemIndex);
				const soql = buildQuery({ fields, from: describe.name, where: [conditionsToSoql(describe, conditions)], orderBy: ['Id'], limit });
				return queryToItems(sf, soql, itemIndex, limit);
			});
		},
	};
}
