import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fieldOptions } from '../schema/fieldOptions';

const PARENT_NAME_FIELDS: INodePropertyOptions[] = [
	{ name: "Owner's Name (Owner.Name)", value: 'Owner.Name' },
	{ name: "Contact's Name (Contact.Name)", value: 'Contact.Name' },
	{ name: "Contact's Email (Contact.Email)", value: 'Contact.Email' },
	{ name: "Account's Name (Account.Name)", value: 'Account.Name' },
];

/** Every Case field of the org (custom ones included), and the names of the owner, contact and account: what a case item can carry. */
export async function caseItemFieldOptions(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [...PARENT_NAME_FIELDS, ...(await caseFieldOptions(context, () => true))];
}

/** The org's Case fields that `keep` accepts, by label. */
export async function caseFieldOptions(
	context: ILoadOptionsFunctions,
	keep: (f: { filterable: boolean }) => boolean,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(context, 'Case', keep);
}
