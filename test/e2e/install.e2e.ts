import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIAL_TYPES, n8nWithPackage, NODE_TYPES } from './support/e2e-env';
import type { N8nInstance } from './support/n8n-instance';
import { PACKAGE_NAME, REPO_ROOT } from './support/n8n-install';
import { N8nRestClient } from './support/n8n-rest';

// The package installed the way the editor's community-node screen installs it, then n8n started:
// what the editor loads (node and credential types, with their icons) is checked through n8n's own API.

interface TypeDescription {
	name: string;
	displayName: string;
	iconUrl?: { light: string; dark: string } | string;
	credentials?: Array<{ name: string }>;
	properties?: Array<{ name: string }>;
	polling?: boolean;
}

describe(`the package in a real n8n ${process.env.N8N_VERSION ?? ''}`, () => {
	let n8n: N8nInstance;
	let api: N8nRestClient;
	let nodeTypes: TypeDescription[];
	let credentialTypes: TypeDescription[];

	beforeAll(async () => {
		n8n = n8nWithPackage();
		await n8n.start();
		api = new N8nRestClient(n8n.url);
		await api.signInAsOwner();
		nodeTypes = (await api.request<TypeDescription[]>('GET', '/types/nodes.json')).body;
		credentialTypes = (await api.request<TypeDescription[]>('GET', '/types/credentials.json')).body;
	});
	afterAll(async () => {
		await n8n?.dispose();
	});

	const ours = (types: TypeDescription[], name: string) => {
		const found = types.find((t) => t.name === name);
		if (!found) throw new Error(`n8n did not load ${name}; log:\n${n8n.tail()}`);
		return found;
	};
	const svg = (file: string) => readFileSync(join(REPO_ROOT, 'icons', file), 'utf8');

	it('loads the package without errors', () => {
		expect(n8n.log).not.toMatch(new RegExp(`(Failed to load|Error loading).*${PACKAGE_NAME}`, 'i'));
		expect(n8n.log).not.toMatch(/salesforce.*(is not a valid|cannot find module)/i);
	});

	it('offers the action node, its AI-tool variant and the trigger, each with the credentials it takes', () => {
		const action = ours(nodeTypes, NODE_TYPES.action);
		const trigger = ours(nodeTypes, NODE_TYPES.trigger);
		ours(nodeTypes, `${NODE_TYPES.action}Tool`);
		expect(action.displayName).toBe('Salesforce Service Cloud');
		expect(trigger.displayName).toBe('Salesforce Service Cloud Trigger');
		expect(trigger.polling).toBe(true);
		for (const node of [action, trigger]) {
			expect(node.credentials?.map((c) => c.name).sort()).toEqual(
				Object.values(CREDENTIAL_TYPES).sort(),
			);
			expect(node.properties?.map((p) => p.name)).toContain('authentication');
		}
		expect(action.properties?.map((p) => p.name)).toEqual(
			expect.arrayContaining(['resource', 'operation']),
		);
	});

	it('offers the three credential types', () => {
		const ourTypes: string[] = Object.values(CREDENTIAL_TYPES);
		const names = credentialTypes
			.filter((t) => ourTypes.includes(t.name))
			.map((t) => t.displayName)
			.sort();
		expect(names).toEqual([
			'Salesforce Service Cloud Client Credentials API',
			'Salesforce Service Cloud JWT API',
			'Salesforce Service Cloud OAuth2 API',
		]);
	});

	it('serves the package icons (light and dark) for every node and credential type', async () => {
		const described = [
			ours(nodeTypes, NODE_TYPES.action),
			ours(nodeTypes, NODE_TYPES.trigger),
			...Object.values(CREDENTIAL_TYPES).map((name) => ours(credentialTypes, name)),
		];
		for (const type of described) {
			const { iconUrl } = type;
			if (!iconUrl || typeof iconUrl === 'string')
				throw new Error(`${type.name} has no light and dark icon: ${JSON.stringify(iconUrl)}`);
			for (const [url, file] of [
				[iconUrl.light, 'salesforce-service-cloud.svg'],
				[iconUrl.dark, 'salesforce-service-cloud.dark.svg'],
			]) {
				const icon = await api.fetchRaw(`/${url}`);
				expect({
					type: type.name,
					url,
					status: icon.status,
					contentType: icon.type.split(';')[0],
				}).toEqual({ type: type.name, url, status: 200, contentType: 'image/svg+xml' });
				expect(icon.body).toBe(svg(file));
			}
		}
	});
});
