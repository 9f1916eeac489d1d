// Salesforce record Ids: a 3-character key prefix that names the object, then 12 characters
// unique in the org, then a 3-character suffix that makes the Id case-insensitively unique.

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The 3-character case-safe suffix of a 15-character Id. */
export function idSuffix(id15: string): string {
	let suffix = '';
	for (let chunk = 0; chunk < 3; chunk++) {
		let bits = 0;
		for (let i = 0; i < 5; i++) {
			const c = id15.charAt(chunk * 5 + i);
			if (c >= 'A' && c <= 'Z') bits |= 1 << i;
		}
		suffix += SUFFIX_ALPHABET.charAt(bits);
	}
	return suffix;
}

/** Builds an 18-character Id from a key prefix and a sequence number. */
export function makeId(keyPrefix: string, sequence: number, pod = 'Sb'): string {
	let n = sequence;
	let body = '';
	for (let i = 0; i < 10; i++) {
		body = BASE62.charAt(n % 62) + body;
		n = Math.floor(n / 62);
	}
	const id15 = keyPrefix + pod + body;
	return flatten(id15 + idSuffix(id15));
}

/** Concatenation leaves a tree of string pieces; using the string as a number makes V8 store it flat. */
function flatten(s: string): string {
	void Number(s);
	return s;
}

/** A 15- or 18-character Id with a valid suffix. */
export function isValidId(value: unknown): value is string {
	if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value))
		return false;
	return value.length === 15 || idSuffix(value.slice(0, 15)) === value.slice(15);
}

/** The 18-character form of a valid 15- or 18-character Id. */
export function toId18(id: string): string {
	return id.length === 18 ? id : id + idSuffix(id);
}
