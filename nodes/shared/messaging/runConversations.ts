import type { ConversationEntry } from '../thread/types';
import { isDeferral, type ConversationReader, type Deferral } from './conversationReader';

/** What reads a conversation's entries between two times: a ConversationReader, or this cache over one. */
export type EntriesSource = Pick<ConversationReader, 'entries'>;

interface Read {
	start: number;
	/** Undefined: to the last entry. */
	end: number | undefined;
	entries: ConversationEntry[];
}

/**
 * The conversations read in one run (one execution of the action node), each kept with the span it
 * was read over: a later read within that span costs no Connect call. A read past it reads the
 * conversation again over both spans. Refusals are not kept (a later item may try again).
 */
export class RunConversations implements EntriesSource {
	private readonly read = new Map<string, Read>();

	constructor(private readonly reader: EntriesSource) {}

	async entries(
		conversationIdentifier: string,
		startTimestamp: number,
		endTimestamp: number | undefined,
	): Promise<ConversationEntry[] | Deferral> {
		const have = this.read.get(conversationIdentifier);
		if (have && have.start <= startTimestamp && covers(have.end, endTimestamp)) return have.entries;
		const start = have ? Math.min(have.start, startTimestamp) : startTimestamp;
		const end = !have
			? endTimestamp
			: have.end === undefined || endTimestamp === undefined
				? undefined
				: Math.max(have.end, endTimestamp);
		const entries = await this.reader.entries(conversationIdentifier, start, end);
		if (!isDeferral(entries)) this.read.set(conversationIdentifier, { start, end, entries });
		return entries;
	}
}

const covers = (readTo: number | undefined, wanted: number | undefined): boolean =>
	readTo === undefined || (wanted !== undefined && wanted <= readTo);
