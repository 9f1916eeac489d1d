import { UnrecognizedNodeTypeError } from 'n8n-core';
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { NoOp } from './noop.node';

/** The package name n8n prefixes our node types with (`<package>.<description.name>`). */
export const PACKAGE_NAME = 'n8n-nodes-salesforce-service-cloud';

/**
 * The node types n8n has loaded (packages/cli/src/node-types.ts over LoadNodesAndCredentials):
 * looked up by full name `<package>.<name>`, while each type keeps its short `description.name`,
 * as n8n's DirectoryLoader leaves it. What the loader adds to a node is added here too: the
 * `pollTimes` parameter of polling nodes and `__loadOptionsMethods`. The test's node objects are
 * wrapped, not changed. n8n-nodes-base's `noOp` is known, as the credential tester needs it.
 */
export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Array<INodeType | IVersionedNodeType>, packageName = PACKAGE_NAME) {
		this.types.set('n8n-nodes-base.noOp', loaded(new NoOp()));
		for (const node of nodes)
			this.types.set(`${packageName}.${node.description.name}`, loaded(node));
	}

	/** Full type name of a node the harness was given. */
	fullName(node: INodeType | IVersionedNodeType): string {
		for (const [name, type] of this.types) if (Object.getPrototypeOf(type) === node) return name;
		throw new Error(`Node ${node.description.name} was not given to the harness`);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw unrecognized(nodeType);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(
			[...this.types.keys()].map((name) => [name, { className: name, sourcePath: '' }]),
		);
	}

	/** Full node type names per credential type, over all versions (the loader's `supportedNodes`). */
	supportedNodes(): Record<string, string[]> {
		const byCredential: Record<string, string[]> = {};
		for (const [name, type] of this.types) {
			const versions = 'nodeVersions' in type ? Object.values(type.nodeVersions) : [type];
			for (const version of versions) {
				for (const credential of version.description.credentials ?? []) {
					const list = (byCredential[credential.name] ??= []);
					if (!list.includes(name)) list.push(name);
				}
			}
		}
		return byCredential;
	}
}

function unrecognized(fullName: string): UnrecognizedNodeTypeError {
	const dot = fullName.lastIndexOf('.');
	return new UnrecognizedNodeTypeError(fullName.slice(0, dot), fullName.slice(dot + 1));
}

/** The node as the loader hands it out: same behaviour, description post-processed. */
function loaded(node: INodeType | IVersionedNodeType): INodeType | IVersionedNodeType {
	if ('nodeVersions' in node) {
		const nodeVersions = Object.fromEntries(
			Object.entries(node.nodeVersions).map(([version, type]) => [version, loadedVersion(type)]),
		);
		return Object.create(node, {
			nodeVersions: { value: nodeVersions, enumerable: true },
		}) as IVersionedNodeType;
	}
	return loadedVersion(node);
}

function loadedVersion(node: INodeType): INodeType {
	const { description } = node;
	const processed: INodeTypeDescription = {
		...description,
		properties: description.polling
			? [...commonPollingParameters, ...description.properties]
			: description.properties,
		...(node.methods?.loadOptions
			? { __loadOptionsMethods: Object.keys(node.methods.loadOptions) }
			: {}),
	};
	return Object.create(node, { description: { value: processed, enumerable: true } }) as INodeType;
}
