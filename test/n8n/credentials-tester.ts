import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialTestFunctions,
	ICredentialTestRequestData,
	ICredentialsDecrypted,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	ITaskDataConnections,
} from 'n8n-workflow';
import { VersionedNodeType, Workflow, createEmptyRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { TestCredentialTypes } from './credential-types';
import type { TestCredentialsHelper } from './credentials-helper';
import { prepareN8nEnvironment } from './environment';
import { createMockNodeTypes } from './mock-node-types';
import type { TestNodeTypes } from './node-types';

export type CredentialTestResult = INodeCredentialTestResult;

export interface TestCredentialOptions {
	/**
	 * Fields the user has changed in the dialog but not saved: the editor sends the whole form,
	 * the CLI puts the stored values back for redacted secrets. Default: the stored data as is.
	 */
	changes?: ICredentialDataDecryptedObject;
}

// packages/cli/src/constants.ts RESPONSE_ERROR_MESSAGES
const OAUTH2_CREDENTIAL_TEST_SUCCEEDED = 'Connection Successful!';
const OAUTH2_CREDENTIAL_TEST_FAILED = 'This OAuth2 credential was not connected to an account.';

/**
 * The credential test, as the CLI runs it (packages/cli/src/credentials/credentials.controller.ts
 * `POST /credentials/test` -> packages/cli/src/services/credentials-tester.service.ts):
 *
 * 1. The test: the type's own `test` request; else, among the nodes that use the type, an OAuth2
 *    type gets n8n's "is there an access token" check, and a node's `testedBy` gives a function
 *    (`methods.credentialTest[name]`) or a request.
 * 2. The data: defaults of the type applied (`applyDefaultsAndOverwrites`, mode 'internal').
 * 3. A function is called with a `CredentialTestContext`. A request runs through n8n-core's
 *    `RoutingNode` on a copy of the noOp node (or of the node that declared it) whose only
 *    property carries the request, with the credential in the node (`{ id, name }`); so the
 *    request goes through `httpRequestWithAuthentication`: `preAuthentication` (and its save into
 *    the store), `authenticate`, and on a 401 one more `preAuthentication` and a retry; for an
 *    OAuth2 type, n8n-core's refresh from the STORED token.
 * 4. Failures become messages as the CLI words them: a `responseCode` rule's message; else the
 *    HTTP status text or `Received HTTP status code: <code>`; a network error's code; else the
 *    error's message. A `responseSuccessBody` rule can fail a 2xx. Success: 'Connection successful!'.
 *
 * Simplified: no `$secrets` redaction in messages (no external secrets here), no error reporter.
 */
export class CredentialsTester {
	constructor(
		private readonly nodeTypes: TestNodeTypes,
		private readonly credentialTypes: TestCredentialTypes,
		private readonly credentialsHelper: TestCredentialsHelper,
	) {}

	/** Tests a saved credential, as the editor does after saving it. */
	async testStored(
		credential: INodeCredentialsDetails & { id: string },
		options: TestCredentialOptions = {},
	): Promise<INodeCredentialTestResult> {
		await prepareN8nEnvironment();
		const row = this.credentialsHelper.store.find(
			credential.id,
			this.credentialsHelper.store.typeOf(credential.id),
		);
		if (!row) throw new Error(`No credential with id ${credential.id}`);
		const data = { ...this.credentialsHelper.store.read(row.id), ...options.changes };
		return await this.testCredentials(row.type, {
			id: row.id,
			name: row.name,
			type: row.type,
			data,
		});
	}

	getCredentialTestFunction(
		credentialType: string,
	): ICredentialTestFunction | ICredentialTestRequestData | undefined {
		const type = this.credentialTypes.getByName(credentialType);
		if (type.test) return { testRequest: type.test };

		for (const nodeName of this.credentialTypes.getSupportedNodes(credentialType)) {
			const node = this.nodeTypes.getByName(nodeName);
			const allNodeTypes: INodeType[] =
				node instanceof VersionedNodeType || 'nodeVersions' in node
					? Object.values(node.nodeVersions)
					: [node];
			for (const nodeType of allNodeTypes) {
				for (const { name, testedBy } of nodeType.description.credentials ?? []) {
					if (
						name === credentialType &&
						(this.credentialTypes.getParentTypes(name).includes('oAuth2Api') ||
							name === 'oAuth2Api')
					) {
						return async function oauth2CredTest(
							this: ICredentialTestFunctions,
							cred: ICredentialsDecrypted,
						): Promise<INodeCredentialTestResult> {
							return hasAccessToken(cred)
								? { status: 'OK', message: OAUTH2_CREDENTIAL_TEST_SUCCEEDED }
								: { status: 'Error', message: OAUTH2_CREDENTIAL_TEST_FAILED };
						};
					}
					if (name === credentialType && !!testedBy) {
						if (typeof testedBy === 'string') {
							if ('nodeVersions' in node) {
								// Versioned: the latest version that has the function.
								for (const version of Object.keys(node.nodeVersions).sort().reverse()) {
									const credentialTest =
										node.nodeVersions[parseInt(version, 10)].methods?.credentialTest;
									if (credentialTest && testedBy in credentialTest) return credentialTest[testedBy];
								}
								return undefined;
							}
							return node.methods?.credentialTest?.[testedBy];
						}
						return { nodeType, testRequest: testedBy };
					}
				}
			}
		}
		return undefined;
	}

	async testCredentials(
		credentialType: string,
		credentialsDecrypted: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		await prepareN8nEnvironment();
		const credentialTestFunction = this.getCredentialTestFunction(credentialType);
		if (credentialTestFunction === undefined)
			return { status: 'Error', message: 'No testing function found for this credential.' };

		const baseAdditionalData = createAdditionalData(this.credentialsHelper);
		if (credentialsDecrypted.data) {
			try {
				credentialsDecrypted.data = await this.credentialsHelper.applyDefaultsAndOverwrites(
					baseAdditionalData,
					credentialsDecrypted.data,
					credentialType,
					'internal',
				);
			} catch (error) {
				return { status: 'Error', message: String(error instanceof Error ? error.message : error) };
			}
		}

		if (typeof credentialTestFunction === 'function') {
			const context = new CredentialTestContext(baseAdditionalData);
			return await credentialTestFunction.call(context, credentialsDecrypted);
		}
		return await this.runRequestTest(credentialType, credentialsDecrypted, credentialTestFunction);
	}

	private async runRequestTest(
		credentialType: string,
		credentialsDecrypted: ICredentialsDecrypted,
		credentialTestFunction: ICredentialTestRequestData,
	): Promise<INodeCredentialTestResult> {
		const nodeType =
			credentialTestFunction.nodeType ?? this.nodeTypes.getByNameAndVersion('n8n-nodes-base.noOp');
		const { version } = nodeType.description;
		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			// The loaded type's own (short) name, as in the CLI: 'noOp' for n8n's noOp. So the helper's
			// `isTestingCredentials` check (type 'n8n-nodes-base.noOp') does not match and the test does
			// not force preAuthentication: a stored, live session is tested as it is.
			type: nodeType.description.name,
			typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
			position: [0, 0],
			credentials: {
				[credentialType]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
			},
		};
		const nodeTypeCopy: INodeType = {
			description: {
				...nodeType.description,
				credentials: [{ name: credentialType, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: credentialTestFunction.testRequest.request },
						default: '',
					},
				],
			},
		};
		const { nodesData, nodeTypes } = createMockNodeTypes();
		nodesData[nodeTypeCopy.description.name] = { sourcePath: '', type: nodeTypeCopy };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

		const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
		const connectionInputData: INodeExecutionData[] = [];
		const additionalData = createAdditionalData(this.credentialsHelper, {
			currentNodeParameters: node.parameters,
		});
		const executeData: IExecuteData = { node, data: {}, source: null };
		const executeFunctions = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'internal',
			createEmptyRunExecutionData(),
			0,
			connectionInputData,
			inputData,
			executeData,
			[],
		);
		const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

		let response: INodeExecutionData[][] | null | undefined;
		try {
			await workflow.expression.acquireIsolate();
			response = await routingNode.runNode();
		} catch (error) {
			// Failures are not thrown, so that the rules can word them.
			const cause =
				error instanceof Error
					? (error.cause as
							| { response?: { status: number; statusText?: string }; code?: string }
							| undefined)
					: undefined;
			if (cause?.response) {
				const statusCode = cause.response.status;
				for (const rule of credentialTestFunction.testRequest.rules ?? []) {
					if (rule.type === 'responseCode' && statusCode === rule.properties.value)
						return { status: 'Error', message: rule.properties.message };
				}
				if (statusCode < 199 || statusCode > 299) {
					return {
						status: 'Error',
						message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
					};
				}
			} else if (cause?.code) {
				return { status: 'Error', message: cause.code };
			}
			return { status: 'Error', message: String(error instanceof Error ? error.message : error) };
		} finally {
			await workflow.expression.releaseIsolate();
		}

		for (const rule of credentialTestFunction.testRequest.rules ?? []) {
			if (rule.type === 'responseSuccessBody') {
				const responseData = response?.[0]?.[0]?.json;
				if (valueAt(responseData, rule.properties.key) === rule.properties.value)
					return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK', message: 'Connection successful!' };
	}
}

function hasAccessToken(credentialsDecrypted: ICredentialsDecrypted): boolean {
	const oauthTokenData = credentialsDecrypted?.data?.oauthTokenData;
	if (
		typeof oauthTokenData !== 'object' ||
		oauthTokenData === null ||
		Array.isArray(oauthTokenData)
	)
		return false;
	return 'access_token' in oauthTokenData;
}

/** lodash's `get` for a dotted path, as the CLI reads `responseSuccessBody` keys. */
function valueAt(data: unknown, path: string): unknown {
	let value = data;
	for (const key of path.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}
