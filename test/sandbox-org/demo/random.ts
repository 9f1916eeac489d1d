// A seeded pseudo-random generator for the demo data: the same seed gives the same sequence on
// every machine and Node version (Math.random cannot be seeded).

/** Mixes two 32-bit integers into one well-spread 32-bit integer (murmur3's finalizer). */
export function mix32(a: number, b: number): number {
	let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** A 32-bit hash of a string (FNV-1a), for deriving stable values from names and Ids. */
export function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** sfc32: small, fast and statistically sound; four 32-bit words of state. */
export class Random {
	private readonly origin: number;
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number, stream = 0) {
		this.origin = mix32(seed, stream);
		this.a = this.origin;
		this.b = mix32(this.a, 0x1b873593);
		this.c = mix32(this.b, 0xcc9e2d51);
		this.d = 1;
		for (let i = 0; i < 12; i++) this.next();
	}

	/** A generator of its own for stream `n`, independent of how much this one has been used. */
	fork(n: number): Random {
		return new Random(this.origin, n + 1);
	}

	/** A float in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** A float in [min, max). */
	between(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks by weight; weights need not sum to 1. */
	weighted<T>(entries: Weighted<T>): T {
		let total = 0;
		for (const [, w] of entries) total += w;
		let x = this.next() * total;
		for (const [value, w] of entries) {
			x -= w;
			if (x < 0) return value;
		}
		return entries[entries.length - 1][0];
	}

	/** `count` distinct items in random order (all of them when there are fewer). */
	sample<T>(items: readonly T[], count: number): T[] {
		const copy = items.slice();
		const n = Math.min(count, copy.length);
		for (let i = 0; i < n; i++) {
			const j = i + Math.floor(this.next() * (copy.length - i));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy.slice(0, n);
	}

	/** A duration drawn log-uniformly from [min, max]: short waits are common, long ones rare. */
	logUniform(min: number, max: number): number {
		return Math.round(Math.exp(this.between(Math.log(min), Math.log(max))));
	}

	/** `length` characters drawn from `alphabet`. */
	chars(alphabet: string, length: number): string {
		const out: string[] = [];
		for (let i = 0; i < length; i++)
			out.push(alphabet.charAt(Math.floor(this.next() * alphabet.length)));
		return out.join('');
	}

	/** A version-4 UUID (as Salesforce writes conversation and entry identifiers). */
	uuid(): string {
		const hex = this.chars('0123456789abcdef', 32);
		const variant = '89ab'.charAt(this.int(0, 3));
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}
}
