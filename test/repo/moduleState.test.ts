import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

// In n8n's queue mode every worker (and the main process) loads the package on its own: anything a
// module keeps in memory differs from process to process and is lost on a restart. The package
// keeps its state in workflow static data and in credentials only. This test finds module-level
// bindings (top-level `let`/`var`/`const`, in nodes/ and credentials/) that code inside a function
// writes to: reassigns, sets a property of, or calls a mutating method on (`set`, `add`, `push`,
// ...), and module-level instances of classes (which may keep state inside: a cache, a client).
// Tables filled once while the module loads are the same in every process and are not counted;
// nor are regular expressions and Intl formatters. Each binding found must be on the list below,
// with the reason it is safe.

const ALLOWED: Record<string, string> = {
	'nodes/shared/transport/oauthInstanceUrl.ts:learnt':
		'An identity URL names one user of one org, whose REST address never changes: every process that learns it learns the same value, so a per-process copy only saves a call.',
	'nodes/shared/schema/keptSchemas.ts:kept':
		"Describes kept for the write path, filed by org, user, API version and object: each process keeps what Salesforce answers for that identity, used for a day at most and described again when it refuses an item or lets Salesforce refuse one; a process that has none describes (one call). Bounded in count and size. Not in static data, which a queue-mode worker would save over a trigger's cursor.",
	'nodes/shared/schema/keptSchemas.ts:describing':
		'Describes under way, shared by executions of this process that start together; each is removed when it ends, and a failed one is not shared.',
};

const ROOT = join(__dirname, '../..');
/** Constructors whose module-level instances hold nothing a function changes, or whose changes the mutation check sees. */
const PLAIN_CONSTRUCTORS = /^(Map|Set|WeakMap|WeakSet|Array|RegExp|Intl\.\w+)$/;
const MUTATING_METHODS = new Set([
	'set',
	'add',
	'delete',
	'clear',
	'push',
	'pop',
	'shift',
	'unshift',
	'splice',
	'sort',
	'reverse',
	'fill',
	'copyWithin',
]);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/** `file:binding` for every module-level binding that a function writes to, and every module-level class instance. */
export function writtenModuleBindings(program: ts.Program, files: string[]): string[] {
	const checker = program.getTypeChecker();
	const topLevel = new Map<ts.Symbol, string>();
	const instances = new Set<string>();
	for (const file of files) {
		const source = program.getSourceFile(file);
		if (!source) throw new Error(`not in the program: ${file}`);
		for (const statement of source.statements) {
			if (!ts.isVariableStatement(statement)) continue;
			for (const declaration of statement.declarationList.declarations) {
				for (const name of boundNames(declaration.name)) {
					const symbol = checker.getSymbolAtLocation(name);
					const binding = `${relative(ROOT, file).split('\\').join('/')}:${name.text}`;
					if (symbol) topLevel.set(symbol, binding);
					const init = declaration.initializer;
					if (
						init &&
						ts.isNewExpression(init) &&
						!PLAIN_CONSTRUCTORS.test(init.expression.getText(source))
					)
						instances.add(binding);
				}
			}
		}
	}
	const found = new Set<string>(instances);
	const resolve = (node: ts.Node): string | undefined => {
		let symbol = checker.getSymbolAtLocation(node);
		if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
		return symbol ? topLevel.get(symbol) : undefined;
	};
	const visit = (node: ts.Node, inFunction: boolean): void => {
		if (inFunction) {
			const target = writtenTarget(node);
			const binding = target && resolve(target);
			if (binding) found.add(binding);
		}
		ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
	};
	for (const file of files) visit(program.getSourceFile(file) as ts.SourceFile, false);
	return [...found].sort();
}

function boundNames(name: ts.BindingName): ts.Identifier[] {
	if (ts.isIdentifier(name)) return [name];
	return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : boundNames(e.name)));
}

/** The identifier a node writes to (the root of `x`, `x.a`, `x[k]`), if it writes. */
function writtenTarget(node: ts.Node): ts.Identifier | undefined {
	if (
		ts.isBinaryExpression(node) &&
		node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
		node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
	)
		return rootOf(node.left);
	if (
		(ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
		(node.operator === ts.SyntaxKind.PlusPlusToken ||
			node.operator === ts.SyntaxKind.MinusMinusToken)
	)
		return rootOf(node.operand);
	if (ts.isDeleteExpression(node)) return rootOf(node.expression);
	if (
		ts.isCallExpression(node) &&
		ts.isPropertyAccessExpression(node.expression) &&
		MUTATING_METHODS.has(node.expression.name.text)
	)
		return rootOf(node.expression.expression);
	return undefined;
}

function rootOf(expression: ts.Expression): ts.Identifier | undefined {
	let e = expression;
	while (
		ts.isPropertyAccessExpression(e) ||
		ts.isElementAccessExpression(e) ||
		ts.isParenthesizedExpression(e) ||
		ts.isNonNullExpression(e) ||
		ts.isAsExpression(e)
	)
		e = e.expression;
	return ts.isIdentifier(e) ? e : undefined;
}

function programOf(files: string[]): ts.Program {
	return ts.createProgram(files, {
		noEmit: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.CommonJS,
		esModuleInterop: true,
		skipLibCheck: true,
		noResolve: false,
		types: [],
	});
}

describe('module-level state in the package', () => {
	it('finds a cache a function fills, and leaves alone tables filled while the module loads', () => {
		const dir = join(ROOT, 'test/repo/moduleStateSample');
		const files = sourceFiles(dir);
		expect(writtenModuleBindings(programOf(files), files)).toEqual([
			'test/repo/moduleStateSample/cache.ts:counter',
			'test/repo/moduleStateSample/cache.ts:memo',
			'test/repo/moduleStateSample/cache.ts:queue',
			'test/repo/moduleStateSample/cache.ts:seen',
			'test/repo/moduleStateSample/cache.ts:sessions',
			'test/repo/moduleStateSample/cache.ts:totals',
		]);
	}, 60_000);

	it('keeps none in nodes/ or credentials/ but those allowed, each with its reason', () => {
		const files = [...sourceFiles(join(ROOT, 'nodes')), ...sourceFiles(join(ROOT, 'credentials'))];
		const found = writtenModuleBindings(programOf(files), files);
		expect(found.filter((binding) => !(binding in ALLOWED))).toEqual([]);
		// An entry whose binding is gone is taken off the list.
		expect(Object.keys(ALLOWED).filter((binding) => !found.includes(binding))).toEqual([]);
	}, 60_000);
});
