import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { caseQueues } from '../../shared/closedCases/caseQueues';
import { connectToSalesforce } from '../../shared/transport/connection';
import { toNodeApiError } from '../../shared/transport/salesforceErrors';

const PARENT_NAME_FIELDS: INodePropertyOptions[] = [
	{ name: "Owner's Name (Owner.Name)", value: 'Owner.Name' },
	{ name: "Contact's Name (Contact.Name)", value: 'Contact.Name' },
	{ name: "Contact's Email (Contact.Email)", value: 'Contact.Email' },
	{ name: "Account's Name (Account.Name)", value: 'Account.Name' },
];

/** The org's Case queues (queues that take Case records), the same list the trigger finds chosen queues in. */
export async function getCaseQueues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(this);
		return (await caseQueues(sf)).map((q) => ({ name: q.name, value: q.id }));
	} catch (error) {
		throw toNodeApiError(this.getNode(), error);
	}
}

/** Every Case field of the org (custom ones included), and the names of the owner, contact and account. */
export async function getCaseFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [...PARENT_NAME_FIELDS, ...(await caseFieldOptions(this, () => true))];
}

/** The Case fields Salesforce can filter on. */
export async function getCaseFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return caseFieldOptions(this, (f) => f.filterable);
}

async function caseFieldOptions(context: ILoadOptionsFunctions, keep: (f: { filterable: boolean }) => boolean): Promise<INodePropertyOptions[]> {
	try {
		const sf = await connectToSalesforce(context);
		const describe = await sf.describes.describe('Case');
		return describe.fields
			.filter(keep)
			.map((f) => ({ name: `${f.label} (${f.name})`, value: f.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toNodeApiError(context.getNode(), error);
	}
}
