import type { FieldType as SelectItem, Query, Subquery } from '@jetstreamapp/soql-parser-js';

import type { Schema } from '../core/schema';
import { compileAggregate, isAggregateQuery } from './aggregate';
import {
	malformed,
	notInSandbox,
	queryError,
	unknownChildRelationship,
	unsupportedType,
} from './errors';
import { compileOrder } from './order';
import { parseSoql } from './parse';
import type { ResolvedPath } from './paths';
import { resolveWritten, type CompileEnv, type Scope } from './scope';
import { SourceMap } from './source';
import type { CompiledQuery, SelectNode } from './types';
import { compileWhere } from './where';

/** OFFSET above this answers NUMBER_OUTSIDE_VALID_RANGE. */
export const MAX_OFFSET = 2000;
/** FIELDS(ALL) and FIELDS(CUSTOM) need a LIMIT of at most this. */
const FIELDS_LIMIT = 200;

/** Parses a query and checks it against the schema; throws Salesforce's error for a bad one. */
export function compileSoql(text: string, schema: Schema): CompiledQuery {
	const source = new SourceMap(text);
	const query = parseSoql(source);
	const env: CompileEnv = { schema, source, nextScope: 1 };
	const type = schema.get(query.sObject ?? '');
	if (!type) throw unsupportedType(query.sObject ?? '', source, source.after(0, 'FROM')?.start);
	if (type.name === 'ContentDocumentLink' && !filtersLinks(text)) throw CONTENT_LINK_FILTER();
	return compileSelect(query, { env, type, id: 0, alias: query.sObjectAlias });
}

/**
 * Salesforce answers a query of ContentDocumentLink only with a filter on the file or the record:
 * `ContentDocumentId` or `LinkedEntityId`, with = or IN (a semi-join included). Approximated on the
 * query's text: such a condition somewhere in WHERE.
 */
function filtersLinks(text: string): boolean {
	return /\bWHERE\b[\s\S]*\b(LinkedEntityId|ContentDocumentId)\s*(=|IN\s*\()/i.test(text);
}

const CONTENT_LINK_FILTER = () =>
	malformed(
		"Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the IN operator.",
	);

function compileSelect(query: Query | Subquery, scope: Scope): CompiledQuery {
	const compiled: CompiledQuery = {
		type: scope.type,
		select: [],
		order: [],
		countOnly: false,
		children: [],
	};
	if (query.offset !== undefined && query.offset > MAX_OFFSET)
		throw queryError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
	const aggregate = isAggregateQuery(query);
	if (aggregate) compiled.aggregate = compileAggregate(query, scope);
	else compileSelectList(query, scope, compiled);
	if (query.where) compiled.where = compileWhere(query.where, scope);
	if (!aggregate) compiled.order = compileOrder(query.orderBy, scope);
	compiled.limit = query.limit;
	compiled.offset = query.offset;
	return compiled;
}

function compileSelectList(query: Query | Subquery, scope: Scope, compiled: CompiledQuery): void {
	const { env } = scope;
	const source = env.source;
	const seen = new Set<string>();
	const add = (path: ResolvedPath) => {
		const key = path.canonical.toLowerCase();
		if (seen.has(key))
			throw queryError('INVALID_FIELD', `duplicate field selected: ${path.field.name}`);
		seen.add(key);
		insert(compiled.select, path);
	};
	const items = query.fields ?? [];
	for (const item of items) {
		switch (item.type) {
			case 'Field':
			case 'FieldRelationship':
				add(resolveWritten(scope, writtenPath(item), 'SELECT'));
				break;
			case 'FieldFunctionExpression': {
				const name = item.functionName.toUpperCase();
				if (name === 'COUNT' && item.parameters.length === 0) {
					if (items.length > 1)
						throw malformed(
							'COUNT() can not be used with other fields in the SELECT list',
							source,
							source.word(scope.id, 'COUNT')?.start,
						);
					compiled.countOnly = true;
				} else if (name === 'FIELDS') {
					const which = String(item.parameters[0] ?? '').toUpperCase();
					if (which !== 'STANDARD' && (query.limit === undefined || query.limit > FIELDS_LIMIT)) {
						throw malformed(
							`The SOQL FIELDS function must have a LIMIT of at most ${FIELDS_LIMIT}`,
						);
					}
					for (const field of scope.type.fields) {
						if (which === 'ALL' || (which === 'CUSTOM') === field.custom)
							add({ hops: [], field, canonical: field.name });
					}
				} else
					throw notInSandbox(
						`${item.functionName}()`,
						source,
						source.word(scope.id, item.functionName)?.start,
					);
				break;
			}
			case 'FieldSubquery': {
				const child = compileChild(item.subquery, scope);
				compiled.children.push(child);
				compiled.select.push({ kind: 'children', key: child.relationshipName, child });
				break;
			}
			case 'FieldTypeof':
				throw notInSandbox('TYPEOF', source, source.word(scope.id, 'TYPEOF')?.start);
		}
	}
}

/** `(SELECT ... FROM EmailMessages ...)` of a parent query. */
function compileChild(sub: Subquery, parent: Scope): CompiledQuery['children'][number] {
	const { env } = parent;
	const id = env.nextScope++;
	const rel = env.schema.childRelationship(parent.type.name, sub.relationshipName);
	const childType = rel && env.schema.get(rel.childSObject);
	if (!rel?.relationshipName || !childType)
		throw unknownChildRelationship(
			sub.relationshipName,
			env.source,
			env.source.after(id, 'FROM')?.start,
		);
	const query = compileSelect(sub, { env, type: childType, id, alias: sub.sObjectAlias });
	if (query.aggregate || query.countOnly)
		throw notInSandbox(
			'An aggregate function in a parent-child subquery',
			env.source,
			env.source.after(id, 'SELECT')?.start,
		);
	return { relationshipName: rel.relationshipName, childType, referenceField: rel.field, query };
}

/** The path as the query wrote it: `Subject`, `Owner.Name`, `c.Subject`. */
function writtenPath(item: Extract<SelectItem, { type: 'Field' | 'FieldRelationship' }>): string {
	if (item.type === 'FieldRelationship')
		return item.rawValue ?? [...item.relationships, item.field].join('.');
	return 'objectPrefix' in item && typeof item.objectPrefix === 'string'
		? `${item.objectPrefix}.${item.field}`
		: item.field;
}

/** Adds a path to the SELECT tree: parents become nested objects, shared by the paths through them. */
function insert(nodes: SelectNode[], path: ResolvedPath): void {
	let list = nodes;
	for (const hop of path.hops) {
		let node = list.find(
			(n): n is Extract<SelectNode, { kind: 'parent' }> =>
				n.kind === 'parent' && n.key === hop.relationshipName,
		);
		if (!node) list.push((node = { kind: 'parent', key: hop.relationshipName, hop, children: [] }));
		list = node.children;
	}
	list.push({ kind: 'field', key: path.field.name, field: path.field });
}
