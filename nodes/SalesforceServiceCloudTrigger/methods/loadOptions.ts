import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { caseFieldOptions, caseItemFieldOptions } from '../../shared/closedCases/caseFieldOptions';
import { queryAll } from '../../shared/soql/queryPages';
import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeError } from '../../shared/transport/errorBoundary';

/** The org's Case queues (queues that take Case records). */
export async function getCaseQueues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(this);
		const records = await queryAll<{ QueueId: string; Queue: { Name: string } | null }>(sf, "SELECT QueueId, Queue.Name FROM QueueSobject WHERE SobjectType = 'Case' ORDER BY Queue.Name");
		return records.map((r) => ({ name: r.Queue?.Name ?? r.QueueId, value: r.QueueId }));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** Every Case field of the org (custom ones included), and the names of the owner, contact and account. */
export async function getCaseFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return caseItemFieldOptions(this);
}

/** The Case fields Salesforce can filter on. */
export async function getCaseFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return caseFieldOptions(this, (f) => f.filterable);
}
