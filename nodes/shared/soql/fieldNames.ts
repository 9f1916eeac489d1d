import type { DescribeSObjectResult, Field } from '@jsforce/jsforce-node';
import { distance } from 'fastest-levenshtein';

/** A field list problem, in plain words; the caller turns it into the node's error. */
export class FieldNameError extends Error {
	constructor(
		message: string,
		readonly fieldName: string,
		readonly suggestions: string[],
	) {
		super(message);
	}
}

/** Up to `count` names of `candidates` nearest to `name` (case-insensitive), nearest first. */
export function nearestNames(name: string, candidates: string[], count = 3): string[] {
	const wanted = name.toLowerCase();
	return candidates
		.map((c) => ({
			c,
			d:
				distance(wanted, c.toLowerCase()) -
				(c.toLowerCase().includes(wanted) || wanted.includes(c.toLowerCase()) ? 2 : 0),
		}))
		.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
		.slice(0, count)
		.map((x) => x.c);
}

/**
 * Checks field names against an object's describe and returns them as Salesforce spells them.
 * A relationship path (`Owner.Name`) is checked as far as this describe goes: its first part must
 * be a relationship of the object. An unknown name gets an error listing the nearest valid names.
 */
export function resolveFieldNames(describe: DescribeSObjectResult, names: string[]): string[] {
	const byName = new Map(describe.fields.map((f) => [f.name.toLowerCase(), f] as const));
	const byRelationship = new Map(
		describe.fields
			.filter((f) => f.relationshipName)
			.map((f) => [String(f.relationshipName).toLowerCase(), f] as const),
	);
	return names.map((raw) => {
		const name = String(raw).trim();
		if (name === '')
			throw new FieldNameError(`A field name of ${describe.name} is empty`, String(raw), []);
		const parts = pathSegments(name);
		if (parts.length === 1) {
			const field = byName.get(name.toLowerCase());
			if (field) return field.name;
			throw unknown(
				describe,
				name,
				describe.fields.map((f) => f.name),
			);
		}
		const relationship = byRelationship.get(parts[0].toLowerCase());
		if (!relationship) {
			throw unknown(
				describe,
				parts[0],
				describe.fields.flatMap((f: Field) => (f.relationshipName ? [f.relationshipName] : [])),
				'relationship',
			);
		}
		return [relationship.relationshipName, ...parts.slice(1)].join('.');
	});
}

/** A field or relationship name as Salesforce spells them: letters, digits and `_` (custom ones end in `__c`, `__r`). */
const NAME_SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Salesforce follows at most five parent relationships in one path. */
const MAX_RELATIONSHIPS = 5;

/** The segments of a field path, each a plain name; anything else (commas, spaces, brackets, quotes, a subquery) is refused. */
export function pathSegments(path: string): string[] {
	const parts = path.split('.');
	if (!parts.every((p) => NAME_SEGMENT.test(p)) || parts.length > MAX_RELATIONSHIPS + 1) {
		throw new FieldNameError(
			`"${path}" is not a field name: give one field per entry, as letters, digits and _ (such as Subject or Owner.Name), without commas, spaces, brackets, quotes or subqueries`,
			path,
			[],
		);
	}
	return parts;
}

/** A field list parameter as an expression may give it: an array of names, or one comma-separated string. */
export function fieldListOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v ?? '').trim()).filter((v) => v !== '');
	if (typeof value === 'string')
		return value
			.split(',')
			.map((v) => v.trim())
			.filter((v) => v !== '');
	return [];
}

/** What `resolveFieldPaths` needs: describes by object name, cached (a `DescribeCache` fits). */
export interface Describer {
	describe(objectName: string): Promise<DescribeSObjectResult>;
	/** Fetches several describes at once ahead of `describe` (optional: one at a time otherwise). */
	prefetch?(objectNames: string[]): Promise<void>;
}

/**
 * Checks field paths segment by segment and returns them as Salesforce spells them: every segment
 * but the last a relationship of the object reached so far (its parent described, through the
 * cache; for a polymorphic one such as Owner, any of its objects will do), the last a field.
 */
export async function resolveFieldPaths(
	describer: Describer,
	describe: DescribeSObjectResult,
	names: string[],
): Promise<string[]> {
	const out: string[] = [];
	// Every parent the paths reach first is described in one request, not one call each.
	await describer.prefetch?.(
		names.flatMap((raw) => {
			const first = raw.split('.');
			if (first.length < 2) return [];
			const relationship = describe.fields.find(
				(f) => f.relationshipName?.toLowerCase() === first[0].trim().toLowerCase(),
			);
			return relationship?.referenceTo ?? [];
		}),
	);
	for (const raw of names) {
		const [first] = resolveFieldNames(describe, [raw]);
		const parts = pathSegments(first);
		if (parts.length === 1) {
			out.push(first);
			continue;
		}
		out.push([parts[0], ...(await resolveRest(describer, describe, parts, 0, first))].join('.'));
	}
	return out;
}

/** The segments after `parts[index]` (a relationship of `describe`), checked against its parent objects. */
async function resolveRest(
	describer: Describer,
	describe: DescribeSObjectResult,
	parts: string[],
	index: number,
	path: string,
): Promise<string[]> {
	const relationship = describe.fields.find(
		(f) => f.relationshipName?.toLowerCase() === parts[index].toLowerCase(),
	) as Field;
	const targets = relationship.referenceTo ?? [];
	await describer.prefetch?.(targets);
	let firstProblem: FieldNameError | undefined;
	for (const target of targets) {
		let parent: DescribeSObjectResult;
		try {
			parent = await describer.describe(target);
		} catch {
			continue; // an object the connected user cannot see
		}
		let failure: unknown;
		try {
			const next = parts[index + 1];
			if (index + 1 === parts.length - 1) {
				const [name] = resolveFieldNames(parent, [next]);
				return [name];
			}
			const [name] = resolveFieldNames(parent, [`${next}.x`]);
			return [
				name.split('.')[0],
				...(await resolveRest(describer, parent, parts, index + 1, path)),
			];
		} catch (error) {
			failure = error;
		}
		if (!(failure instanceof FieldNameError)) throw failure;
		firstProblem ??= failure;
	}
	const problem =
		firstProblem ??
		new FieldNameError(
			`"${parts[index]}" of ${describe.name} leads to no object the connected user can see`,
			path,
			[],
		);
	throw new FieldNameError(
		problem.message.startsWith('Field "') ? problem.message : `Field "${path}": ${problem.message}`,
		path,
		problem.suggestions,
	);
}

function unknown(
	describe: DescribeSObjectResult,
	name: string,
	candidates: string[],
	what = 'field',
): FieldNameError {
	const near = nearestNames(name, candidates);
	const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
	return new FieldNameError(
		`${describe.label} (${describe.name}) has no ${what} "${name}".${hint}`,
		name,
		near,
	);
}
