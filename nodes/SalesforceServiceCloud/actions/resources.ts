import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as caseResource from './case';
import type { ResourceOperation } from './common/genericOperations';
import * as contact from './contact';
import * as emailMessage from './emailMessage';
import * as lead from './lead';
import * as record from './record';
import * as task from './task';

interface Resource {
	option: INodePropertyOptions;
	description: INodeProperties[];
	operations: Record<string, ResourceOperation>;
}

const ALL: Resource[] = [
	{ option: { name: 'Case', value: 'case' }, ...caseResource },
	{ option: { name: 'Contact', value: 'contact' }, ...contact },
	{ option: { name: 'Email Message', value: 'emailMessage' }, ...emailMessage },
	{ option: { name: 'Lead', value: 'lead' }, ...lead },
	{ option: { name: 'Record (Any Object)', value: 'record' }, ...record },
	{ option: { name: 'Task', value: 'task' }, ...task },
];

/** The resources that have operations, in the editor's order. */
export const RESOURCES = ALL.filter((r) => Object.keys(r.operations).length > 0);

export function operationOf(resource: string, operation: string): ResourceOperation | undefined {
	return RESOURCES.find((r) => r.option.value === resource)?.operations[operation];
}
