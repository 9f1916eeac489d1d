import type { FieldDescribe, FieldType } from '../core/describe-types';
import { completeField, type FieldSpec } from '../core/fields';
import type { Schema, SObjectType } from '../core/schema';
import type { Row, Store } from '../core/store';

// Field paths of a query (`Subject`, `Owner.Name`, `Contact.Account.Name`): resolved against the
// schema once, then read from rows. A polymorphic relationship (Case.Owner is a User or a queue,
// Task.What is almost anything) leads to Salesforce's `Name` object, which has the fields its
// possible parents share; its `Type` says what the parent is.

/** What a relationship leads to. `unknown`: an object the sandbox does not model (Case.Asset): always empty. */
export type Target = { kind: 'object'; type: SObjectType } | { kind: 'name' } | { kind: 'unknown' };

export interface Hop {
	/** The relationship as the describe names it (`Owner`): the key of the nested parent in JSON. */
	relationshipName: string;
	referenceField: string;
	target: Target;
}

export interface ResolvedPath {
	hops: Hop[];
	field: FieldDescribe;
	/** The path with the describe's names: `Owner.Name`. */
	canonical: string;
}

export type PathProblem =
	| { problem: 'column'; column: string; entity: string }
	| { problem: 'relationship'; relationship: string };

const nameField = (name: string, type: FieldType, extra: Partial<FieldSpec> = {}) =>
	completeField({ name, type, createable: false, updateable: false, ...extra });

/** The `Name` object's fields (Salesforce's object reference lists these). */
const NAME_FIELDS = new Map(
	[
		nameField('Id', 'id'),
		nameField('Name', 'string'),
		nameField('Type', 'picklist'),
		nameField('Alias', 'string'),
		nameField('CommunityNickname', 'string'),
		nameField('Email', 'email'),
		nameField('FirstName', 'string'),
		nameField('LastName', 'string'),
		nameField('MiddleName', 'string'),
		nameField('Suffix', 'string'),
		nameField('NameOrAlias', 'string'),
		nameField('IsActive', 'boolean'),
		nameField('Phone', 'phone'),
		nameField('Title', 'string'),
		nameField('Username', 'string'),
		nameField('LastReferencedDate', 'datetime'),
		nameField('LastViewedDate', 'datetime'),
		nameField('ProfileId', 'reference', { relationshipName: 'Profile' }),
		nameField('UserRoleId', 'reference', { relationshipName: 'UserRole' }),
		nameField('RecordTypeId', 'reference', { relationshipName: 'RecordType' }),
	].map((f) => [f.name.toLowerCase(), f]),
);

/** Relationships of the `Name` object; they lead to objects the sandbox does not model. */
const NAME_RELATIONSHIPS = new Map([
	['profile', 'ProfileId'],
	['userrole', 'UserRoleId'],
	['recordtype', 'RecordTypeId'],
]);

export function resolvePath(
	schema: Schema,
	type: SObjectType,
	parts: string[],
): ResolvedPath | PathProblem {
	let at: Target = { kind: 'object', type };
	const hops: Hop[] = [];
	for (const rel of parts.slice(0, -1)) {
		const hop = relationship(schema, at, rel);
		if (!hop) return { problem: 'relationship', relationship: rel };
		hops.push(hop);
		at = hop.target;
	}
	const last = parts[parts.length - 1];
	const field = fieldOf(at, last);
	if (!field)
		return {
			problem: 'column',
			column: last,
			entity: at.kind === 'object' ? at.type.name : 'Name',
		};
	return { hops, field, canonical: [...hops.map((h) => h.relationshipName), field.name].join('.') };
}

export function isPathProblem(r: ResolvedPath | PathProblem): r is PathProblem {
	return 'problem' in r;
}

function relationship(schema: Schema, at: Target, name: string): Hop | undefined {
	if (at.kind === 'unknown')
		return { relationshipName: name, referenceField: `${name}Id`, target: { kind: 'unknown' } };
	if (at.kind === 'name') {
		const ref = NAME_RELATIONSHIPS.get(name.toLowerCase());
		return ref
			? { relationshipName: ref.slice(0, -2), referenceField: ref, target: { kind: 'unknown' } }
			: undefined;
	}
	const ref = at.type.parentRelationship(name);
	if (!ref?.relationshipName) return undefined;
	let target: Target;
	if (ref.referenceTo.length > 1) target = { kind: 'name' };
	else {
		const type = schema.get(ref.referenceTo[0] ?? '');
		target = type ? { kind: 'object', type } : { kind: 'unknown' };
	}
	return { relationshipName: ref.relationshipName, referenceField: ref.name, target };
}

function fieldOf(at: Target, name: string): FieldDescribe | undefined {
	if (at.kind === 'object') return at.type.field(name);
	if (at.kind === 'name') return NAME_FIELDS.get(name.toLowerCase());
	return completeField({ name, type: 'string' });
}

/** The parent a hop leads to from `row`, with its actual object type; undefined when the reference is empty. */
export function parentOf(
	schema: Schema,
	store: Store,
	hop: Hop,
	row: Row,
): { row: Row; type: SObjectType } | undefined {
	const id = row[hop.referenceField];
	if (typeof id !== 'string' || id === '' || hop.target.kind === 'unknown') return undefined;
	const type = hop.target.kind === 'object' ? hop.target.type : schema.forId(id);
	if (!type) return undefined;
	const parent = store.get(id, type.name);
	return parent ? { row: parent, type } : undefined;
}

/** A path's value in stored form (date-times as epoch ms); null when a parent on the way is empty. */
export function readPath(schema: Schema, store: Store, path: ResolvedPath, row: Row): unknown {
	// The record's own field (most reads): no parent to look up.
	if (path.hops.length === 0) return row[path.field.name] ?? null;
	let current: { row: Row; type: SObjectType | undefined } = { row, type: undefined };
	for (const hop of path.hops) {
		const parent = parentOf(schema, store, hop, current.row);
		if (!parent) return null;
		current = parent;
	}
	const last = path.hops[path.hops.length - 1];
	if (last?.target.kind === 'name' && current.type)
		return nameFieldValue(current.type, current.row, path.field.name);
	return current.row[path.field.name] ?? null;
}

/** A `Name` field of a polymorphic parent: its own field of that name (`Name`: its name field, a Case's CaseNumber). */
export function nameFieldValue(type: SObjectType, row: Row, field: string): unknown {
	if (field === 'Type') return type.name === 'Group' ? (row.Type ?? 'Group') : type.name;
	const own =
		field === 'Name'
			? (type.fields.find((f) => f.nameField) ?? type.field(field))
			: type.field(field);
	return own ? (row[own.name] ?? null) : null;
}
