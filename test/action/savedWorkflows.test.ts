import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import { NodeHelpers, type INode, type INodeParameters } from 'n8n-workflow';

import { SalesforceServiceCloud } from '../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { SalesforceServiceCloudTrigger } from '../../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node';
import { PACKAGE_NAME } from '../n8n/node-types';
import { actionSuite } from './suite';
import { externalIdField } from '../sandbox-org/testing';

// Workflows saved with today's parameters (the example workflows in test/workflows, saved from n8n's
// editor) must load and run unchanged after any release: the nodes are versioned, and a saved node
// runs with the version it was saved with.

const WORKFLOWS = join(__dirname, '../workflows');
const TYPES: Record<string, SalesforceServiceCloud | SalesforceServiceCloudTrigger> = {
	[`${PACKAGE_NAME}.salesforceServiceCloud`]: new SalesforceServiceCloud(),
	[`${PACKAGE_NAME}.salesforceServiceCloudTrigger`]: new SalesforceServiceCloudTrigger(),
};

const savedNodes: Array<[string, INode]> = readdirSync(WORKFLOWS)
	.filter((f) => f.endsWith('.json'))
	.flatMap((file) =>
		(JSON.parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as { nodes: INode[] }).nodes
			.filter((node) => node.type in TYPES)
			.map((node): [string, INode] => [`${file}: ${node.name}`, node]),
	);

describe('workflows saved with version 1 of the nodes', () => {
	it('the examples hold nodes of this package to check', () => {
		expect(savedNodes.length).toBeGreaterThanOrEqual(4);
	});

	it.each(savedNodes)('%s: its version exists and keeps every saved parameter', (_name, node) => {
		const versioned = TYPES[node.type];
		expect(Object.keys(versioned.nodeVersions).map(Number)).toContain(node.typeVersion);
		const { description } = versioned.getNodeType(node.typeVersion);
		// What n8n does when it loads a saved node: parameters the version does not show for the saved
		// values are dropped. None may be.
		// n8n's loader adds "Poll Times" to polling nodes.
		const properties = description.polling
			? [...commonPollingParameters, ...description.properties]
			: description.properties;
		const resolved = NodeHelpers.getNodeParameters(
			properties,
			node.parameters,
			true,
			false,
			node,
			description,
		) as INodeParameters;
		for (const [name, value] of Object.entries(node.parameters))
			expect([name, resolved[name]]).toEqual([name, value]);
	});
});

describe('a saved Lead upsert node (version 1) runs unchanged', () => {
	const s = actionSuite('lead', (t) => {
		t.org.schema.addCustomField('Lead', externalIdField('External_Id__c'));
	});
	const saved = savedNodes.find(
		([, node]) => node.parameters.resource === 'lead' && node.parameters.operation === 'upsert',
	)?.[1];

	it('writes each lead once, on a first and a second run', async () => {
		if (!saved) throw new Error('test/workflows has no saved Lead upsert node');
		const input = [1, 2, 3].map((i) => ({
			json: { External_Id__c: `saved-${i}`, LastName: `Saved ${i}`, Company: 'Old Workflows Inc' },
		}));
		for (let run = 0; run < 2; run++) {
			const result = await s.harness.execute({
				type: s.node,
				typeVersion: saved.typeVersion,
				parameters: saved.parameters,
				credentials: s.credentials,
				input,
			});
			expect(result.error).toBeUndefined();
			expect(result.output?.[0]).toHaveLength(3);
		}
		const leads = s.t.org.store.rows('Lead').filter((r) => r.Company === 'Old Workflows Inc');
		expect(leads.map((r) => r.External_Id__c).sort()).toEqual(['saved-1', 'saved-2', 'saved-3']);
	});
});
