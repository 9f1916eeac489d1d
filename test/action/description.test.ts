import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';

/**
 * Saved workflows hold parameter names and values; the editor shows parameters by their displayOptions.
 * The expected file was written from the node before the operation menus moved to a table
 * (scripts/node-description.ts); any difference here changes what users' saved workflows mean.
 */
describe('the action node description', () => {
	it('has exactly the parameters it had: names, values, order, defaults and displayOptions', () => {
		const expected: unknown = JSON.parse(
			readFileSync(join(__dirname, 'node-description.expected.json'), 'utf8'),
		);
		const actual: unknown = JSON.parse(
			JSON.stringify(new SalesforceServiceCloud().getNodeType(1).description.properties),
		);
		expect(actual).toStrictEqual(expected);
	});
});
