// The shapes of Salesforce's describe responses (REST `GET /sobjects/T/describe`).

export type FieldType =
	| 'id'
	| 'string'
	| 'textarea'
	| 'email'
	| 'phone'
	| 'url'
	| 'picklist'
	| 'multipicklist'
	| 'combobox'
	| 'boolean'
	| 'int'
	| 'double'
	| 'currency'
	| 'percent'
	| 'date'
	| 'datetime'
	| 'time'
	| 'reference'
	| 'address'
	| 'location'
	| 'encryptedstring'
	| 'base64'
	| 'anyType'
	| 'long';

export interface PicklistValue {
	active: boolean;
	defaultValue: boolean;
	label: string;
	validFor: string | null;
	value: string;
}

export interface FieldDescribe {
	aggregatable: boolean;
	aiPredictionField: boolean;
	autoNumber: boolean;
	byteLength: number;
	calculated: boolean;
	calculatedFormula: string | null;
	cascadeDelete: boolean;
	caseSensitive: boolean;
	compoundFieldName: string | null;
	controllerName: string | null;
	createable: boolean;
	custom: boolean;
	defaultValue: unknown;
	defaultValueFormula: string | null;
	defaultedOnCreate: boolean;
	dependentPicklist: boolean;
	deprecatedAndHidden: boolean;
	digits: number;
	displayLocationInDecimal: boolean;
	encrypted: boolean;
	externalId: boolean;
	extraTypeInfo: string | null;
	filterable: boolean;
	filteredLookupInfo: unknown;
	formulaTreatNullNumberAsZero: boolean;
	groupable: boolean;
	highScaleNumber: boolean;
	htmlFormatted: boolean;
	idLookup: boolean;
	inlineHelpText: string | null;
	label: string;
	length: number;
	mask: string | null;
	maskType: string | null;
	name: string;
	nameField: boolean;
	namePointing: boolean;
	nillable: boolean;
	permissionable: boolean;
	picklistValues: PicklistValue[];
	polymorphicForeignKey: boolean;
	precision: number;
	queryByDistance: boolean;
	referenceTargetField: string | null;
	referenceTo: string[];
	relationshipName: string | null;
	relationshipOrder: number | null;
	restrictedDelete: boolean;
	restrictedPicklist: boolean;
	scale: number;
	searchPrefilterable: boolean;
	soapType: string;
	sortable: boolean;
	type: FieldType;
	unique: boolean;
	updateable: boolean;
	writeRequiresMasterRead: boolean;
}

export interface ChildRelationship {
	cascadeDelete: boolean;
	childSObject: string;
	deprecatedAndHidden: boolean;
	field: string;
	junctionIdListNames: string[];
	junctionReferenceTo: string[];
	relationshipName: string | null;
	restrictedDelete: boolean;
}

export interface RecordTypeInfo {
	active: boolean;
	available: boolean;
	defaultRecordTypeMapping: boolean;
	developerName: string;
	master: boolean;
	name: string;
	recordTypeId: string;
	urls: { layout: string };
}

/** Object-level describe, less `fields`, `childRelationships` and `recordTypeInfos`. */
export interface ObjectProperties {
	activateable: boolean;
	createable: boolean;
	custom: boolean;
	customSetting: boolean;
	deletable: boolean;
	deprecatedAndHidden: boolean;
	feedEnabled: boolean;
	keyPrefix: string | null;
	label: string;
	labelPlural: string;
	layoutable: boolean;
	mergeable: boolean;
	mruEnabled: boolean;
	name: string;
	queryable: boolean;
	replicateable: boolean;
	retrieveable: boolean;
	searchable: boolean;
	triggerable: boolean;
	undeletable: boolean;
	updateable: boolean;
}
