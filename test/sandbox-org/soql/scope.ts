import type { Schema, SObjectType } from '../core/schema';
import { noSuchColumn, unknownRelationship } from './errors';
import { isPathProblem, resolvePath, type ResolvedPath } from './paths';
import type { SourceMap } from './source';

/** Shared by the whole compilation of one query text. */
export interface CompileEnv {
	schema: Schema;
	source: SourceMap;
	/** Number of the next nested SELECT met (they are numbered in textual order, as SourceMap does). */
	nextScope: number;
}

/** One SELECT being compiled: its object, its alias and where its tokens are. */
export interface Scope {
	env: CompileEnv;
	type: SObjectType;
	/** SourceMap scope of this SELECT's tokens. */
	id: number;
	alias?: string;
}

export type Clause = 'SELECT' | 'WHERE' | 'ORDER' | 'GROUP';

/** The offset of a word in a clause of the scope, for the caret of an error. */
export function offsetOf(scope: Scope, written: string, clause: Clause): number | undefined {
	const token = scope.env.source.word(scope.id, written, clause === 'SELECT' ? undefined : clause);
	return token?.start;
}

/**
 * Resolves a field path as the query wrote it (`owner.name`, `Case.Subject`, `c.Subject` with an
 * alias), or throws Salesforce's error with the caret at the path.
 */
export function resolveWritten(scope: Scope, written: string, clause: Clause): ResolvedPath {
	const parts = written.split('.');
	const first = parts[0].toLowerCase();
	const isPrefix =
		first === scope.alias?.toLowerCase() ||
		(first === scope.type.name.toLowerCase() && !scope.type.parentRelationship(parts[0]));
	if (parts.length > 1 && isPrefix) parts.shift();
	const resolved = resolvePath(scope.env.schema, scope.type, parts);
	if (!isPathProblem(resolved)) return resolved;
	const at = offsetOf(scope, written, clause);
	if (resolved.problem === 'relationship')
		throw unknownRelationship(resolved.relationship, scope.env.source, at);
	throw noSuchColumn(resolved.column, resolved.entity, scope.env.source, at);
}
