import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeCredentialsDetails,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';

import { CredentialStore } from './credential-store';
import { TestCredentialTypes } from './credential-types';
import { TestCredentialsHelper } from './credentials-helper';
import type { CredentialTestResult, TestCredentialOptions } from './credentials-tester';
import { CredentialsTester } from './credentials-tester';
import type { ExecuteOptions, NodeRun } from './execute-node';
import { executeNode } from './execute-node';
import type { ListSearchOptions, LoadOptionsOptions, ResourceMappingOptions } from './load-options';
import { listSearch, loadOptions, resourceMapping } from './load-options';
import { TestNodeTypes } from './node-types';
import type { ActivePollOptions } from './poll';
import { ActivePoll } from './poll';

export interface HarnessOptions {
	/** Our credential types (n8n's `oAuth2Api` is always known). */
	credentials?: ICredentialType[];
	/** Our node types; they are known as `<packageName>.<description.name>`. */
	nodes?: Array<INodeType | IVersionedNodeType>;
	packageName?: string;
}

/**
 * One n8n instance for a test: the credential types and nodes it has loaded, its credential
 * store, and the ways n8n runs code from a package (node execution, polling, load-options
 * methods, the credential test). Everything runs through n8n-core's own classes; what the n8n
 * host (packages/cli) would provide is reproduced in this folder.
 */
export class N8nHarness {
	readonly store = new CredentialStore();
	readonly nodeTypes: TestNodeTypes;
	readonly credentialTypes: TestCredentialTypes;
	readonly credentialsHelper: TestCredentialsHelper;

	constructor(options: HarnessOptions = {}) {
		this.nodeTypes = new TestNodeTypes(options.nodes ?? [], options.packageName);
		this.credentialTypes = new TestCredentialTypes(
			options.credentials ?? [],
			this.nodeTypes.supportedNodes(),
		);
		this.credentialsHelper = new TestCredentialsHelper(this.credentialTypes, this.store);
	}

	/** Saves a credential as the editor does; returns the reference a node stores (`{ id, name }`). */
	addCredential(
		type: string,
		data: ICredentialDataDecryptedObject,
		name?: string,
	): INodeCredentialsDetails & { id: string } {
		this.credentialTypes.getByName(type);
		return this.store.create(type, data, name);
	}

	/** The credential's data as stored now. */
	storedCredential(id: string): ICredentialDataDecryptedObject {
		return this.store.read(id);
	}

	/** Runs a node's `execute()` through n8n-core's WorkflowExecute. */
	async execute(options: ExecuteOptions): Promise<NodeRun> {
		return await executeNode(this.nodeTypes, this.credentialsHelper, options);
	}

	/** An activated polling trigger: `poll()` as n8n runs it, static data kept across polls and restarts. */
	activatePoll(options: ActivePollOptions): ActivePoll {
		return new ActivePoll(this.nodeTypes, this.credentialsHelper, options);
	}

	/** The credential test as the editor's "Test" / save runs it (POST /rest/credentials/test). */
	async testCredential(
		credential: INodeCredentialsDetails & { id: string },
		options: TestCredentialOptions = {},
	): Promise<CredentialTestResult> {
		return await new CredentialsTester(
			this.nodeTypes,
			this.credentialTypes,
			this.credentialsHelper,
		).testStored(credential, options);
	}

	async loadOptions(options: LoadOptionsOptions) {
		return await loadOptions(this.nodeTypes, this.credentialsHelper, options);
	}

	async listSearch(options: ListSearchOptions) {
		return await listSearch(this.nodeTypes, this.credentialsHelper, options);
	}

	async resourceMapping(options: ResourceMappingOptions) {
		return await resourceMapping(this.nodeTypes, this.credentialsHelper, options);
	}
}
