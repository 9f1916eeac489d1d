// Values as Salesforce writes them in JSON.

/** `2026-05-01T07:25:37.000+0000` */
export function formatDateTime(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+0000');
}

/** `2026-05-01` */
export function formatDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Parses the date-time forms Salesforce accepts in JSON bodies; undefined when it is not one. */
export function parseDateTime(value: string): number | undefined {
	const m =
		/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
			value.trim(),
		);
	if (!m) return undefined;
	const time = m[2] ?? '00:00:00';
	let zone = m[3] ?? 'Z';
	if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
	const ms = Date.parse(`${m[1]}T${time.length === 5 ? `${time}:00` : time}${zone}`);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Parses `YYYY-MM-DD`; undefined when it is not a date. */
export function parseDate(value: string): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
	return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}
