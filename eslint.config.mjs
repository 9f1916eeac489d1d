// Lint for what we publish: package.json, credentials/ and nodes/, as n8n's own tooling does it
// (@n8n/node-cli's eslint config, used by n8n-nodes-starter, is the model):
// - @n8n/eslint-plugin-community-nodes, the rules n8n's community-package scanner enforces;
// - eslint-plugin-n8n-nodes-base's community, credentials and nodes rule sets;
// - eslint's and typescript-eslint's recommended rules on the TypeScript sources.
// node-cli also runs eslint-plugin-import-x; here `tsc` checks the imports. Tests and scripts are
// type-checked by `tsc -p tsconfig.test.json` in `npm run lint`.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { defineConfig, globalIgnores } from 'eslint/config';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

// n8n Cloud accepts no package with runtime dependencies, nor imports of anything outside
// n8n-workflow; this package keeps its runtime dependencies by design (self-hosted n8n), so it uses
// the plugin's set for packages that do not aim at n8n Cloud.
const communityNodes = n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport;

export default defineConfig(
	globalIgnores(['dist/', '.cache/', 'node_modules/', 'test/', 'scripts/', '**/*.js']),
	{
		files: ['package.json', 'credentials/**/*.ts', 'nodes/**/*.ts'],
		extends: [communityNodes],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
		},
		rules: {
			'no-console': 'error',
			// The one finding we keep on purpose: jsforce, the mail-thread parsers and luxon are runtime
			// dependencies (see the README). n8n's scanner reports it too; `npm run scan` expects it.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: { 'prefer-spread': 'off' },
	},
	{
		files: ['package.json'],
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// For n8n's main repository, whose documentationUrl is a docs slug; a community package links
			// its own documentation by full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// @n8n/community-nodes/credential-password-field checks this more accurately.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two insist on the string 'main'; n8n now asks for NodeConnectionTypes.Main
			// (@n8n/community-nodes/node-connection-type-literal), as @n8n/node-cli and the scanner do.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Salesforce does have maximums (a query page holds at most 2000 rows).
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
