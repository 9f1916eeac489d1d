import { NOT_FOUND_RESOURCE, sfError } from '../http/errors';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';
import type { ConversationEntry } from '../org';
import { connectLimitExceeded } from './connect-rate-limit';

/** Connect REST API resources: the entries (message texts) of a messaging conversation. */
export function registerConnectRoutes(router: Router): void {
	router.add(
		'GET',
		'/connect/conversation/:conversationIdentifier/entries',
		'connect',
		conversationEntriesHandler,
	);
}

const DEFAULT_RECORD_LIMIT = 25;
const MAX_RECORD_LIMIT = 1000;

/** What a participant's `appType` says for each role. */
const APP_TYPES: Record<ConversationEntry['senderRole'], string> = {
	EndUser: 'iamessage',
	Agent: 'agent',
	Chatbot: 'chatbot',
	System: 'system',
};

/**
 * `GET /connect/conversation/{id}/entries?queryDirection=&recordLimit=&startTimestamp=&endTimestamp=`
 * (API 51.0+). FromEnd (the default) gives the newest `recordLimit` entries, newest first;
 * FromStart the oldest, oldest first. Timestamps are epoch milliseconds, bounds inclusive.
 * There is no next-page URL: a client pages by moving `startTimestamp` (FromStart) or
 * `endTimestamp` (FromEnd) past the last entry it has. Past the hourly limit per user and app: 503.
 */
function conversationEntriesHandler(req: SfRequest, params: Record<string, string>): SfResponse {
	const version = Number(req.version);
	if (version < 51) return NOT_FOUND_RESOURCE();
	const session = req.session;
	if (session && !req.org.connectRateLimit.take(session.userId, session.clientId))
		return connectLimitExceeded();
	const query = parseQuery(req.query);
	if ('status' in query) return query;
	const id = params.conversationIdentifier;
	const entries = req.org.conversations.get(id);
	const known =
		entries !== undefined ||
		req.org.store.rows('Conversation').some((c) => c.ConversationIdentifier === id);
	if (!known) return NOT_FOUND_RESOURCE();
	const inRange = (entries ?? []).filter(
		(e) =>
			e.timestamp >= query.startTimestamp &&
			(query.endTimestamp === undefined || e.timestamp <= query.endTimestamp),
	);
	const ordered = [...inRange].sort((a, b) =>
		query.fromStart ? a.timestamp - b.timestamp : b.timestamp - a.timestamp,
	);
	return {
		status: 200,
		body: {
			conversationEntries: ordered.slice(0, query.recordLimit).map((e) => entryJson(e, version)),
		},
	};
}

function entryJson(e: ConversationEntry, version: number): Record<string, unknown> {
	return {
		clientDuration: 0,
		clientTimestamp: e.timestamp,
		identifier: e.identifier,
		messageText: e.messageText,
		...(version >= 52 ? { relatedRecords: e.relatedRecords } : {}),
		sender: { appType: APP_TYPES[e.senderRole], role: e.senderRole, subject: e.senderSubject },
		serverReceivedTimestamp: e.timestamp,
	};
}

interface EntriesQuery {
	fromStart: boolean;
	recordLimit: number;
	startTimestamp: number;
	endTimestamp?: number;
}

function parseQuery(q: URLSearchParams): EntriesQuery | SfResponse {
	const invalid = (name: string, value: string) =>
		sfError(400, 'INVALID_API_INPUT', `Invalid value for parameter ${name}: ${value}`);
	const direction = q.get('queryDirection') ?? 'FromEnd';
	if (direction !== 'FromEnd' && direction !== 'FromStart')
		return invalid('queryDirection', direction);
	const limitText = q.get('recordLimit');
	const recordLimit = limitText === null ? DEFAULT_RECORD_LIMIT : Number(limitText);
	if (!Number.isInteger(recordLimit) || recordLimit < 1 || recordLimit > MAX_RECORD_LIMIT)
		return invalid('recordLimit', String(limitText));
	const start = q.get('startTimestamp');
	const end = q.get('endTimestamp');
	for (const [name, value] of [
		['startTimestamp', start],
		['endTimestamp', end],
	] as const) {
		if (value !== null && !/^\d+$/.test(value)) return invalid(name, value);
	}
	return {
		fromStart: direction === 'FromStart',
		recordLimit,
		startTimestamp: start === null ? 0 : Number(start),
		endTimestamp: end === null ? undefined : Number(end),
	};
}
