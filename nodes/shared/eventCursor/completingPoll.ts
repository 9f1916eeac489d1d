import {
	pollEvents,
	type EventCursorState,
	type EventKeyset,
	type EventSource,
	type StampedRecord,
} from './eventCursor';

/**
 * A source that remembers what it answered, so that a poll can be decided again on the same
 * answers with a smaller maximum (no second read of the org): the backfill page as the org would
 * have answered it with the smaller limit (its first records), the live pages as they were read.
 */
class ReplayableSource<T> implements EventSource<T> {
	private backfillAnswer: { page: Array<StampedRecord<T>>; orgTime: number } | undefined;
	private readonly livePages: Array<{ page: Array<StampedRecord<T>>; orgTime: number }> = [];
	private replaying = false;
	private time: number | undefined;
	/** The replayed backfill answer was cut to a smaller limit: more follows it. */
	private cut = false;
	readonly backfillExhausted?: () => boolean;

	constructor(private readonly source: EventSource<T>) {
		const exhausted = source.backfillExhausted?.bind(source);
		if (exhausted) this.backfillExhausted = () => !(this.replaying && this.cut) && exhausted();
	}

	replay(): void {
		this.replaying = true;
	}

	async backfill(
		from: number,
		to: number,
		after: EventKeyset | null,
		limit: number,
	): Promise<Array<StampedRecord<T>>> {
		if (this.replaying && this.backfillAnswer) {
			this.time = this.backfillAnswer.orgTime;
			this.cut = limit < this.backfillAnswer.page.length;
			return this.backfillAnswer.page.slice(0, limit);
		}
		const page = await this.source.backfill(from, to, after, limit);
		this.backfillAnswer = { page, orgTime: this.source.orgTime() };
		this.time = undefined;
		return page;
	}

	async *live(since: number, floor: number): AsyncIterable<Array<StampedRecord<T>>> {
		if (this.replaying) {
			for (const answer of this.livePages) {
				this.time = answer.orgTime;
				yield answer.page;
			}
			return;
		}
		for await (const page of this.source.live(since, floor)) {
			this.livePages.push({ page, orgTime: this.source.orgTime() });
			this.time = undefined;
			yield page;
		}
	}

	orgTime(): number {
		return this.time ?? this.source.orgTime();
	}
}

export interface CompletingPollOutcome<U> {
	/** The completed records to hand over, in the cursor's order. */
	items: U[];
	state: EventCursorState;
	/** Records the poll would have emitted but could not complete: a later poll emits them. */
	deferred: number;
}

/**
 * One poll whose records need more work before they are handed over, work that may stop partway
 * (a budget of calls, a limit of the org): `complete` gives the items of the first records it could
 * complete. The cursor then moves past exactly the records handed over, as if the poll's maximum had
 * been that many: the rest are decided on again by a later poll, so each is still emitted once.
 */
export async function pollEventsCompleting<T, U>(
	state: EventCursorState,
	source: EventSource<T>,
	maxEmits: number,
	complete: (records: T[]) => Promise<U[]>,
): Promise<CompletingPollOutcome<U>> {
	const replayable = new ReplayableSource(source);
	const first = await pollEvents(state, replayable, maxEmits);
	const items = first.emitted.length > 0 ? await complete(first.emitted) : [];
	if (items.length >= first.emitted.length) return { items, state: first.state, deferred: 0 };
	if (items.length === 0) return { items, state, deferred: first.emitted.length };
	replayable.replay();
	const again = await pollEvents(state, replayable, items.length);
	// The same answers with a smaller maximum: the records emitted are the first of those before.
	if (again.emitted.some((r, i) => r !== first.emitted[i]))
		throw new Error('The cursor decided differently on the same answers');
	return {
		items: items.slice(0, again.emitted.length),
		state: again.state,
		deferred: first.emitted.length - again.emitted.length,
	};
}
