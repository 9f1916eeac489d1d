/** The org's clock: real time by default; tests may freeze it or move it forward. */
export class Clock {
	private offsetMs = 0;
	private frozenAt: number | undefined;

	now(): number {
		return this.frozenAt ?? Date.now() + this.offsetMs;
	}

	/** Moves the clock forward (frozen or not). */
	advance(ms: number): void {
		if (this.frozenAt !== undefined) this.frozenAt += ms;
		else this.offsetMs += ms;
	}

	/** Stops the clock at `at` (epoch ms), or where it is now. */
	freeze(at?: number): void {
		this.frozenAt = at ?? this.now();
	}

	/** Lets the clock run again from where it stands. */
	unfreeze(): void {
		if (this.frozenAt === undefined) return;
		this.offsetMs = this.frozenAt - Date.now();
		this.frozenAt = undefined;
	}

	/** Back to real time, unfrozen. */
	reset(): void {
		this.offsetMs = 0;
		this.frozenAt = undefined;
	}

	get frozen(): boolean {
		return this.frozenAt !== undefined;
	}
}
