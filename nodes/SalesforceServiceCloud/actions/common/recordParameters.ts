import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idProblem, isWellFormedId } from '../../../shared/salesforceIds';

/** A parameter that takes one record Id per item. */
export function idProperty(options: {
	displayName: string;
	name: string;
	placeholder: string;
	description: string;
	resource: string;
	operations: string[];
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: options.placeholder,
		description: options.description,
		displayOptions: { show: { resource: [options.resource], operation: options.operations } },
	};
}

export const recordIdProperty = (resource: string, operations: string[]): INodeProperties =>
	idProperty({
		displayName: 'Record ID',
		name: 'recordId',
		placeholder: '001Sb00000XyZ12AAB',
		description: 'The Salesforce record ID: 15 or 18 letters and digits',
		resource,
		operations,
	});

/** The item's value of an Id parameter, trimmed ('' when empty). */
export function idParameterOf(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(ctx.getNodeParameter(name, itemIndex) ?? '').trim();
}

/** An Id parameter: its name, why a value is not the Id it asks for, and how a good one looks. */
export interface IdParameter {
	name: string;
	problemOf: (id: string) => string | undefined;
	/** Told with the problem, after "Item N: ". */
	hint: string;
}

/**
 * The item's value of an Id parameter, checked before any call: when it is not the Id asked for,
 * the node stops (or the item fails) naming the item and the problem.
 */
export function checkedIdOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: IdParameter,
): string {
	const id = idParameterOf(ctx, parameter.name, itemIndex);
	const problem = parameter.problemOf(id);
	if (problem)
		throw new NodeOperationError(ctx.getNode(), problem, {
			itemIndex,
			description: `Item ${itemIndex}: ${parameter.hint}`,
		});
	return id;
}

export const RECORD_ID: IdParameter = {
	name: 'recordId',
	problemOf: (id) => recordIdProblem(id),
	hint: 'a record ID has 15 or 18 letters and digits, such as 001Sb00000XyZ12AAB, one per item.',
};

/** Why the Record ID is not exactly one Salesforce record Id, as the message the user reads, or undefined. */
export function recordIdProblem(id: string): string | undefined {
	if (!isWellFormedId(id))
		return `Record ID "${id}" is not a Salesforce record Id: it ${idProblem(id) ?? 'is malformed'}`;
	return undefined;
}

export const returnAllProperties = (resource: string, operations: string[]): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { resource: [resource], operation: operations } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { resource: [resource], operation: operations, returnAll: [false] } },
	},
];
