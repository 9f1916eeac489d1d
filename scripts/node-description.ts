// npx tsx scripts/node-description.ts: writes the action node's parameters (resource, operation and every
// parameter, with names, values, order and displayOptions) to test/action/node-description.expected.json.
// test/action/description.test.ts compares the node against that file, so that a refactoring provably leaves
// saved workflows as they were. Run it again only for a deliberate change of the parameters, and review the diff.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// tsx resolves `….node` to the node's codex file (`….node.json`), so the TypeScript file is named.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SalesforceServiceCloud } =
	require('../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node.ts') as typeof import('../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node');

const file = join(__dirname, '../test/action/node-description.expected.json');
writeFileSync(
	file,
	`${JSON.stringify(new SalesforceServiceCloud().getNodeType(1).description.properties, null, '\t')}\n`,
);
console.log(`wrote ${file}`);
