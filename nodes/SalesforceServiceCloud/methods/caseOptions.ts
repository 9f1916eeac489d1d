import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connectToSalesforce } from '../../shared/transport/connection';
import { caseItemFieldOptions } from '../../shared/closedCases/caseFieldOptions';
import { toNodeError } from '../../shared/transport/errorBoundary';
import { closedCaseStatuses } from '../actions/case/closedStatuses';

/** The statuses that close a case in the org (CaseStatus with IsClosed). */
export async function getClosedCaseStatuses(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(this);
		return (await closedCaseStatuses(sf)).map((status) => ({ name: status, value: status }));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** The Case fields Get Conversation can return: the trigger's choice (every Case field, and the owner's, contact's and account's names). */
export async function getCaseConversationFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return caseItemFieldOptions(this);
}
