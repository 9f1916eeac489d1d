import type {
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';

import type { TestNodeTypes } from './node-types';

export interface NodeSpec {
	/** The node object as given to the harness. */
	type: INodeType | IVersionedNodeType;
	/** Node parameters as the editor saves them (defaults are filled in by n8n's `Workflow`). */
	parameters?: INodeParameters;
	/** `{ [credentialType]: { id, name } }`, as a saved workflow references credentials. */
	credentials?: INodeCredentials;
	typeVersion?: number;
	name?: string;
	/** The node settings n8n's engine honours: `continueOnFail`, `onError`, `retryOnFail`, ... */
	settings?: Partial<
		Pick<
			INode,
			| 'continueOnFail'
			| 'onError'
			| 'retryOnFail'
			| 'maxTries'
			| 'waitBetweenTries'
			| 'alwaysOutputData'
			| 'executeOnce'
		>
	>;
}

/** The workflow node n8n would store for this spec (a fresh object: `Workflow` writes defaults into it). */
export function workflowNode(nodeTypes: TestNodeTypes, spec: NodeSpec): INode {
	return {
		id: 'node-under-test',
		name: spec.name ?? spec.type.description.displayName,
		type: nodeTypes.fullName(spec.type),
		typeVersion: spec.typeVersion ?? latestVersion(spec.type),
		position: [0, 0],
		parameters: structuredClone(spec.parameters ?? {}),
		...(spec.credentials ? { credentials: structuredClone(spec.credentials) } : {}),
		...spec.settings,
	};
}

function latestVersion(type: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in type) return type.currentVersion;
	const { version } = type.description;
	return Array.isArray(version) ? version[version.length - 1] : version;
}
