// A sample for moduleState.test.ts: what the scan must find (and must not).

/** Filled while the module loads: the same in every process. */
const TABLE = new Map<string, number>();
for (const [i, name] of ['a', 'b'].entries()) TABLE.set(name, i);
export const KINDS = new Set(['x', 'y']);

/** Found: a memo a function fills. */
const memo = new Map<string, string>();
/** Found: a counter a function moves. */
let counter = 0;
/** Found: an object a function writes into. */
const totals: Record<string, number> = {};
/** Found: exported, and filled from another module. */
export const queue: string[] = [];
/** Found: a Set a function adds to, through a parenthesized, asserted expression. */
const seen = new Set<string>();

export function lookup(key: string): string {
	const known = memo.get(key);
	if (known) return known;
	memo.set(key, key.toUpperCase());
	counter++;
	totals[key] = (totals[key] ?? 0) + 1;
	(seen as Set<string>).add(key);
	return TABLE.has(key) || KINDS.has(key) ? key : '';
}

export function shadowed(memo: Map<string, string>): void {
	// A parameter of the same name is not the module's binding.
	memo.set('a', 'b');
}

class SessionCache {
	private readonly sessions = new Map<string, string>();
	remember(user: string, token: string): void {
		this.sessions.set(user, token);
	}
}
/** Found: a class instance the module keeps (it fills its own map). */
export const sessions = new SessionCache();
/** Not found: a regular expression and a formatter. */
export const WORD = new RegExp('\\w+');
export const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });
