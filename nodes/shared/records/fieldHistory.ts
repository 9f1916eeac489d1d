import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { IDataObject } from 'n8n-workflow';

import type { EventKeyset, EventSource, StampedRecord } from '../eventCursor/eventCursor';
import { epochMs } from '../salesforceDate';
import { buildQuery } from '../soql/buildQuery';
import { resolveFieldNames } from '../soql/fieldNames';
import { soqlDateTime, soqlString } from '../soql/literals';
import { queryAll, queryPages } from '../soql/queryPages';
import type { SalesforceConnection } from '../transport/connection';

/** A record event's "Only When These Fields Change" refused: the object keeps no field history. */
export class FieldHistoryError extends Error {}

/** Where an object's field history is: `AccountHistory.AccountId`, `Invoice__History.ParentId`, ... */
export interface HistoryPlan extends IDataObject {
	historyObject: string;
	parentField: string;
	/** The watched fields as Salesforce spells them. */
	fields: string[];
}

/** The object's history object (its `Histories` child relationship) and the watched fields, checked. */
export function historyPlanOf(describe: DescribeSObjectResult, fields: string[]): HistoryPlan {
	const histories = describe.childRelationships.find((r) => r.relationshipName === 'Histories');
	if (!histories?.field)
		throw new FieldHistoryError(
			`Salesforce keeps no field history for ${describe.label} (${describe.name}). Turn on history tracking for these fields in Setup (Object Manager > ${describe.label} > Fields & Relationships > Set History Tracking), or leave this option empty to emit every change.`,
		);
	return {
		historyObject: histories.childSObject,
		parentField: histories.field,
		fields: resolveFieldNames(describe, fields),
	};
}

const iso = (ms: number) => soqlDateTime(new Date(ms));

/**
 * Changes of the watched fields as events: a history row is one field a save changed, its CreatedDate
 * the save's second (history rows are never edited, so CreatedDate stands in for SystemModstamp). The
 * event is the record: `RecordId|second`, so several fields changed in one save are one change. It
 * yields record Ids; the records themselves are read afterwards (`recordsByIds`).
 */
export class HistorySource implements EventSource<string> {
	private answeredAt: number | undefined;

	constructor(
		private readonly sf: SalesforceConnection,
		private readonly history: HistoryPlan,
	) {}

	private query(where: string[], limit?: number): string {
		const { historyObject, parentField, fields } = this.history;
		return buildQuery({
			fields: ['Id', parentField, 'CreatedDate'],
			from: historyObject,
			where: [`Field IN (${fields.map(soqlString).join(', ')})`, ...where],
			orderBy: ['CreatedDate ASC', `${parentField} ASC`],
			limit,
		});
	}

	async backfill(
		from: number,
		to: number,
		after: EventKeyset | null,
		limit: number,
	): Promise<Array<StampedRecord<string>>> {
		const p = this.history.parentField;
		const where = [`CreatedDate >= ${iso(from)}`, `CreatedDate < ${iso(to)}`];
		if (after)
			where.push(
				`(CreatedDate > ${iso(after.eventTime)} OR (CreatedDate = ${iso(after.eventTime)} AND ${p} > ${soqlString(after.id)}))`,
			);
		const out: Array<StampedRecord<string>> = [];
		for await (const page of this.pages(this.query(where, limit))) out.push(...page);
		return out;
	}

	live(since: number): AsyncIterable<Array<StampedRecord<string>>> {
		return this.pages(this.query([`CreatedDate >= ${iso(since)}`]));
	}

	private async *pages(soql: string): AsyncGenerator<Array<StampedRecord<string>>> {
		let first = true;
		for await (const page of queryPages(this.sf, soql)) {
			if (first) this.answeredAt = this.sf.transport.lastServerTime;
			first = false;
			yield page.records.map((row) => {
				const at = epochMs(row.CreatedDate) ?? 0;
				const id = String(row[this.history.parentField]);
				return {
					stamp: { id, eventTime: at, floorTime: at, systemModstamp: at },
					record: id,
				};
			});
		}
	}

	orgTime(): number {
		return this.answeredAt ?? Date.now();
	}
}

/** The records of these Ids that meet the conditions, in the order of the Ids (each once), 200 Ids a query. */
export async function recordsByIds(
	sf: SalesforceConnection,
	objectName: string,
	fields: string[],
	extraWhere: string,
	ids: string[],
): Promise<IDataObject[]> {
	const unique = [...new Set(ids)];
	const found = new Map<string, IDataObject>();
	for (let i = 0; i < unique.length; i += 200) {
		const chunk = unique.slice(i, i + 200);
		const where = [`Id IN (${chunk.map(soqlString).join(', ')})`];
		if (extraWhere) where.push(extraWhere);
		for (const r of await queryAll<IDataObject>(
			sf,
			buildQuery({ fields, from: objectName, where }),
		))
			found.set(String(r.Id), r);
	}
	return unique.flatMap((id) => {
		const record = found.get(id);
		return record ? [record] : [];
	});
}
