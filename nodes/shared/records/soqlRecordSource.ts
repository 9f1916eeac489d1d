import type { IDataObject } from 'n8n-workflow';

import type {
	EventKeyset,
	EventSource,
	EventStamp,
	StampedRecord,
} from '../eventCursor/eventCursor';
import { epochMs } from '../salesforceDate';
import { queryPages } from '../soql/queryPages';
import type { SalesforceConnection } from '../transport/connection';
import { recordBackfillQuery, recordLiveQuery, type RecordEventField } from './recordQuery';
import type { RecordQueryPlan } from './recordPlan';

/**
 * A record's stamp for the cursor: its event is the chosen timestamp. A chat's end counts for the
 * floor from its creation when it was saved after it ended (as for a case inserted closed).
 */
export function recordStamp(record: IDataObject, eventField: RecordEventField): EventStamp {
	const eventTime = epochMs(record[eventField]) ?? 0;
	return {
		id: String(record.Id),
		eventTime,
		floorTime:
			eventField === 'EndTime' ? Math.max(eventTime, epochMs(record.CreatedDate) ?? 0) : eventTime,
		systemModstamp: epochMs(record.SystemModstamp) ?? 0,
	};
}

/** The record events' source: their two queries, paged through `nextRecordsUrl`. */
export class SoqlRecordSource implements EventSource<IDataObject> {
	private answeredAt: number | undefined;

	constructor(
		private readonly sf: SalesforceConnection,
		private readonly plan: RecordQueryPlan,
		private readonly eventField: RecordEventField,
		/** Records the event does not take (a change of no chosen field) are read but never emitted. */
		private readonly accept: (record: IDataObject) => boolean = () => true,
	) {}

	async backfill(
		from: number,
		to: number,
		after: EventKeyset | null,
		limit: number,
	): Promise<Array<StampedRecord<IDataObject>>> {
		const out: Array<StampedRecord<IDataObject>> = [];
		const soql = recordBackfillQuery(this.plan, this.eventField, from, to, after, limit);
		for await (const page of this.pages(soql)) out.push(...page);
		return out;
	}

	live(since: number, floor: number): AsyncIterable<Array<StampedRecord<IDataObject>>> {
		return this.pages(recordLiveQuery(this.plan, this.eventField, since, floor));
	}

	private async *pages(soql: string): AsyncGenerator<Array<StampedRecord<IDataObject>>> {
		let first = true;
		for await (const page of queryPages(this.sf, soql)) {
			if (first) this.answeredAt = this.sf.transport.lastServerTime;
			first = false;
			yield page.records.map((record) => ({
				stamp: recordStamp(record, this.eventField),
				record,
				accepted: this.accept(record),
			}));
		}
	}

	orgTime(): number {
		return this.answeredAt ?? Date.now();
	}
}
