import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { FieldNameError } from '../../shared/soql/fieldNames';
import { ConditionError } from '../../shared/soql/conditions';
import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeApiError } from '../../shared/transport/salesforceErrors';
import { operationOf } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operationOf(resource, operation);
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	const sf = await connectToSalesforce(this);
	try {
		return [await run.execute.call(this, sf)];
	} catch (error) {
		if (error instanceof NodeOperationError || error instanceof NodeApiError) throw error;
		if (error instanceof FieldNameError || error instanceof ConditionError) throw new NodeOperationError(this.getNode(), error.message);
		throw toNodeApiError(this.getNode(), error);
	}
}
