import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CASE_FIELDS } from './caseOutput';

const HOW_TO_CHOOSE =
	' Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/**
 * The Case fields an item carries, picked from the org's fields: the trigger's Fields and Get
 * Conversation's case fields, one parameter in both nodes. `name` is the name workflows save it
 * under, so it never changes; the default is the fields the trigger has always given.
 */
export function caseFieldsProperty(options: {
	name: string;
	loadOptionsMethod: string;
	/** What the fields are for, one sentence; how to choose them is added. */
	description: string;
	displayOptions?: INodeProperties['displayOptions'];
}): INodeProperties {
	return {
		displayName: 'Field Names or IDs',
		name: options.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: options.loadOptionsMethod },
		default: [...DEFAULT_CASE_FIELDS],
		description: options.description + HOW_TO_CHOOSE,
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
	};
}
