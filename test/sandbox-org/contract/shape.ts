// Compares a sandbox response with a response recorded from a real org: same keys, same JSON
// types, same formats for Ids and date-times. Values may differ (another org, other data).

export interface ShapeOptions {
	/** Keys (at any depth) the sandbox may leave out. */
	allowMissing?: string[];
	/** When true, the sandbox may have keys the recording lacks (a recording from an older API version, a trimmed record). */
	allowExtra?: boolean;
}

const SF_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const SF_ID = /^[a-zA-Z0-9]{3}[a-zA-Z0-9]{12}[A-Z0-5]{3}$/;

function kind(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'string') {
		if (SF_DATETIME.test(value)) return 'string(datetime)';
		if (SF_ID.test(value)) return 'string(id)';
	}
	return typeof value;
}

/** Every difference in shape between `actual` and `recorded`, as `path: message` lines. */
export function shapeDifferences(
	actual: unknown,
	recorded: unknown,
	opts: ShapeOptions = {},
	path = '$',
): string[] {
	if (recorded === null || recorded === undefined) return [];
	if (actual === null && recorded !== null && typeof recorded !== 'object') return []; // an empty value where the recording had one
	const a = kind(actual);
	const r = kind(recorded);
	if (a !== r) {
		// A string Id or date-time field may legitimately hold another string in another org, but not another JSON type.
		if (
			a.startsWith('string') &&
			r.startsWith('string') &&
			!(r === 'string(datetime)' || a === 'string(datetime)')
		)
			return [];
		return [
			`${path}: expected ${r}, got ${a}${actual === null ? '' : ` (${JSON.stringify(actual).slice(0, 60)})`}`,
		];
	}
	if (Array.isArray(recorded)) {
		const arr = actual as unknown[];
		if (recorded.length === 0 || arr.length === 0) return [];
		const diffs: string[] = [];
		arr.forEach((item, i) =>
			diffs.push(
				...shapeDifferences(
					item,
					recorded[Math.min(i, recorded.length - 1)],
					opts,
					`${path}[${i}]`,
				),
			),
		);
		return diffs;
	}
	if (typeof recorded === 'object') {
		const act = actual as Record<string, unknown>;
		const rec = recorded as Record<string, unknown>;
		const diffs: string[] = [];
		for (const key of Object.keys(rec)) {
			if (!(key in act)) {
				if (!opts.allowMissing?.includes(key)) diffs.push(`${path}.${key}: missing`);
				continue;
			}
			diffs.push(...shapeDifferences(act[key], rec[key], opts, `${path}.${key}`));
		}
		if (!opts.allowExtra)
			for (const key of Object.keys(act))
				if (!(key in rec)) diffs.push(`${path}.${key}: not in the recording`);
		return diffs;
	}
	return [];
}

/** Jest-friendly: throws with every difference listed. */
export function expectSameShape(actual: unknown, recorded: unknown, opts: ShapeOptions = {}): void {
	const diffs = shapeDifferences(actual, recorded, opts);
	if (diffs.length > 0)
		throw new Error(
			`Response differs in shape from the recording:\n${diffs.slice(0, 40).join('\n')}${diffs.length > 40 ? `\n... and ${diffs.length - 40} more` : ''}`,
		);
}
