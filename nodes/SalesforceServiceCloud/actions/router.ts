import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeError } from '../../shared/transport/errorBoundary';
import { operationOf } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operationOf(resource, operation);
	if (!run)
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	const sf = await connectToSalesforce(this);
	try {
		return [await run.execute.call(this, sf)];
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
