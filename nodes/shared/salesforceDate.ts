import { DateTime } from 'luxon';

/** ISO 8601 with the offset written out (`+00:00`, never `Z`), as the package's output dates are. */
const ISO_WITH_OFFSET = "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";

/**
 * A date-time as Salesforce sends it (`2026-05-01T07:25:37.000+0000`) or as epoch ms (the Connect
 * API's timestamps), parsed keeping its offset. Undefined for an empty or unreadable value.
 */
export function parseSalesforceDateTime(value: unknown): DateTime | undefined {
	let parsed: DateTime | undefined;
	if (typeof value === 'number' && Number.isFinite(value))
		parsed = DateTime.fromMillis(value, { zone: 'utc' });
	else if (typeof value === 'string' && value.trim() !== '')
		parsed = DateTime.fromISO(value.trim(), { setZone: true });
	return parsed?.isValid ? parsed : undefined;
}

/** `2026-05-01T07:25:37.000+00:00`, or null when there is no readable date. */
export function isoDateTime(value: unknown): string | null {
	return parseSalesforceDateTime(value)?.toFormat(ISO_WITH_OFFSET) ?? null;
}

/** Epoch ms, for ordering; undefined when there is no readable date. */
export function epochMs(value: unknown): number | undefined {
	return parseSalesforceDateTime(value)?.toMillis();
}
