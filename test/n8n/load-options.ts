import { LoadOptionsContext } from 'n8n-core';
import type {
	ILoadOptionsFunctions,
	INode,
	INodeCredentials,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IVersionedNodeType,
	ResourceMapperFields,
} from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { TestCredentialsHelper } from './credentials-helper';
import { prepareN8nEnvironment } from './environment';
import type { TestNodeTypes } from './node-types';

interface DynamicParameterRequest {
	/** The node object as given to the harness. */
	type: INodeType | IVersionedNodeType;
	typeVersion?: number;
	/** The method's name under `methods.loadOptions` / `listSearch` / `resourceMapping`. */
	method: string;
	/** The node's parameters as the editor has them when it asks. */
	parameters?: INodeParameters;
	credentials?: INodeCredentials;
	/** The path of the parameter the editor asks for (`parameters.<name>`). */
	path?: string;
}

export type LoadOptionsOptions = DynamicParameterRequest;
export type ResourceMappingOptions = DynamicParameterRequest;
export interface ListSearchOptions extends DynamicParameterRequest {
	filter?: string;
	paginationToken?: string;
}

type MethodKind = 'loadOptions' | 'listSearch' | 'resourceMapping';

/**
 * The editor's dynamic parameter requests, as the CLI's DynamicNodeParametersService runs them:
 * a temporary one-node workflow ('Temp-Node' with the current parameters and credentials) and a
 * `LoadOptionsContext` from n8n-core for the method.
 */
async function contextFor(
	nodeTypes: TestNodeTypes,
	credentialsHelper: TestCredentialsHelper,
	request: DynamicParameterRequest,
	kind: MethodKind,
) {
	await prepareN8nEnvironment();
	const name = nodeTypes.fullName(request.type);
	const nodeType = nodeTypes.getByNameAndVersion(name, request.typeVersion);
	const method: unknown = nodeType.methods?.[kind]?.[request.method];
	if (typeof method !== 'function') {
		throw new UnexpectedError('Node type does not have method defined', {
			tags: { nodeType: nodeType.description.name },
			extra: { methodName: request.method },
		});
	}
	const parameters = structuredClone(request.parameters ?? {});
	const node: INode = {
		parameters,
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: name,
		typeVersion:
			request.typeVersion ??
			(Array.isArray(nodeType.description.version)
				? nodeType.description.version[nodeType.description.version.length - 1]
				: nodeType.description.version),
		position: [0, 0],
		...(request.credentials ? { credentials: request.credentials } : {}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData(credentialsHelper, {
		currentNodeParameters: parameters,
	});
	const context = new LoadOptionsContext(
		workflow,
		workflow.nodes['Temp-Node'],
		additionalData,
		request.path ?? `parameters.${request.method}`,
	);
	return {
		workflow,
		context,
		method: method as (
			this: ILoadOptionsFunctions,
			...args: Array<string | undefined>
		) => Promise<unknown>,
	};
}

export async function loadOptions(
	nodeTypes: TestNodeTypes,
	credentialsHelper: TestCredentialsHelper,
	request: LoadOptionsOptions,
): Promise<INodePropertyOptions[]> {
	const { workflow, context, method } = await contextFor(
		nodeTypes,
		credentialsHelper,
		request,
		'loadOptions',
	);
	return (await workflow.expression.withIsolate(
		async () => await method.call(context),
	)) as INodePropertyOptions[];
}

export async function listSearch(
	nodeTypes: TestNodeTypes,
	credentialsHelper: TestCredentialsHelper,
	request: ListSearchOptions,
): Promise<INodeListSearchResult> {
	const { workflow, context, method } = await contextFor(
		nodeTypes,
		credentialsHelper,
		request,
		'listSearch',
	);
	return (await workflow.expression.withIsolate(
		async () => await method.call(context, request.filter, request.paginationToken),
	)) as INodeListSearchResult;
}

/** Resource mapper fields, duplicates by id removed (as the CLI does). */
export async function resourceMapping(
	nodeTypes: TestNodeTypes,
	credentialsHelper: TestCredentialsHelper,
	request: ResourceMappingOptions,
): Promise<ResourceMapperFields> {
	const { workflow, context, method } = await contextFor(
		nodeTypes,
		credentialsHelper,
		request,
		'resourceMapping',
	);
	const fields = (await workflow.expression.withIsolate(
		async () => await method.call(context),
	)) as ResourceMapperFields;
	const seen = new Set<string>();
	return {
		...fields,
		fields: fields.fields?.filter((field) => !seen.has(field.id) && Boolean(seen.add(field.id))),
	};
}
