import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';
import type { IDataObject } from 'n8n-workflow';

import {
	activePicklistValues,
	canMatch,
	type MappingDescribe,
	type MappingField,
} from '../fieldMapping/fieldRules';

/*
 * The facts of an object's describe that the write path checks items against (see
 * fieldMapping/mappedRecord.ts), small enough to keep in a workflow's static data: a describe of
 * Case is 40 to 180 KB; this keeps its field names, labels, types, the create/update/required/
 * filter flags, text lengths, lookups and active picklist values, about a tenth of it (the write
 * path's checks and Find or Create's lookups read nothing else).
 */

/** Field flags, one bit each. */
const CREATEABLE = 1;
const UPDATEABLE = 2;
const NILLABLE = 4;
const DEFAULTED_ON_CREATE = 8;
const EXTERNAL_ID = 16;
const ID_LOOKUP = 32;
const RESTRICTED_PICKLIST = 64;
const FILTERABLE = 128;

/** One field as kept: what is usual is left out. */
interface KeptField extends IDataObject {
	/** API name. */
	n: string;
	/** Label, when it is not the name. */
	l?: string;
	/** Salesforce type (string, picklist, reference, ...). */
	t: string;
	/** Flags (CREATEABLE, ...). */
	b: number;
	/** Most characters, for text a write can set. */
	x?: number;
	/** Lookups: the relationship name and the objects it points to. */
	r?: string;
	to?: string[];
	/** Picklists a write can set: the active values. */
	v?: string[];
}

/** A record type a user can pick: name, Id, developer name, master. */
interface KeptRecordType extends IDataObject {
	n: string;
	i: string;
	d?: string;
	m?: 1;
}

/** An object's describe as kept for writes. */
export interface WriteSchema extends IDataObject {
	/** API name, label, key prefix. */
	n: string;
	l: string;
	p?: string;
	rt?: KeptRecordType[];
	f: KeptField[];
}

/** The write path's facts of a describe. */
export function writeSchemaOf(describe: DescribeSObjectResult): WriteSchema {
	const schema: WriteSchema = {
		n: describe.name,
		l: describe.label,
		f: describe.fields.map(keptField),
	};
	if (describe.keyPrefix) schema.p = describe.keyPrefix;
	const recordTypes = (describe.recordTypeInfos ?? []).filter(
		(r) => r.available && (r as { active?: boolean }).active !== false,
	);
	if (recordTypes.length > 0)
		schema.rt = recordTypes.map((r) => {
			const kept: KeptRecordType = { n: r.name, i: r.recordTypeId };
			const developerName = (r as { developerName?: string }).developerName;
			if (developerName) kept.d = developerName;
			if (r.master) kept.m = 1;
			return kept;
		});
	return schema;
}

function keptField(field: Field): KeptField {
	const kept: KeptField = {
		n: field.name,
		t: field.type,
		b:
			(field.createable ? CREATEABLE : 0) |
			(field.updateable ? UPDATEABLE : 0) |
			(field.nillable ? NILLABLE : 0) |
			(field.defaultedOnCreate ? DEFAULTED_ON_CREATE : 0) |
			(field.externalId ? EXTERNAL_ID : 0) |
			(field.idLookup ? ID_LOOKUP : 0) |
			(field.restrictedPicklist ? RESTRICTED_PICKLIST : 0) |
			(field.filterable ? FILTERABLE : 0),
	};
	if (field.label !== field.name) kept.l = field.label;
	if (field.type === 'reference') {
		if (field.relationshipName) kept.r = field.relationshipName;
		kept.to = [...(field.referenceTo ?? [])];
	}
	// A field no write can set is named in messages only ("cannot be set"), unless an upsert matches on it.
	const settable = field.createable || field.updateable || canMatch(field) || field.type === 'id';
	if (!settable) return kept;
	if (field.length > 0) kept.x = field.length;
	if (field.type === 'picklist' || field.type === 'multipicklist')
		kept.v = activePicklistValues(field).map((p) => p.value);
	return kept;
}

/** The kept facts in the shape the field checks read. */
export function mappingDescribeOf(schema: WriteSchema): MappingDescribe {
	return {
		name: schema.n,
		label: schema.l,
		keyPrefix: schema.p ?? null,
		recordTypeInfos: (schema.rt ?? []).map((r) => ({
			available: true,
			active: true,
			master: r.m === 1,
			name: r.n,
			recordTypeId: r.i,
			...(r.d === undefined ? {} : { developerName: r.d }),
		})),
		fields: schema.f.map(mappingField),
	};
}

function mappingField(kept: KeptField): MappingField {
	return {
		name: kept.n,
		label: kept.l ?? kept.n,
		type: kept.t,
		createable: (kept.b & CREATEABLE) !== 0,
		updateable: (kept.b & UPDATEABLE) !== 0,
		nillable: (kept.b & NILLABLE) !== 0,
		defaultedOnCreate: (kept.b & DEFAULTED_ON_CREATE) !== 0,
		externalId: (kept.b & EXTERNAL_ID) !== 0,
		idLookup: (kept.b & ID_LOOKUP) !== 0,
		restrictedPicklist: (kept.b & RESTRICTED_PICKLIST) !== 0,
		filterable: (kept.b & FILTERABLE) !== 0,
		length: kept.x ?? 0,
		relationshipName: kept.r ?? null,
		referenceTo: kept.to ?? [],
		picklistValues: (kept.v ?? []).map((value) => ({ value, label: value, active: true })),
	};
}
