import type {
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	idFromRecordAddress,
	isWebAddress,
	RECORD_ADDRESS_REGEX,
} from '../../../shared/recordAddress';
import { idProblem, isWellFormedId } from '../../../shared/salesforceIds';

/** How the editor lists records for an Id parameter: Cases by number or subject, or the records of the resource's (or chosen) object by name. */
export type RecordSearch = 'searchCases' | 'searchRecords';

/**
 * A parameter that takes one record Id per item, as a resource locator: picked From List (when a
 * search is given), By URL (the record's Lightning or Classic address) or by ID. Saved workflows
 * may hold a plain string (an Id, an address or an expression) instead: `idParameterOf` reads both.
 */
export function idProperty(options: {
	displayName: string;
	name: string;
	placeholder: string;
	description: string;
	resource: string;
	operations: string[];
	search?: RecordSearch;
}): INodeProperties {
	const property: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.search ?? '', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://yourorg.lightning.force.com/lightning/r/Case/${options.placeholder}/view`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: RECORD_ADDRESS_REGEX,
							errorMessage: 'Not the address of a Salesforce record',
						},
					},
				],
				extractValue: { type: 'regex', regex: RECORD_ADDRESS_REGEX },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\\s*$',
							errorMessage: 'A Salesforce ID has 15 or 18 letters and digits',
						},
					},
				],
			},
		],
		displayOptions: { show: { resource: [options.resource], operation: options.operations } },
	};
	// Without a search, no list: the address or the ID only.
	if (options.search) return property;
	return { ...property, default: { mode: 'id', value: '' }, modes: property.modes?.slice(1) };
}

/**
 * The words for the Id of a resource's own record, in its label and its messages: "<Resource> ID"
 * (Case ID, Task ID, ...), as Salesforce labels an object's Id field; "Record ID" where the record can
 * be of any object (the Record resource, a file's record).
 */
const ID_LABELS: Readonly<Record<string, string>> = {
	account: 'Account ID',
	case: 'Case ID',
	chatTranscript: 'Chat Transcript ID',
	contact: 'Contact ID',
	emailMessage: 'Email Message ID',
	lead: 'Lead ID',
	messagingSession: 'Messaging Session ID',
	opportunity: 'Opportunity ID',
	task: 'Task ID',
};

export const idLabelOf = (resource: string): string =>
	Object.hasOwn(ID_LABELS, resource) ? ID_LABELS[resource] : 'Record ID';

export const recordIdProperty = (
	resource: string,
	operations: string[],
	searchable = true,
): INodeProperties =>
	idProperty({
		displayName: idLabelOf(resource),
		name: 'recordId',
		placeholder: '001Sb00000XyZ12AAB',
		description: Object.hasOwn(ID_LABELS, resource)
			? `The ${idLabelOf(resource).replace(/ ID$/, '').toLowerCase()}: pick it, paste its address, or give its ID (15 or 18 letters and digits)`
			: 'The Salesforce record: pick it, paste its address, or give its ID (15 or 18 letters and digits)',
		resource,
		operations,
		search: searchable ? 'searchRecords' : undefined,
	});

/**
 * The item's value of an Id parameter, trimmed ('' when empty): a locator's value or a plain string
 * (saved workflows, expressions); a record's web address gives its Id. An address that is not one
 * of a record comes back as it is, for the parameter's check to refuse naming the item.
 */
export function idParameterOf(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	let value: unknown;
	try {
		value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	} catch (error) {
		// n8n's own extraction refuses an address its regex does not match, without naming the item:
		// the raw text is read instead, and the parameter's check says what is wrong.
		const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
		if (!isLocatorValue(raw))
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		value = raw.value;
	}
	const text = String(value ?? '').trim();
	return isWebAddress(text) ? (idFromRecordAddress(text) ?? text) : text;
}

function isLocatorValue(value: unknown): value is INodeParameterResourceLocator {
	return typeof value === 'object' && value !== null && 'mode' in value && 'value' in value;
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

/** The `recordId` parameter of a resource, named in its messages as its label names it. */
export const recordIdParameter = (resource: string): IdParameter => ({
	name: 'recordId',
	problemOf: (id) => recordIdProblem(id, idLabelOf(resource)),
	hint: 'a record ID has 15 or 18 letters and digits, such as 001Sb00000XyZ12AAB, one per item.',
});

export const RECORD_ID: IdParameter = recordIdParameter('record');

/** Why the ID (`label`: Record ID, Case ID, ...) is not exactly one Salesforce record Id, as the message the user reads, or undefined. */
export function recordIdProblem(id: string, label = 'Record ID'): string | undefined {
	if (!isWellFormedId(id))
		return `${label} "${id}" is not a Salesforce record Id: it ${idProblem(id) ?? 'is malformed'}`;
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
