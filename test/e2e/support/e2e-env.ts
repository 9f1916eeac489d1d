import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import {
	CREDENTIAL_TYPES,
	type Authentication,
} from '../../../nodes/shared/transport/credentialTypes';
import { AUTHENTICATIONS, credentialData } from '../../connection/credentialData';
import {
	afterContentVersionInsert,
	beforeContentVersionInsert,
} from '../../sandbox-org/core/content-objects';
import { externalIdField, type TestOrg } from '../../sandbox-org/testing';
import { N8nInstance } from './n8n-instance';
import {
	ensureN8n,
	installPackageLikeEditor,
	n8nVersionUnderTest,
	packPackage,
	REPO_ROOT,
} from './n8n-install';

// What the end-to-end suite and `npm start` set up around a sandbox org: a real n8n with the
// package installed, a credential of each kind pointing at the org, and the example workflows.

export { AUTHENTICATIONS, CREDENTIAL_TYPES, type Authentication };

/** The credentials the example workflows refer to (n8n ids are 16 letters and digits). */
export const DEMO_CREDENTIALS: Record<Authentication, { id: string; name: string }> = {
	oAuth2: { id: 'sfSandboxOAuth21', name: 'Sandbox org (OAuth2)' },
	jwt: { id: 'sfSandboxJwt0001', name: 'Sandbox org (JWT)' },
	clientCredentials: { id: 'sfSandboxClient1', name: 'Sandbox org (client credentials)' },
};

export const NODE_TYPES = {
	action: 'n8n-nodes-salesforce-service-cloud.salesforceServiceCloud',
	trigger: 'n8n-nodes-salesforce-service-cloud.salesforceServiceCloudTrigger',
};

export const WORKFLOWS_DIR = join(REPO_ROOT, 'test', 'workflows');

/** The External ID field on Lead the lead-upsert example matches on; a real org adds its own. */
export const LEAD_EXTERNAL_ID_FIELD = 'External_Id__c';

/** The files the org's latest closed case holds for the attachments example: one on the case, one on its email. */
export const CLOSED_CASE_FILES = {
	onCase: {
		path: 'return-label.txt',
		text: 'Return label RMA-4471\nShip to: Returns desk, Dock 3\n',
	},
	onEmail: { path: 'photo-of-damage.png', bytes: Buffer.alloc(2048, 0x89) },
};

/** A file uploaded to a record as Salesforce stores it (ContentVersion, its ContentDocument, the links). */
function addFile(t: TestOrg, recordId: string, pathOnClient: string, bytes: Buffer): void {
	const store = t.org.store;
	const userId = t.identity.userId;
	const values: Record<string, unknown> = {
		PathOnClient: pathOnClient,
		VersionData: bytes,
		FirstPublishLocationId: recordId,
	};
	beforeContentVersionInsert(store, values, userId);
	const versionId = store.insert('ContentVersion', values, { userId });
	afterContentVersionInsert(store, versionId, userId);
}

/** The case closed most recently (the demo data has closed cases). */
export function latestClosedCase(t: TestOrg): Record<string, unknown> | undefined {
	return t.org.store
		.rows('Case')
		.filter((c) => c.IsClosed === true)
		.sort((a, b) => Number(b.ClosedDate) - Number(a.ClosedDate))[0];
}

/**
 * Shapes the org the way the example workflows expect it: an External ID field on Lead, and files on
 * the latest closed case (one on the case, one on its first email) when it has none.
 */
export function prepareOrgForExamples(t: TestOrg): void {
	const closed = latestClosedCase(t);
	const caseId = closed ? String(closed.Id) : undefined;
	if (caseId && !t.org.store.rows('ContentDocumentLink').some((l) => l.LinkedEntityId === caseId)) {
		const { onCase, onEmail } = CLOSED_CASE_FILES;
		addFile(t, caseId, onCase.path, Buffer.from(onCase.text));
		const email = t.org.store.rows('EmailMessage').find((e) => e.ParentId === caseId);
		if (email) addFile(t, String(email.Id), onEmail.path, onEmail.bytes);
	}
	if (!t.org.schema.get('Lead')?.field(LEAD_EXTERNAL_ID_FIELD)) {
		t.org.schema.addCustomField(
			'Lead',
			externalIdField(LEAD_EXTERNAL_ID_FIELD, { label: 'External ID' }),
		);
	}
}

/** The three credentials, as `n8n import:credentials` reads them, pointing at the org (its URL as My Domain). */
export async function demoCredentials(t: TestOrg): Promise<object[]> {
	return Promise.all(
		AUTHENTICATIONS.map(async (a) => ({
			...DEMO_CREDENTIALS[a],
			type: CREDENTIAL_TYPES[a],
			data: await credentialData(t, a),
		})),
	);
}

export interface WorkflowJson {
	id: string;
	name: string;
	versionId?: string;
	active?: boolean;
	nodes: Array<
		{
			name: string;
			type: string;
			parameters: Record<string, unknown>;
			credentials?: Record<string, { id: string; name: string }>;
		} & Record<string, unknown>
	>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/** The example workflows in test/workflows, by file name. */
export function exampleWorkflows(): Record<string, WorkflowJson> {
	const all: Record<string, WorkflowJson> = {};
	for (const file of readdirSync(WORKFLOWS_DIR).filter((f) => f.endsWith('.json'))) {
		all[file] = JSON.parse(readFileSync(join(WORKFLOWS_DIR, file), 'utf8')) as WorkflowJson;
	}
	return all;
}

/**
 * A copy of `workflow` whose Salesforce nodes use the `authentication` kind and its demo
 * credential, under a new id (n8n ids: up to 16 letters and digits).
 */
export function withAuthentication(
	workflow: WorkflowJson,
	authentication: Authentication,
	id: string,
): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	copy.id = id;
	copy.versionId = `${id}-v1`.padEnd(36, '0').slice(0, 36);
	copy.name = `${workflow.name} (${authentication})`;
	for (const node of copy.nodes) {
		if (node.type !== NODE_TYPES.action && node.type !== NODE_TYPES.trigger) continue;
		node.parameters.authentication = authentication;
		node.credentials = { [CREDENTIAL_TYPES[authentication]]: DEMO_CREDENTIALS[authentication] };
	}
	return copy;
}

let tarball: string | undefined;

/** The package tarball: E2E_PACKAGE_TARBALL (scripts/e2e.sh packs once), or packed now from dist/. */
export function packageTarball(): string {
	const given = process.env.E2E_PACKAGE_TARBALL;
	if (given && existsSync(given)) return given;
	tarball ??= packPackage();
	return tarball;
}

/** A real n8n of the version under test (N8N_VERSION) with the package installed in a new user folder. */
export function n8nWithPackage(
	options: { env?: Record<string, string>; userFolder?: string; port?: number } = {},
): N8nInstance {
	const version = n8nVersionUnderTest();
	const n8n = new N8nInstance({
		installDir: ensureN8n(version),
		version,
		echo: process.env.E2E_ECHO === '1',
		...options,
	});
	installPackageLikeEditor(n8n.userFolder, packageTarball());
	return n8n;
}
