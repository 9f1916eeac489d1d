import type { FieldDescribe, FieldType, PicklistValue } from './describe-types';

/** A field as the sandbox defines it: the describe keys that matter, the rest derived. */
export interface FieldSpec {
	name: string;
	type: FieldType;
	label?: string;
	nillable?: boolean;
	createable?: boolean;
	updateable?: boolean;
	defaultedOnCreate?: boolean;
	defaultValue?: unknown;
	externalId?: boolean;
	idLookup?: boolean;
	unique?: boolean;
	caseSensitive?: boolean;
	length?: number;
	precision?: number;
	scale?: number;
	referenceTo?: string[];
	relationshipName?: string | null;
	picklist?: Array<string | PicklistValue>;
	restrictedPicklist?: boolean;
	autoNumber?: boolean;
	calculated?: boolean;
	nameField?: boolean;
	custom?: boolean;
	filterable?: boolean;
	sortable?: boolean;
	groupable?: boolean;
	htmlFormatted?: boolean;
	inlineHelpText?: string | null;
	compoundFieldName?: string | null;
}

/** Fields Salesforce maintains itself: never writable through the API. */
const SYSTEM_FIELDS = new Set([
	'Id',
	'IsDeleted',
	'CreatedDate',
	'CreatedById',
	'LastModifiedDate',
	'LastModifiedById',
	'SystemModstamp',
	'LastViewedDate',
	'LastReferencedDate',
	'LastActivityDate',
	'MasterRecordId',
]);

const SOAP_TYPES: Record<string, string> = {
	id: 'tns:ID',
	reference: 'tns:ID',
	boolean: 'xsd:boolean',
	int: 'xsd:int',
	long: 'xsd:long',
	double: 'xsd:double',
	currency: 'xsd:double',
	percent: 'xsd:double',
	date: 'xsd:date',
	datetime: 'xsd:dateTime',
	time: 'xsd:time',
	base64: 'xsd:base64Binary',
	address: 'urn:address',
	location: 'urn:location',
	anyType: 'xsd:anyType',
};

const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
	id: 18,
	reference: 18,
	string: 255,
	textarea: 32000,
	email: 80,
	phone: 40,
	url: 255,
	picklist: 255,
	multipicklist: 4099,
	combobox: 255,
	encryptedstring: 175,
};

function picklistValue(v: string | PicklistValue, isDefault: boolean): PicklistValue {
	if (typeof v !== 'string') return v;
	return { active: true, defaultValue: isDefault, label: v, validFor: null, value: v };
}

/** A complete describe entry from a spec; `writable` says whether the sandbox lets the API write it. */
export function completeField(spec: FieldSpec): FieldDescribe {
	const t = spec.type;
	const system = SYSTEM_FIELDS.has(spec.name);
	const isBoolean = t === 'boolean';
	const readOnlyType = t === 'id' || t === 'address' || t === 'location';
	const calculated = spec.calculated ?? false;
	const autoNumber = spec.autoNumber ?? false;
	const picklistValues = (spec.picklist ?? []).map((v) =>
		picklistValue(v, v === spec.defaultValue),
	);
	const picklistDefault = picklistValues.find((p) => p.defaultValue)?.value ?? null;
	const defaultValue =
		spec.defaultValue !== undefined ? spec.defaultValue : isBoolean ? false : picklistDefault;
	const writable = !system && !readOnlyType && !calculated && !autoNumber;
	const length = spec.length ?? DEFAULT_LENGTH[t] ?? 0;
	return {
		aggregatable: ![
			'textarea',
			'boolean',
			'multipicklist',
			'address',
			'location',
			'base64',
		].includes(t),
		aiPredictionField: false,
		autoNumber,
		byteLength: length * 3,
		calculated,
		calculatedFormula: null,
		cascadeDelete: false,
		caseSensitive: spec.caseSensitive ?? false,
		compoundFieldName: spec.compoundFieldName ?? null,
		controllerName: null,
		createable: spec.createable ?? writable,
		custom: spec.custom ?? spec.name.endsWith('__c'),
		defaultValue,
		defaultValueFormula: null,
		defaultedOnCreate:
			spec.defaultedOnCreate ??
			(t === 'id' ||
				isBoolean ||
				autoNumber ||
				system ||
				spec.name === 'OwnerId' ||
				picklistDefault !== null),
		dependentPicklist: false,
		deprecatedAndHidden: false,
		digits: t === 'int' ? 9 : 0,
		displayLocationInDecimal: false,
		encrypted: false,
		externalId: spec.externalId ?? false,
		extraTypeInfo: null,
		filterable: spec.filterable ?? !['textarea', 'address', 'location', 'base64'].includes(t),
		filteredLookupInfo: null,
		formulaTreatNullNumberAsZero: false,
		groupable:
			spec.groupable ??
			[
				'string',
				'picklist',
				'boolean',
				'id',
				'reference',
				'email',
				'phone',
				'date',
				'combobox',
				'url',
			].includes(t),
		highScaleNumber: false,
		htmlFormatted: spec.htmlFormatted ?? false,
		idLookup: spec.idLookup ?? (t === 'id' || !!spec.externalId),
		inlineHelpText: spec.inlineHelpText ?? null,
		label: spec.label ?? labelFor(spec.name),
		length,
		mask: null,
		maskType: null,
		name: spec.name,
		nameField: spec.nameField ?? false,
		namePointing: (spec.referenceTo?.length ?? 0) > 1,
		nillable: spec.nillable ?? !(t === 'id' || isBoolean || system),
		permissionable: !system && (spec.nillable ?? true) && !readOnlyType && t !== 'boolean',
		picklistValues,
		polymorphicForeignKey: (spec.referenceTo?.length ?? 0) > 1,
		precision: spec.precision ?? (t === 'double' || t === 'currency' || t === 'percent' ? 18 : 0),
		queryByDistance: false,
		referenceTargetField: null,
		referenceTo: spec.referenceTo ?? [],
		relationshipName:
			spec.relationshipName ?? (t === 'reference' ? relationshipNameFor(spec.name) : null),
		relationshipOrder: null,
		restrictedDelete: false,
		restrictedPicklist: spec.restrictedPicklist ?? false,
		scale: spec.scale ?? (t === 'currency' ? 2 : 0),
		searchPrefilterable: false,
		soapType: SOAP_TYPES[t] ?? 'xsd:string',
		sortable:
			spec.sortable ?? !['textarea', 'multipicklist', 'address', 'location', 'base64'].includes(t),
		type: t,
		unique: spec.unique ?? false,
		updateable: spec.updateable ?? (writable && spec.name !== 'CaseNumber'),
		writeRequiresMasterRead: false,
	};
}

/** `AccountId` -> `Account`, `Custom__c` -> `Custom__r`. */
export function relationshipNameFor(fieldName: string): string | null {
	if (fieldName.endsWith('__c')) return `${fieldName.slice(0, -3)}__r`;
	if (fieldName.endsWith('Id') && fieldName.length > 2) return fieldName.slice(0, -2);
	return null;
}

function labelFor(name: string): string {
	return name
		.replace(/__c$/, '')
		.replace(/_/g, ' ')
		.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * Completes a recorded partial describe entry (the SOQL-metadata cache keeps only some keys):
 * the recorded keys win, the missing ones are derived as for a spec.
 */
export function completeRecordedField(
	recorded: Partial<FieldDescribe> & { name: string; type: FieldType },
	overrides: Partial<FieldSpec> = {},
): FieldDescribe {
	const derived = completeField({
		name: recorded.name,
		type: recorded.type,
		nillable: recorded.nillable,
		referenceTo: recorded.referenceTo,
		relationshipName: recorded.relationshipName,
		picklist: recorded.picklistValues,
		defaultValue: recorded.defaultValue ?? undefined,
		custom: recorded.custom,
		...overrides,
	});
	const merged = {
		...derived,
		...recorded,
		...pick(derived, Object.keys(overrides) as Array<keyof FieldDescribe>),
	};
	if (
		merged.picklistValues.some((p) => p.defaultValue) &&
		overrides.defaultedOnCreate === undefined
	)
		merged.defaultedOnCreate = true;
	return merged;
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<T> {
	const out: Partial<T> = {};
	for (const k of keys) if (k in obj) out[k] = obj[k];
	return out;
}
