/** A min-heap of values by (time, order): what happens next, ties broken by a fixed order. */
export class TimeQueue<T> {
	private readonly items: Array<{ at: number; order: number; value: T }> = [];

	get size(): number {
		return this.items.length;
	}

	peekTime(): number | undefined {
		return this.items[0]?.at;
	}

	push(at: number, order: number, value: T): void {
		const items = this.items;
		items.push({ at, order, value });
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.before(i, parent)) break;
			[items[i], items[parent]] = [items[parent], items[i]];
			i = parent;
		}
	}

	pop(): { at: number; order: number; value: T } | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length === 0 || !last) return top;
		items[0] = last;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < items.length && this.before(l, m)) m = l;
			if (r < items.length && this.before(r, m)) m = r;
			if (m === i) break;
			[items[i], items[m]] = [items[m], items[i]];
			i = m;
		}
		return top;
	}

	private before(a: number, b: number): boolean {
		const x = this.items[a];
		const y = this.items[b];
		return x.at < y.at || (x.at === y.at && x.order < y.order);
	}
}
