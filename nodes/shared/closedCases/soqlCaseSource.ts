import type { IDataObject } from 'n8n-workflow';

import { queryPages } from '../soql/queryPages';
import type { SalesforceConnection } from '../transport/connection';
import { completeChildResults } from './caseDetails';
import { backfillQuery, liveQuery, type CaseQueryPlan } from './caseQuery';
import type { ClosedCaseSource, ClosedCaseStamp, StampedCase } from './closureCursor';
import { epochMs } from '../salesforceDate';

/** The trigger's source of closed cases: its two queries, paged through `nextRecordsUrl`. */
export class SoqlClosedCaseSource implements ClosedCaseSource<IDataObject> {
	/** The org's time when it answered the latest query's first page. */
	private answeredAt: number | undefined;

	constructor(
		private readonly sf: SalesforceConnection,
		private readonly plan: CaseQueryPlan,
		/** Cases outside the chosen queues are read (the cursor moves past them) but never emitted. */
		private readonly accept: (record: IDataObject) => boolean,
	) {}

	async backfill(
		from: number,
		to: number,
		after: Parameters<ClosedCaseSource<IDataObject>['backfill']>[2],
		limit: number,
	): Promise<Array<StampedCase<IDataObject>>> {
		const out: Array<StampedCase<IDataObject>> = [];
		for await (const page of this.pages(backfillQuery(this.plan, from, to, after, limit)))
			out.push(...page);
		return out;
	}

	live(since: number): AsyncIterable<Array<StampedCase<IDataObject>>> {
		return this.pages(liveQuery(this.plan, since));
	}

	/** Runs a query and yields its pages; a case's own child results are completed before it is yielded. */
	async *pages(soql: string): AsyncGenerator<Array<StampedCase<IDataObject>>> {
		let first = true;
		for await (const page of queryPages(this.sf, soql)) {
			if (first) this.answeredAt = this.sf.transport.lastServerTime;
			first = false;
			const batch: Array<StampedCase<IDataObject>> = [];
			for (const record of page.records) {
				await this.completeChildren(record);
				batch.push({ stamp: stampOf(record), record, accepted: this.accept(record) });
			}
			yield batch;
		}
	}

	/** The org's time (to the second, from the `Date` header) when it answered the latest query; n8n's clock if it sent none. */
	orgTime(): number {
		return this.answeredAt ?? Date.now();
	}

	/** Fetches the further pages of a case's child results (emails past the 200 Salesforce returns inline). */
	completeChildren(record: IDataObject): Promise<void> {
		return completeChildResults(this.sf, record);
	}
}

export function stampOf(record: IDataObject): ClosedCaseStamp {
	return {
		id: String(record.Id),
		closedDate: epochMs(record.ClosedDate) ?? 0,
		createdDate: epochMs(record.CreatedDate) ?? 0,
		systemModstamp: epochMs(record.SystemModstamp) ?? 0,
	};
}
