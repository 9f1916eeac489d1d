import {
	countByRule,
	isAcceptedFinding,
	type ScanFinding,
	packageOfModule,
	parseStylishReport,
} from '../../scripts/scanFindings';

// What @n8n/scan-community-package 0.32.0's analyzePackage returned for this repository (shortened),
// with the colours ESLint's stylish formatter adds on a terminal.
const REPORT = [
	'\u001b[0m\u001b[0m',
	'\u001b[0m\u001b[4m/repo/nodes/shared/transport/httpTransport.ts\u001b[24m\u001b[0m',
	"\u001b[0m    \u001b[2m1:1\u001b[22m   \u001b[31merror\u001b[39m  Import of 'node:stream' is not allowed. n8n Cloud does not allow community nodes with dependencies   \u001b[2m@n8n/community-nodes/no-restricted-imports\u001b[22m\u001b[0m",
	"\u001b[0m    \u001b[2m3:1\u001b[22m   \u001b[31merror\u001b[39m  Import of '@jsforce/jsforce-node/lib/transport' is not allowed. n8n Cloud does not allow community nodes with dependencies  \u001b[2m@n8n/community-nodes/no-restricted-imports\u001b[22m\u001b[0m",
	'\u001b[0m  \u001b[2m122:15\u001b[22m  \u001b[31merror\u001b[39m  Use `NodeApiError` or `NodeOperationError` instead of `SalesforceNetworkError`. Example: `throw new NodeApiError(this.getNode(), error as JsonObject)`  \u001b[2m@n8n/community-nodes/require-node-api-error\u001b[22m\u001b[0m',
	'\u001b[0m\u001b[0m',
	'\u001b[0m\u001b[4m/repo/dist/nodes/shared/transport/connection.js\u001b[24m\u001b[0m',
	'\u001b[0m  \u001b[2m24:76\u001b[22m  \u001b[33mwarning\u001b[39m  Possible hardcoded secret assigned to `accessToken`  \u001b[2m@n8n/community-nodes/no-hardcoded-secrets\u001b[22m\u001b[0m',
	'',
	'/repo/package.json',
	'  55:3  error  The "dependencies" field must be empty or absent in community node packages  @n8n/community-nodes/no-runtime-dependencies',
	"  56:3  error  Require of 'lodash/fp' is not allowed. n8n Cloud does not allow community nodes with dependencies  @n8n/community-nodes/no-restricted-imports",
	'',
	'/repo/nodes/Broken.node.ts',
	'  7:1  error  Parsing error: Declaration or statement expected',
	'',
	'\u001b[0m\u001b[31m\u001b[1m✖ 8 problems (7 errors, 1 warning)\u001b[22m\u001b[39m\u001b[0m',
].join('\n');

const RUNTIME_DEPENDENCIES = ['@jsforce/jsforce-node', 'luxon'];

describe('npm run scan: reading the scanner report', () => {
	const findings = parseStylishReport(REPORT);

	it('reads every finding with its file, position, severity, message and rule', () => {
		expect(findings).toHaveLength(7);
		expect(findings[0]).toEqual({
			file: '/repo/nodes/shared/transport/httpTransport.ts',
			line: 1,
			column: 1,
			severity: 'error',
			message:
				"Import of 'node:stream' is not allowed. n8n Cloud does not allow community nodes with dependencies",
			rule: '@n8n/community-nodes/no-restricted-imports',
		});
		expect(findings[3]).toMatchObject({
			file: '/repo/dist/nodes/shared/transport/connection.js',
			line: 24,
			column: 76,
			severity: 'warning',
			rule: '@n8n/community-nodes/no-hardcoded-secrets',
		});
		expect(findings[6]).toMatchObject({
			file: '/repo/nodes/Broken.node.ts',
			line: 7,
			message: 'Parsing error: Declaration or statement expected',
			rule: '(parse error)',
		});
	});

	it('counts findings by rule, most frequent first', () => {
		expect(countByRule(findings)[0]).toEqual(['@n8n/community-nodes/no-restricted-imports', 3]);
		expect(countByRule(findings).reduce((sum, [, count]) => sum + count, 0)).toBe(7);
		expect(countByRule([])).toEqual([]);
	});
});

describe('npm run scan: which findings it accepts', () => {
	const [nodeStream, jsforceLib, networkError, secret, runtimeDeps, lodash, parseError] =
		parseStylishReport(REPORT);

	it('accepts our runtime dependencies and imports of exactly those packages', () => {
		expect(isAcceptedFinding(runtimeDeps, RUNTIME_DEPENDENCIES)).toBe(true);
		expect(isAcceptedFinding(jsforceLib, RUNTIME_DEPENDENCIES)).toBe(true);
	});

	it('refuses imports of Node.js modules and of packages that are not runtime dependencies', () => {
		expect(isAcceptedFinding(nodeStream, RUNTIME_DEPENDENCIES)).toBe(false);
		expect(isAcceptedFinding(lodash, RUNTIME_DEPENDENCIES)).toBe(false);
		expect(isAcceptedFinding(jsforceLib, ['luxon'])).toBe(false);
	});

	it('refuses every other rule, warnings and files it could not parse included', () => {
		for (const finding of [networkError, secret, parseError])
			expect(isAcceptedFinding(finding, RUNTIME_DEPENDENCIES)).toBe(false);
	});

	it('accepts a version file of a registered versioned node, and no other unregistered node file', () => {
		const unregistered = (file: string): ScanFinding => ({
			file: 'package.json',
			line: 49,
			column: 3,
			severity: 'warning',
			rule: '@n8n/community-nodes/node-registration-complete',
			message: `The node file "${file}" is not registered in the "n8n.nodes" array of package.json. Add it so n8n can discover the node`,
		});
		const registered = ['dist/nodes/Acme/Acme.node.js'];
		expect(isAcceptedFinding(unregistered('nodes/Acme/v1/AcmeV1.node.ts'), [], registered)).toBe(
			true,
		);
		expect(isAcceptedFinding(unregistered('nodes/Other/v1/OtherV1.node.ts'), [], registered)).toBe(
			false,
		);
		expect(isAcceptedFinding(unregistered('nodes/Acme/Forgotten.node.ts'), [], registered)).toBe(
			false,
		);
	});

	it('names the package of a module path, scoped or not', () => {
		expect(packageOfModule('@jsforce/jsforce-node/lib/transport')).toBe('@jsforce/jsforce-node');
		expect(packageOfModule('luxon')).toBe('luxon');
		expect(packageOfModule('lodash/fp')).toBe('lodash');
		expect(packageOfModule('node:stream')).toBe('node:stream');
	});
});
