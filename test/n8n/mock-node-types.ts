import type {
	IDataObject,
	INode,
	INodeType,
	INodeTypeData,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

/**
 * The throwaway node registry the CLI uses for workflows that only resolve expressions
 * (packages/cli/src/credentials/mock-node-types.ts) and for the credential tester's temporary
 * workflow: a `mock` node with no properties, plus whatever a caller adds to `nodesData`.
 */
export function createMockNodeTypes(): { nodesData: INodeTypeData; nodeTypes: INodeTypes } {
	const mockType: INodeType = {
		description: {
			displayName: 'Mock',
			name: 'mock',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
		},
	};
	const nodesData: INodeTypeData = { mock: { sourcePath: '', type: mockType } };
	const nodeTypes: INodeTypes = {
		getKnownTypes(): IDataObject {
			return {};
		},
		getByName(nodeType: string): INodeType | IVersionedNodeType {
			return nodesData[nodeType]?.type;
		},
		getByNameAndVersion(nodeType: string, version?: number): INodeType {
			// The CLI's RESPONSE_ERROR_MESSAGES.NO_NODE.
			if (!nodesData[nodeType])
				throw new UnexpectedError('This node is not currently installed', { tags: { nodeType } });
			return NodeHelpers.getVersionedNodeType(nodesData[nodeType].type, version);
		},
	};
	return { nodesData, nodeTypes };
}

export const { nodeTypes: mockNodeTypes } = createMockNodeTypes();

/** The CLI's `mockNode` (a fresh object each time: `Workflow` writes defaults into its parameters). */
export function mockNode(): INode {
	return { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };
}
