import type { FieldSpec } from './fields';
import { completeField } from './fields';
import { standardFields, type Schema } from './schema';

// The Organization object: one row, the org itself, which clients query before anything else (the
// Salesforce CLI runs `SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix,
// OrganizationType, CreatedDate FROM Organization`). Fields hand-written from the Object Reference's
// "Organization" page (the ones clients read; not all of the object's fields). Read-only through the API here.

const readOnly = { createable: false, updateable: false } as const;

const fields: FieldSpec[] = [
	{ name: 'Name', type: 'string', nillable: false, nameField: true, length: 80, ...readOnly },
	{ name: 'Division', type: 'string', length: 80, ...readOnly },
	{ name: 'Street', type: 'textarea', length: 255, ...readOnly },
	{ name: 'City', type: 'string', length: 40, ...readOnly },
	{ name: 'State', type: 'string', length: 80, ...readOnly },
	{ name: 'PostalCode', type: 'string', length: 20, ...readOnly },
	{ name: 'Country', type: 'string', length: 80, ...readOnly },
	{ name: 'Phone', type: 'phone', length: 40, ...readOnly },
	{ name: 'PrimaryContact', type: 'string', length: 80, ...readOnly },
	{ name: 'DefaultLocaleSidKey', type: 'picklist', picklist: ['en_US'], ...readOnly },
	{ name: 'LanguageLocaleKey', type: 'picklist', picklist: ['en_US'], ...readOnly },
	{
		name: 'TimeZoneSidKey',
		type: 'picklist',
		picklist: ['America/Los_Angeles', 'GMT'],
		...readOnly,
	},
	{ name: 'InstanceName', type: 'string', length: 5, ...readOnly },
	{ name: 'IsSandbox', type: 'boolean', ...readOnly },
	{ name: 'IsReadOnly', type: 'boolean', ...readOnly },
	{
		name: 'OrganizationType',
		type: 'picklist',
		picklist: [
			'Developer Edition',
			'Enterprise Edition',
			'Unlimited Edition',
			'Professional Edition',
		],
		...readOnly,
	},
	{ name: 'NamespacePrefix', type: 'string', length: 15, ...readOnly },
	{ name: 'TrialExpirationDate', type: 'datetime', ...readOnly },
	{ name: 'FiscalYearStartMonth', type: 'int', ...readOnly },
];

export function addOrganizationObject(schema: Schema): void {
	schema.add({
		name: 'Organization',
		label: 'Organization',
		labelPlural: 'Organizations',
		keyPrefix: '00D',
		createable: false,
		updateable: false,
		deletable: false,
		fields: [...standardFields(), ...fields.map(completeField)],
	});
}

/** The org's own row (a Developer Edition on a sandbox instance). */
export const organizationRow = (name: string) => ({
	Name: name,
	Country: 'US',
	DefaultLocaleSidKey: 'en_US',
	LanguageLocaleKey: 'en_US',
	TimeZoneSidKey: 'GMT',
	InstanceName: 'SB1',
	IsSandbox: false,
	IsReadOnly: false,
	OrganizationType: 'Developer Edition',
	NamespacePrefix: null,
	TrialExpirationDate: null,
	FiscalYearStartMonth: 1,
});
