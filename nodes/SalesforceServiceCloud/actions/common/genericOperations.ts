import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MappingOperation } from '../../../shared/fieldMapping';
import { objectSchema, type ObjectSchema } from '../../../shared/schema/keptSchemas';
import { buildQuery } from '../../../shared/soql/buildQuery';
import { ConditionError, conditionsToSoql, type Condition } from '../../../shared/soql/conditions';
import { conditionsFrom, conditionsProperty } from '../../../shared/soql/conditionsParameter';
import { FieldNameError, fieldListOf, resolveFieldPaths } from '../../../shared/soql/fieldNames';
import { soqlString } from '../../../shared/soql/literals';
import { checkedObjectName, ObjectNameError } from '../../../shared/soql/objectNames';
import { fitsInUrl } from '../../../shared/soql/urlBudget';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { toNodeError } from '../../../shared/transport/errorBoundary';
import { retrieveRecord } from '../../../shared/transport/salesforceApi';
import { UnknownObjectError } from '../../../shared/transport/salesforceErrors';
import { shapedPerItem, shapeFields, type ItemShape } from './itemShape';
import { ownerByEmailProperties } from './ownerByEmail';
import { locatorText } from './resourceObjects';
import { allOrNoneProperty, columnsProperty } from './parameters';
import { perItem } from './perItem';
import { limitOf, queryToItems, splitQueryToItems, withoutAttributes } from './readItems';
import {
	idParameterOf,
	checkedIdOf,
	idLabelOf,
	recordIdParameter,
	recordIdProblem,
	recordIdProperty,
	returnAllProperties,
} from './recordParameters';
import { writeItems } from './writeItems';
import { checkEachItem, writeRecords } from './writeRecords';

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

/** The object's name, checked before it reaches a URL: letters, digits and _ only. */
function objectNameOf(ctx: IExecuteFunctions, fixed: ObjectOf): string {
	if (fixed) return fixed;
	const given = locatorText(ctx.getNodeParameter('objectName', 0, ''));
	try {
		return checkedObjectName(given);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Object: ${(error as Error).message}`, {
			description:
				'Choose the object from the list, or give its API name, such as Account or Invoice__c.',
		});
	}
}

/** The object's describe; an object the org does not have is said so in plain words. */
async function describeOf(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	fixed: ObjectOf,
): Promise<DescribeSObjectResult> {
	try {
		return await sf.describes.describe(objectNameOf(ctx, fixed));
	} catch (error) {
		throw objectError(ctx, error);
	}
}

/** An object name that is not one of the org's objects, in plain words; other errors as they are. */
function objectError(ctx: IExecuteFunctions, error: unknown): Error {
	if (error instanceof ObjectNameError || error instanceof UnknownObjectError)
		return new NodeOperationError(ctx.getNode(), `Object: ${error.message}`, {
			description: 'Choose the object from the list; custom objects end in __c.',
		});
	return toNodeError(ctx.getNode(), error);
}

/** The item's field list (the `parameter`, shown as `label`), each path checked against the describes; a problem names the parameter and the item. */
async function fieldsOf(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	describe: DescribeSObjectResult,
	itemIndex: number,
	parameter = 'fields',
	label = 'Field Names or IDs',
): Promise<string[]> {
	try {
		return await resolveFieldPaths(
			sf.describes,
			describe,
			fieldListOf(ctx.getNodeParameter(parameter, itemIndex, [])),
		);
	} catch (error) {
		if (error instanceof FieldNameError)
			throw new NodeOperationError(ctx.getNode(), `${label}: ${error.message}`, {
				itemIndex,
				description: `Item ${itemIndex}: give one field per entry, such as Subject or Owner.Name.`,
			});
		throw toNodeError(ctx.getNode(), error, itemIndex);
	}
}

/** Create, Update or Upsert: the input items written in sObject Collections batches, an owner found by email if asked. */
export function writeOperation(
	resource: string,
	operation: MappingOperation,
	objectName: ObjectOf,
): ResourceOperation {
	return {
		description: [
			columnsProperty(resource, operation),
			...ownerByEmailProperties(resource, [operation]),
			allOrNoneProperty(resource, [operation]),
		],
		async execute(sf) {
			const name = objectNameOf(this, objectName);
			let schema: ObjectSchema;
			try {
				// Kept from an earlier execution where it can be (see keptSchemas.ts).
				schema = await objectSchema(this, sf, name);
			} catch (error) {
				throw objectError(this, error);
			}
			return writeItems(this, sf, schema.describe.name, operation, { schema });
		},
	};
}

/** Delete by Id, in batches. */
export function deleteOperation(resource: string, fixed: ObjectOf): ResourceOperation {
	return {
		description: [recordIdProperty(resource, ['delete']), allOrNoneProperty(resource, ['delete'])],
		async execute(sf) {
			const objectName = objectNameOf(this, fixed);
			// Every item's ID is checked before anything is deleted: one refused item stops the
			// node before any call, unless the node continues on fail (then that item alone fails).
			const checked = checkEachItem(this, (itemIndex) => {
				const id = idParameterOf(this, 'recordId', itemIndex);
				const problem = recordIdProblem(id, idLabelOf(resource));
				return problem
					? { refused: { errorCode: 'MALFORMED_ID', message: problem, fields: ['Id'] } }
					: { fields: { Id: id } };
			});
			return writeRecords(this, sf, { operation: 'delete', objectName }, checked);
		},
	};
}

const fieldsProperty = (
	resource: string,
	operations: string[],
	description: string,
): INodeProperties => ({
	displayName: 'Field Names or IDs',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['objectName', 'resource'] },
	default: [],
	description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	displayOptions: { show: { resource: [resource], operation: operations } },
});

/** Get one record by Id, with chosen fields or all; or, with a shape, as the shape makes its item. */
export function getOperation(
	resource: string,
	objectName: ObjectOf,
	shape?: ItemShape,
): ResourceOperation {
	return {
		description: [
			recordIdProperty(resource, ['get']),
			...(shape
				? (shape.properties?.(resource, ['get']) ?? [])
				: [fieldsProperty(resource, ['get'], 'The fields to return; all when empty.')]),
		],
		async execute(sf) {
			const describe = await describeOf(this, sf, objectName);
			const read = async (itemIndex: number): Promise<INodeExecutionData[]> => {
				const id = checkedIdOf(this, itemIndex, recordIdParameter(resource));
				if (describe.keyPrefix && !id.startsWith(describe.keyPrefix)) {
					throw new NodeOperationError(
						this.getNode(),
						`${idLabelOf(resource)} "${id}" belongs to another object: ${describe.label} (${describe.name}) Ids start with ${describe.keyPrefix}`,
						{
							itemIndex,
							description: `Item ${itemIndex}: check that the ID is the one of a ${describe.label} record.`,
						},
					);
				}
				if (shape) {
					const items = await queryToItems(
						sf,
						buildQuery({
							fields: shapeFields(shape),
							from: describe.name,
							where: [`Id = ${soqlString(id)}`],
						}),
						itemIndex,
						1,
					);
					if (items.length === 0)
						throw new NodeOperationError(
							this.getNode(),
							`${idLabelOf(resource)} "${id}": no ${describe.label} (${describe.name}) has this ID`,
							{
								itemIndex,
								description: `Item ${itemIndex}: the record may have been deleted, or this user may not see it.`,
							},
						);
					return items;
				}
				const fields = await fieldsOf(this, sf, describe, itemIndex);
				const record = await retrieveRecord(sf, describe.name, id, fields);
				return [{ json: withoutAttributes(record), pairedItem: { item: itemIndex } }];
			};
			return shape ? shapedPerItem(this, shape.start(this, sf), read) : perItem(this, read);
		},
	};
}

/** Get the records that meet conditions, up to a limit or all, page by page; with a shape, as it makes their items. */
export function getManyOperation(
	resource: string,
	objectName: ObjectOf,
	shape?: ItemShape,
): ResourceOperation {
	return {
		description: [
			...returnAllProperties(resource, ['getMany']),
			...(shape
				? (shape.properties?.(resource, ['getMany']) ?? [])
				: [
						fieldsProperty(
							resource,
							['getMany'],
							'The fields to return; Id and Name (where the object has one) when empty.',
						),
					]),
			conditionsProperty({
				displayName: 'Conditions',
				description: 'Only records that meet all these conditions',
				fieldsMethod: 'getFilterFields',
				loadOptionsDependsOn: ['objectName', 'resource'],
				displayOptions: { show: { resource: [resource], operation: ['getMany'] } },
			}),
		],
		async execute(sf) {
			const describe = await describeOf(this, sf, objectName);
			const read = async (itemIndex: number): Promise<INodeExecutionData[]> => {
				const picked = shape ? shapeFields(shape) : await fieldsOf(this, sf, describe, itemIndex);
				const fields =
					picked.length > 0
						? picked
						: ['Id', ...describe.fields.filter((f) => f.nameField).map((f) => f.name)];
				const limit = limitOf(this, itemIndex);
				let conditions: Condition[];
				let where: string;
				try {
					conditions = conditionsFrom(this.getNodeParameter('conditions', itemIndex, {}));
					where = conditionsToSoql(describe, conditions);
				} catch (error) {
					if (error instanceof ConditionError || error instanceof FieldNameError)
						throw new NodeOperationError(this.getNode(), `Conditions: ${error.message}`, {
							itemIndex,
							description: `Item ${itemIndex}: nothing was read.`,
						});
					throw toNodeError(this.getNode(), error, itemIndex);
				}
				const soql = buildQuery({
					fields,
					from: describe.name,
					where: [where],
					orderBy: ['Id'],
					limit,
				});
				if (fitsInUrl(soql)) return queryToItems(sf, soql, itemIndex, limit);
				return splitQueryToItems(this, sf, { describe, fields, conditions, limit, itemIndex });
			};
			return shape ? shapedPerItem(this, shape.start(this, sf), read) : perItem(this, read);
		},
	};
}
