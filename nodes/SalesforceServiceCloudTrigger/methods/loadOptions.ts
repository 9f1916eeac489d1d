import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { caseFieldOptions, caseItemFieldOptions } from '../../shared/closedCases/caseFieldOptions';
import { caseQueues } from '../../shared/closedCases/caseQueues';
import { fieldOptions, queryableObjectOptions } from '../../shared/schema/fieldOptions';
import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeError } from '../../shared/transport/errorBoundary';

/** The org's Case queues (queues that take Case records), the same list the trigger finds chosen queues in. */
export async function getCaseQueues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(this);
		return (await caseQueues(sf)).map((q) => ({ name: q.name, value: q.id }));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** Every Case field of the org (custom ones included), and the names of the owner, contact and account. */
export async function getCaseFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return caseItemFieldOptions(this);
}

/** The Case fields Salesforce can filter on. */
export async function getCaseFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return caseFieldOptions(this, (f) => f.filterable);
}

/** The org's objects the user can query, standard and custom (Record Created, Record Updated). */
export async function getObjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return queryableObjectOptions(this);
}

/** Every field of the chosen object. */
export async function getRecordFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(this, String(this.getCurrentNodeParameter('objectName') ?? ''), () => true);
}

/** The fields of the chosen object Salesforce can filter on. */
export async function getRecordFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(
		this,
		String(this.getCurrentNodeParameter('objectName') ?? ''),
		(f) => f.filterable,
	);
}

/** The chat transcript (LiveChatTranscript) fields Salesforce can filter on (Chat Ended). */
export async function getChatFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(this, 'LiveChatTranscript', (f) => f.filterable);
}

/** The messaging session (MessagingSession) fields Salesforce can filter on (Messaging Session Ended). */
export async function getMessagingSessionFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(this, 'MessagingSession', (f) => f.filterable);
}
