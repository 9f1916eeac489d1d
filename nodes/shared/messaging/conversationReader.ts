import type { ConversationEntry } from '../thread/types';
import type { N8nHttpTransport } from '../transport/httpTransport';
import {
	conversationEntriesPage,
	MAX_CONVERSATION_ENTRIES,
	type ApiClient,
} from '../transport/salesforceApi';
import { SalesforceApiError } from '../transport/salesforceErrors';
import type { ConnectBudget } from './connectBudget';

/** Messages that cannot be read now: the budget is spent, or Salesforce refused (its hourly limit). */
export interface Deferral {
	/** Why, in words for the log. */
	deferred: string;
	/** When the budget allows a call again; undefined when Salesforce refused (unknown). */
	until?: number;
}

export const isDeferral = (v: unknown): v is Deferral =>
	typeof v === 'object' && v !== null && 'deferred' in v;

/** What the reader calls through: the API, and the org's time of its latest answer. */
export type ReaderClient = ApiClient & { transport: Pick<N8nHttpTransport, 'lastServerTime'> };

/**
 * Reads conversation entries from the Connect REST API, counting every call and, when given a
 * budget, making none past it. The org's time (for the budget) is the latest `Date` header.
 */
export class ConversationReader {
	/** Connect calls made (refused ones included). */
	calls = 0;

	constructor(
		private readonly sf: ReaderClient,
		private readonly budget?: ConnectBudget,
	) {}

	private orgNow(): number {
		return this.sf.transport.lastServerTime ?? Date.now();
	}

	/**
	 * The entries of a conversation between two times (epoch ms, inclusive; no end: to the last), oldest first, every
	 * page. A conversation Salesforce does not know (deleted, or not visible) has none.
	 */
	async entries(
		conversationIdentifier: string,
		startTimestamp: number,
		endTimestamp: number | undefined,
	): Promise<ConversationEntry[] | Deferral> {
		const out: ConversationEntry[] = [];
		const seen = new Set<string>();
		let start = startTimestamp;
		for (;;) {
			if (this.budget && this.budget.left(this.orgNow()) === 0) {
				const until = this.budget.nextFreeAt(this.orgNow());
				return {
					deferred: `the budget of ${this.budget.perHour} Connect API calls per hour is spent until ${new Date(until).toISOString()}`,
					until,
				};
			}
			let page: ConversationEntry[] | undefined;
			let failure: unknown;
			try {
				this.calls++;
				page = (
					await conversationEntriesPage(this.sf, conversationIdentifier, {
						startTimestamp: start,
						endTimestamp,
						recordLimit: MAX_CONVERSATION_ENTRIES,
					})
				).conversationEntries;
			} catch (e) {
				failure = e;
			} finally {
				this.budget?.record(this.orgNow());
			}
			if (page === undefined) {
				const code = failure instanceof SalesforceApiError ? failure.errorCode : undefined;
				if (code === 'REQUEST_LIMIT_EXCEEDED')
					return {
						deferred:
							"Salesforce refused: the Connect API's hourly limit for this user and app is reached (other apps or workflows share it)",
					};
				if (code === 'NOT_FOUND') return out;
				throw failure;
			}
			for (const entry of page) {
				const key = entry.identifier ?? JSON.stringify(entry);
				if (seen.has(key)) continue;
				seen.add(key);
				out.push(entry);
			}
			if (page.length < MAX_CONVERSATION_ENTRIES) return out;
			// No next-page link: the next page starts at the last entry's time (inclusive, so that entries
			// of that same millisecond are not skipped; those already read are left out above).
			const last = page[page.length - 1];
			const at = last.serverReceivedTimestamp ?? last.clientTimestamp ?? start;
			start = at > start ? at : start + 1;
		}
	}
}
