import { isWellFormedId, idSuffix } from '../salesforceIds';
import { nearestNames } from '../soql/fieldNames';
import { queryAll } from '../soql/queryPages';
import type { SalesforceConnection } from '../transport/connection';

/** A queue that takes cases: its Id (18 characters), name and API name. */
export interface CaseQueue {
	id: string;
	name: string;
	developerName: string;
}

/** A queue the user named that the org does not have (or that does not take cases), in plain words. */
export class QueueChoiceError extends Error {}

const CASE_QUEUES_QUERY =
	"SELECT QueueId, Queue.Name, Queue.DeveloperName FROM QueueSobject WHERE SobjectType = 'Case' ORDER BY Queue.Name";

/** The org's queues that take cases (a QueueSobject row for Case), by name. */
export async function caseQueues(
	sf: Pick<SalesforceConnection, 'conn' | 'apiVersion'>,
): Promise<CaseQueue[]> {
	const rows = await queryAll<{
		QueueId: string;
		Queue: { Name?: string; DeveloperName?: string } | null;
	}>(sf, CASE_QUEUES_QUERY);
	return rows.map((r) => ({
		id: toId18(r.QueueId),
		name: r.Queue?.Name ?? r.QueueId,
		developerName: r.Queue?.DeveloperName ?? '',
	}));
}

/**
 * The queue parameter as a list: the list the editor keeps, or what an expression gave, an array or
 * one comma-separated string (`"Tier 1, Billing"`). Each entry is a queue's Id or its name.
 */
export function queueEntries(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.map((v) => String(v ?? ''))
		: typeof value === 'string'
			? value.split(',')
			: value === null || value === undefined
				? []
				: [String(value)];
	return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
}

/** A Salesforce Id in its 18-character form (a 15-character Id gets its checksum suffix). */
export function toId18(id: string): string {
	return id.length === 15 ? id + idSuffix(id) : id.slice(0, 15) + idSuffix(id.slice(0, 15));
}

/**
 * The 18-character Ids of the chosen queues. An entry is a queue Id (15 or 18 characters) or a queue
 * name, matched without regard to case against the queues' names (then their API names). An entry
 * that names no case queue of the org, or more than one, is refused with an error naming it.
 */
export function resolveQueues(entries: string[], queues: CaseQueue[]): string[] {
	const ids = new Set<string>();
	for (const entry of entries) {
		const idShaped = isWellFormedId(entry);
		const byId = idShaped ? queues.find((q) => q.id === toId18(entry)) : undefined;
		if (byId) {
			ids.add(byId.id);
			continue;
		}
		const wanted = entry.toLowerCase();
		let matches = queues.filter((q) => q.name.toLowerCase() === wanted);
		if (matches.length === 0)
			matches = queues.filter((q) => q.developerName.toLowerCase() === wanted);
		if (matches.length > 1)
			throw new QueueChoiceError(
				`Several queues for cases are named "${entry}": use the ID of the one you mean (${matches.map((q) => q.id).join(', ')})`,
			);
		if (matches.length === 1) {
			ids.add(matches[0].id);
			continue;
		}
		if (idShaped)
			throw new QueueChoiceError(
				`There is no queue for cases with the ID "${entry}" in your Salesforce org${listed(queues)}`,
			);
		const near = nearestNames(entry, [...new Set(queues.map((q) => q.name))], 2);
		throw new QueueChoiceError(
			`There is no queue for cases named "${entry}" in your Salesforce org${near.length ? `. Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : listed(queues)}`,
		);
	}
	return [...ids];
}

function listed(queues: CaseQueue[]): string {
	if (queues.length === 0) return ' (it has no queues for cases)';
	const names = [...new Set(queues.map((q) => `"${q.name}"`))];
	return `. Its queues for cases: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}`;
}
