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
		.map((c) => ({ c, d: distance(wanted, c.toLowerCase()) - (c.toLowerCase().includes(wanted) || wanted.includes(c.toLowerCase()) ? 2 : 0) }))
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
		describe.fields.filter((f) => f.relationshipName).map((f) => [String(f.relationshipName).toLowerCase(), f] as const),
	);
	return names.map((raw) => {
		const name = raw.trim();
		if (name === '') throw new FieldNameError(`A field name of ${describe.name} is empty`, raw, []);
		const parts = name.split('.');
		if (parts.length === 1) {
			const field = byName.get(name.toLowerCase());
			if (field) return field.name;
			throw unknown(describe, name, describe.fields.map((f) => f.name));
		}
		const relationship = byRelationship.get(parts[0].toLowerCase());
		if (!relationship) {
			throw unknown(describe, parts[0], describe.fields.flatMap((f: Field) => (f.relationshipName ? [f.relationshipName] : [])), 'relationship');
		}
		return [relationship.relationshipName, ...parts.slice(1)].join('.');
	});
}

function unknown(describe: DescribeSObjectResult, name: string, candidates: string[], what = 'field'): FieldNameError {
	const near = nearestNames(name, candidates);
	const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
	return new FieldNameError(`${describe.label} (${describe.name}) has no ${what} "${name}".${hint}`, name, near);
}
