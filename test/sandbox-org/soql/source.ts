// Where things are in the SOQL text, for error messages: the parser (soql-parser-js) returns a
// tree without positions, so a light tokenizer finds the token an error is about. Each nested
// SELECT (a subquery or a semi-join) is its own scope; scopes are numbered in textual order,
// which is also the order compile.ts meets them in the parsed tree.

export interface Token {
	text: string;
	start: number;
	end: number;
	kind: 'word' | 'string' | 'number' | 'punct';
	/** The SELECT the token belongs to: 0 for the outer query. */
	scope: number;
}

export interface Position {
	/** 1-based, as Salesforce reports them. */
	row: number;
	column: number;
}

const WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER = /[0-9][0-9A-Za-z:.+\-]*/y;
const PUNCT = /!=|<>|<=|>=|[(),=<>:;*+\-\[\]$]/y;

export class SourceMap {
	readonly tokens: Token[] = [];
	/** Scopes in the order their `(SELECT` appears. */
	private scopeCount = 1;

	constructor(readonly text: string) {
		this.tokenize();
	}

	/** Tokens of one SELECT, without those of the SELECTs nested in it. */
	scopeTokens(scope: number): Token[] {
		return this.tokens.filter((t) => t.scope === scope);
	}

	/** The token after the first `keyword` of a scope (`FROM` -> the object name). */
	after(scope: number, keyword: string): Token | undefined {
		const tokens = this.scopeTokens(scope);
		const i = tokens.findIndex((t) => t.kind === 'word' && t.text.toUpperCase() === keyword);
		return i >= 0 ? tokens[i + 1] : undefined;
	}

	/** The first word of a scope equal to `word` (case-insensitively), from the first `afterKeyword` on. */
	word(scope: number, word: string, afterKeyword?: string): Token | undefined {
		const wanted = word.toUpperCase();
		let tokens = this.scopeTokens(scope);
		if (afterKeyword) {
			const i = tokens.findIndex((t) => t.kind === 'word' && t.text.toUpperCase() === afterKeyword);
			if (i >= 0) tokens = tokens.slice(i + 1);
		}
		return tokens.find((t) => t.kind === 'word' && t.text.toUpperCase() === wanted);
	}

	/** The n-th (0-based) AND/OR of a scope's WHERE clause. */
	logicalOperator(scope: number, n: number): Token | undefined {
		const tokens = this.scopeTokens(scope);
		const where = tokens.findIndex((t) => t.kind === 'word' && t.text.toUpperCase() === 'WHERE');
		if (where < 0) return undefined;
		const ops = tokens
			.slice(where + 1)
			.filter((t) => t.kind === 'word' && /^(AND|OR)$/i.test(t.text));
		return ops[n];
	}

	/** Row and column (1-based) of an offset. */
	position(offset: number): Position {
		const before = this.text.slice(0, offset);
		const row = before.split('\n').length;
		const column = offset - (before.lastIndexOf('\n') + 1) + 1;
		return { row, column };
	}

	/** The end of the query for "unexpected token: '<EOF>'": after its last non-blank character. */
	get endOffset(): number {
		return this.text.trimEnd().length;
	}

	/**
	 * Salesforce's echo of the query in an error message: the line of the error, cut to whole tokens
	 * around it when long, then a caret under the error. Real messages show about 40 characters either side.
	 */
	echo(offset: number): { line: string; caret: number } {
		const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
		const nl = this.text.indexOf('\n', offset);
		const lineEnd = nl < 0 ? this.text.length : nl;
		const line = this.text.slice(lineStart, lineEnd).replace(/\r$/, '');
		const at = offset - lineStart;
		const reach = 45;
		let lo = Math.max(0, at - reach);
		if (lo > 0) {
			while (lo < at && !isSeparator(line.charAt(lo - 1))) lo++;
			while (lo < at && isSeparator(line.charAt(lo))) lo++;
		}
		const tokenEnd = at + (/^[^\s,()]*/.exec(line.slice(at))?.[0].length ?? 0);
		let hi = Math.min(line.length, Math.max(at + reach, tokenEnd));
		if (hi < line.length && !isSeparator(line.charAt(hi))) {
			while (hi > tokenEnd && !isSeparator(line.charAt(hi - 1))) hi--;
		}
		while (hi > tokenEnd && isSeparator(line.charAt(hi - 1))) hi--;
		return { line: line.slice(lo, hi), caret: at - lo };
	}

	private tokenize(): void {
		const s = this.text;
		const scopes: Array<{ id: number; depth: number }> = [{ id: 0, depth: 0 }];
		let depth = 0;
		let i = 0;
		while (i < s.length) {
			const c = s.charAt(i);
			if (/\s/.test(c)) {
				i++;
				continue;
			}
			const scope = scopes[scopes.length - 1];
			if (c === "'") {
				let j = i + 1;
				while (j < s.length && s.charAt(j) !== "'") j += s.charAt(j) === '\\' ? 2 : 1;
				const end = Math.min(s.length, j + 1);
				this.tokens.push({ text: s.slice(i, end), start: i, end, kind: 'string', scope: scope.id });
				i = end;
				continue;
			}
			const match = matchAt(NUMBER, s, i) ?? matchAt(WORD, s, i) ?? matchAt(PUNCT, s, i);
			const text = match ?? c;
			const kind: Token['kind'] = /^[0-9]/.test(text)
				? 'number'
				: /^[A-Za-z_]/.test(text)
					? 'word'
					: 'punct';
			if (text === '(') {
				depth++;
				const next = /^\s*select\b/i.test(s.slice(i + 1, i + 20));
				this.tokens.push({ text, start: i, end: i + 1, kind, scope: scope.id });
				if (next) scopes.push({ id: this.scopeCount++, depth });
			} else if (text === ')') {
				if (scopes.length > 1 && scope.depth === depth) scopes.pop();
				depth--;
				this.tokens.push({ text, start: i, end: i + 1, kind, scope: scopes[scopes.length - 1].id });
			} else {
				this.tokens.push({ text, start: i, end: i + text.length, kind, scope: scope.id });
			}
			i += text.length;
		}
	}
}

function isSeparator(c: string): boolean {
	return c === '' || /[\s,]/.test(c);
}

function matchAt(re: RegExp, s: string, i: number): string | undefined {
	re.lastIndex = i;
	return re.exec(s)?.[0];
}
