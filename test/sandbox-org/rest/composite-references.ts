/**
 * `@{referenceId.path}` references between composite subrequests: `.name` reads a key of a JSON
 * object (case-sensitive, so a create's `id` is not `Id`), `[n]` an element of an array, as in
 * `@{refAccount.id}` or `@{refQuery.records[0].Id}`.
 */
const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[^.[\]{}]+|\[\d+\])*)\}/g;

/** A reference with no value: its subrequest failed, did not run yet, or has no such key. */
export class UnresolvedReference extends Error {
	constructor(
		readonly referenceId: string,
		readonly expression: string,
	) {
		super(`Invalid reference specified. No value for ${expression} found in ${referenceId}`);
	}
}

/** The response bodies of the subrequests that succeeded, by referenceId. */
export type ReferenceValues = Map<string, unknown>;

/** A URL with each reference replaced by its value's text. */
export function resolveInUrl(url: string, values: ReferenceValues): string {
	return url.replace(REFERENCE, (_all, ref: string, path: string) =>
		String(lookup(values, ref, path) ?? ''),
	);
}

/**
 * A body with its references resolved: a string that is only a reference becomes the value
 * itself (keeping numbers, booleans and null); references inside longer text become text.
 */
export function resolveInBody(body: unknown, values: ReferenceValues): unknown {
	if (typeof body === 'string') {
		const whole = new RegExp(`^${REFERENCE.source}$`).exec(body);
		if (whole) return lookup(values, whole[1], whole[2]);
		return body.replace(REFERENCE, (_all, ref: string, path: string) =>
			String(lookup(values, ref, path) ?? ''),
		);
	}
	if (Array.isArray(body)) return body.map((v) => resolveInBody(v, values));
	if (body !== null && typeof body === 'object') {
		return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, resolveInBody(v, values)]));
	}
	return body;
}

function lookup(values: ReferenceValues, ref: string, path: string): unknown {
	const expression = `${ref}${path}`;
	if (!values.has(ref)) throw new UnresolvedReference(ref, expression);
	let current: unknown = values.get(ref);
	for (const step of path.match(/\.[^.[\]{}]+|\[\d+\]/g) ?? []) {
		const key: string | number = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
		if (
			current === null ||
			typeof current !== 'object' ||
			!Object.prototype.hasOwnProperty.call(current, key)
		) {
			throw new UnresolvedReference(ref, expression);
		}
		current = (current as Record<string | number, unknown>)[key];
	}
	return current;
}
