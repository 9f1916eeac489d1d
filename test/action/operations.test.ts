import type { INodePropertyOptions } from 'n8n-workflow';

import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { MENUS } from '../../nodes/SalesforceServiceCloud/actions/menus';
import {
	OPERATIONS,
	operationOf,
	type Resource,
} from '../../nodes/SalesforceServiceCloud/actions/operations';
import { actionSuite } from './suite';

// The Operation menus are written out for n8n's lint; the operations come from one table. The types allow
// no menu entry without a row; these tests catch a row without a menu entry, and lookups outside the table.

const { properties } = new SalesforceServiceCloud().getNodeType().description;
const valuesOf = (options: unknown) =>
	(options as INodePropertyOptions[]).map((o) => String(o.value)).sort();
const resources = valuesOf(properties.find((p) => p.name === 'resource')?.options) as Resource[];

describe('the operation table and the menus', () => {
	it('has a row set for every resource in the Resource menu, and no other', () => {
		expect(Object.keys(OPERATIONS).sort()).toEqual(resources);
		expect(Object.keys(MENUS).sort()).toEqual(resources);
	});

	it.each(resources)('offers in the %s menu exactly the operations of its rows', (resource) => {
		const menus = properties.filter(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		);
		expect(menus).toHaveLength(1);
		expect(valuesOf(menus[0].options)).toEqual(Object.keys(OPERATIONS[resource]).sort());
		expect(Object.keys(OPERATIONS[resource])).toContain(menus[0].default);
	});

	it('finds every row, and nothing for a name outside the table, even one every object has', () => {
		for (const resource of resources)
			for (const operation of Object.keys(OPERATIONS[resource]))
				expect(operationOf(resource, operation)).toBeDefined();
		expect(operationOf('case', 'toString')).toBeUndefined();
		expect(operationOf('case', 'constructor')).toBeUndefined();
		expect(operationOf('constructor', 'name')).toBeUndefined();
		expect(operationOf('invoice', 'create')).toBeUndefined();
	});
});

describe('a workflow whose operation is not in the table', () => {
	const s = actionSuite('case');
	it('says the operation is not supported', async () => {
		const { error, output } = await s.run({ operation: 'toString' });
		expect(output).toBeUndefined();
		expect(error?.message).toBe('The operation "toString" of "case" is not supported');
	});
});
