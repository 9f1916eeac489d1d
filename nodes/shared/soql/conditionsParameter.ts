import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ConditionError, type Condition } from './conditions';

/** The operators a user picks from, in the order a person reads them. */
export const CONDITION_OPERATORS: INodePropertyOptions[] = [
	{ name: 'Equals', value: 'equals' },
	{ name: 'Does Not Equal', value: 'notEquals' },
	{ name: 'Contains', value: 'contains' },
	{ name: 'Starts With', value: 'startsWith' },
	{ name: 'Ends With', value: 'endsWith' },
	{ name: 'Is Greater Than', value: 'greaterThan' },
	{ name: 'Is Greater Than or Equal To', value: 'greaterOrEqual' },
	{ name: 'Is Less Than', value: 'lessThan' },
	{ name: 'Is Less Than or Equal To', value: 'lessOrEqual' },
	{ name: 'Is One Of (Comma-Separated)', value: 'in' },
	{ name: 'Is None Of (Comma-Separated)', value: 'notIn' },
	{ name: 'Is Empty', value: 'isEmpty' },
	{ name: 'Is Not Empty', value: 'isNotEmpty' },
];

/** Conditions a user builds in the editor (field, operator, value), all to be met; read back with `conditionsFrom`. */
export function conditionsProperty(p: {
	displayName: string;
	description: string;
	/** The load-options method that lists the filterable fields. */
	fieldsMethod: string;
	loadOptionsDependsOn?: string[];
	displayOptions?: INodeProperties['displayOptions'];
}): INodeProperties {
	return {
		displayName: p.displayName,
		name: 'conditions',
		placeholder: 'Add Condition',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: p.description,
		...(p.displayOptions ? { displayOptions: p.displayOptions } : {}),
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: p.fieldsMethod,
							...(p.loadOptionsDependsOn ? { loadOptionsDependsOn: p.loadOptionsDependsOn } : {}),
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: CONDITION_OPERATORS,
						default: 'equals',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Dates as 2026-05-01 or 2026-05-01T09:30:00Z, or relative such as LAST_N_DAYS:30',
					},
				],
			},
		],
	};
}

/**
 * The conditions of a `conditionsProperty` value. A condition whose field is empty (an expression
 * that came out empty) is refused: dropping it would run the query unfiltered.
 */
export function conditionsFrom(value: unknown): Condition[] {
	const conditions = (((value ?? {}) as IDataObject).condition as Condition[] | undefined) ?? [];
	conditions.forEach((c, i) => {
		if (typeof c.field !== 'string' || c.field.trim() === '') {
			throw new ConditionError(
				`Condition ${i + 1} has no field (its field came out empty); the query is not run without it`,
			);
		}
	});
	return conditions.map((c) => ({ ...c, field: c.field.trim() }));
}
