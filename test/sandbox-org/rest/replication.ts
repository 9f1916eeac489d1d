import { formatDateTime, parseDateTime } from '../core/format';
import { sfError } from '../http/errors';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';

const MINUTE = 60_000;
const THIRTY_DAYS = 30 * 24 * 60 * MINUTE;

/**
 * Replication: `GET /sobjects/T/updated/?start=&end=` and `/deleted/`. Salesforce covers whole
 * minutes: `latestDateCovered` is `end` rounded down to the minute.
 */
export function registerReplicationRoutes(router: Router): void {
	router.add('GET', '/sobjects/:type/updated', 'sobject', (req, { type }) =>
		replication(req, type, 'updated'),
	);
	router.add('GET', '/sobjects/:type/deleted', 'sobject', (req, { type }) =>
		replication(req, type, 'deleted'),
	);
}

function replication(req: SfRequest, typeName: string, kind: 'updated' | 'deleted'): SfResponse {
	const type = req.org.schema.get(typeName);
	if (!type) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
	const start = parseDateTime(req.query.get('start') ?? '');
	const end = parseDateTime(req.query.get('end') ?? '');
	if (start === undefined || end === undefined) {
		return sfError(
			400,
			'MALFORMED_QUERY',
			'start and end parameters are required and must be valid dateTime values (for example 2026-05-01T07:25:00+00:00)',
		);
	}
	if (end <= start)
		return sfError(
			400,
			'INVALID_REPLICATION_DATE',
			'startDate must chronologically precede endDate by more than one minute',
		);
	const now = req.org.clock.now();
	if (now - start > THIRTY_DAYS)
		return sfError(400, 'INVALID_REPLICATION_DATE', 'startDate cannot be more than 30 days ago');
	const covered = Math.floor(Math.min(end, now) / MINUTE) * MINUTE;
	const from = Math.floor(start / MINUTE) * MINUTE;
	const inRange = (ms: unknown) => typeof ms === 'number' && ms >= from && ms < covered;
	if (kind === 'updated') {
		const ids = req.org.store
			.rows(type.name)
			.filter((r) => inRange(r.SystemModstamp))
			.map((r) => r.Id as string);
		return { status: 200, body: { ids, latestDateCovered: formatDateTime(covered) } };
	}
	const deletedRecords = req.org.store
		.rows(type.name, { includeDeleted: true })
		.filter((r) => r.IsDeleted === true && inRange(r.SystemModstamp))
		.map((r) => ({ id: r.Id as string, deletedDate: formatDateTime(r.SystemModstamp as number) }));
	return {
		status: 200,
		body: {
			deletedRecords,
			earliestDateAvailable: formatDateTime(now - THIRTY_DAYS),
			latestDateCovered: formatDateTime(covered),
		},
	};
}
