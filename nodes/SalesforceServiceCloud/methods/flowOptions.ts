import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeError } from '../../shared/transport/errorBoundary';
import { onDemandFlows } from '../actions/flow/flowDefinitions';

/** The org's active autolaunched flows that run on request (FlowDefinitionView), by label. */
export async function getAutolaunchedFlows(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(this);
		return (await onDemandFlows(sf)).map((flow) => ({
			name: flow.Label ? `${flow.Label} (${flow.ApiName})` : flow.ApiName,
			value: flow.ApiName,
			...(flow.Description ? { description: flow.Description } : {}),
		}));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
