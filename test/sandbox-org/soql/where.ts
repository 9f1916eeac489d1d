import type {
	ConditionWithValueQuery,
	LiteralType,
	NegationCondition,
	ValueQueryCondition,
	WhereClause,
} from '@jetstreamapp/soql-parser-js';

import type { SalesforceError } from '../http/errors';
import { comparison, operandProblem, toOperand, type Operand } from './compare';
import { malformed, notInSandbox, queryError, unsupportedType } from './errors';
import { IllegalEscape } from './literals';
import { readPath, type ResolvedPath } from './paths';
import { offsetOf, resolveWritten, type Scope } from './scope';
import type { Predicate } from './types';

// WHERE clauses. soql-parser-js gives a right-leaning chain with parentheses counted on the
// conditions; it is flattened back to tokens and parsed again with SOQL's rule that AND and OR
// cannot be mixed at one level without parentheses.

type Item =
	| { kind: '(' }
	| { kind: ')' }
	| { kind: 'NOT' }
	| { kind: 'op'; op: 'AND' | 'OR'; index: number }
	| { kind: 'cond'; cond: ConditionWithValueQuery };

export function compileWhere(where: WhereClause, scope: Scope): Predicate {
	const items = flatten(where);
	let pos = 0;
	const source = scope.env.source;

	const expression = (): Predicate => {
		const operands = [unary()];
		let op: 'AND' | 'OR' | undefined;
		for (let item = items[pos]; item?.kind === 'op'; item = items[pos]) {
			pos++;
			if (op && item.op !== op) {
				const token = source.logicalOperator(scope.id, item.index);
				throw malformed(`unexpected token: '${token?.text ?? item.op}'`, source, token?.start);
			}
			op = item.op;
			operands.push(unary());
		}
		if (operands.length === 1) return operands[0];
		return op === 'AND'
			? (row, ctx) => operands.every((p) => p(row, ctx))
			: (row, ctx) => operands.some((p) => p(row, ctx));
	};

	const unary = (): Predicate => {
		const item = items[pos++];
		if (item?.kind === 'NOT') {
			const inner = unary();
			return (row, ctx) => !inner(row, ctx);
		}
		if (item?.kind === '(') {
			const inner = expression();
			pos++;
			return inner;
		}
		if (item?.kind === 'cond') return compileCondition(item.cond, scope);
		throw malformed(`unexpected token: '<EOF>'`, source, source.endOffset);
	};

	return expression();
}

/** One link of soql-parser-js's WHERE chain. */
interface ChainNode {
	left: ConditionWithValueQuery | NegationCondition | null;
	operator?: string;
	right?: WhereClause;
}

function flatten(where: WhereClause): Item[] {
	const items: Item[] = [];
	let node = where as ChainNode | undefined;
	let index = 0;
	const repeat = (kind: '(' | ')', n: number | undefined) => {
		for (let i = 0; i < (n ?? 0); i++) items.push({ kind });
	};
	while (node) {
		const left = node.left;
		if (node.operator === 'NOT' && (left === null || !('field' in left || 'fn' in left))) {
			repeat('(', left?.openParen);
			items.push({ kind: 'NOT' });
			node = node.right as ChainNode | undefined;
			continue;
		}
		const cond = left as ConditionWithValueQuery;
		repeat('(', cond.openParen);
		items.push({ kind: 'cond', cond });
		repeat(')', 'closeParen' in cond ? cond.closeParen : 0);
		if ((node.operator === 'AND' || node.operator === 'OR') && node.right) {
			items.push({ kind: 'op', op: node.operator, index: index++ });
			node = node.right as ChainNode;
		} else node = undefined;
	}
	return items;
}

function compileCondition(cond: ConditionWithValueQuery, scope: Scope): Predicate {
	const source = scope.env.source;
	if ('fn' in cond) {
		const name = cond.fn.functionName ?? 'A function';
		throw notInSandbox(`${name}() in WHERE`, source, source.word(scope.id, name, 'WHERE')?.start);
	}
	if (!('field' in cond))
		throw malformed(`unexpected token: '('`, source, source.after(scope.id, 'WHERE')?.start);
	const path = resolveWritten(scope, cond.field, 'WHERE');
	const at = offsetOf(scope, cond.field, 'WHERE');
	const fail = (errorCode: string, message: string): SalesforceError =>
		queryError(errorCode, message, source, at);
	if (path.field.type === 'address')
		throw fail('INVALID_FIELD', 'Address fields can only be filtered using Distance expressions');
	if (!path.field.filterable)
		throw fail('INVALID_FIELD', `field '${path.field.name}' can not be filtered in a query call`);
	if ('valueQuery' in cond) return semiJoin(cond, path, scope);

	const { schema } = scope.env;
	const values: string[] = Array.isArray(cond.value) ? cond.value : [cond.value];
	const literalTypes = cond.literalType as LiteralType | LiteralType[] | undefined;
	const operands: Operand[] = values.map((raw, i) => {
		const literalType = Array.isArray(literalTypes) ? literalTypes[i] : literalTypes;
		const operand = toOperand(raw, literalType, cond.operator === 'LIKE');
		if (operand instanceof IllegalEscape) throw fail('MALFORMED_QUERY', operand.message);
		if ('errorCode' in operand) throw fail(operand.errorCode, operand.message);
		const problem = operandProblem(path.field, operand);
		if (problem) throw fail(problem.errorCode, problem.message);
		return operand;
	});
	const test = comparison(path.field, cond.operator, operands);
	return (row, ctx) => test(readPath(schema, ctx.store, path, row), ctx.now);
}

/** `Id IN (SELECT CaseId FROM CaseHistory WHERE ...)`: the inner query's values, computed once per run. */
function semiJoin(cond: ValueQueryCondition, outer: ResolvedPath, scope: Scope): Predicate {
	const { env } = scope;
	const id = env.nextScope++;
	const inner = cond.valueQuery;
	const type = env.schema.get(inner.sObject ?? '');
	if (!type)
		throw unsupportedType(inner.sObject ?? '', env.source, env.source.after(id, 'FROM')?.start);
	const innerScope: Scope = { env, type, id, alias: inner.sObjectAlias };
	const fields = inner.fields ?? [];
	const only = fields[0];
	if (
		fields.length !== 1 ||
		!only ||
		(only.type !== 'Field' && only.type !== 'FieldRelationship')
	) {
		throw malformed(
			'The selected field in a semi join subquery must be an Id or a reference',
			env.source,
			env.source.after(id, 'SELECT')?.start,
		);
	}
	const written =
		only.type === 'Field'
			? only.field
			: (only.rawValue ?? [...only.relationships, only.field].join('.'));
	const selected = resolveWritten(innerScope, written, 'SELECT');
	const where = inner.where ? compileWhere(inner.where, innerScope) : undefined;
	const key = {};
	return (row, ctx) => {
		let values = ctx.semiJoins.get(key);
		if (!values) {
			values = new Set();
			for (const r of ctx.store.rows(type.name)) {
				if (where && !where(r, ctx)) continue;
				const v = readPath(ctx.schema, ctx.store, selected, r);
				if (typeof v === 'string' && v !== '') values.add(v);
			}
			ctx.semiJoins.set(key, values);
		}
		const v = readPath(ctx.schema, ctx.store, outer, row);
		const found = typeof v === 'string' && values.has(v);
		return cond.operator === 'NOT IN' ? !found : found;
	};
}
