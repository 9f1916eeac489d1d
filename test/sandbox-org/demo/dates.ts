// Dates as mail clients and Salesforce print them, computed by hand (no Intl): the output must not
// depend on the machine's locale or ICU data, or the same seed would give different bytes.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

interface Parts {
	year: number;
	month: number;
	day: number;
	weekday: number;
	hour: number;
	minute: number;
	second: number;
}

/** Calendar parts of `ms` at `offsetMinutes` east of UTC. */
function parts(ms: number, offsetMinutes: number): Parts {
	const d = new Date(ms + offsetMinutes * MINUTE);
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth(),
		day: d.getUTCDate(),
		weekday: d.getUTCDay(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes(),
		second: d.getUTCSeconds(),
	};
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const short = (name: string) => name.slice(0, 3);

/** `10:02 AM` */
function clock12(p: Parts): string {
	const h = p.hour % 12 === 0 ? 12 : p.hour % 12;
	return `${h}:${pad2(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** `-0500` */
export function offsetLabel(offsetMinutes: number): string {
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${sign}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

export type DateOrder = 'month-first' | 'day-first';

/** Gmail's reply line date: `Tue, Mar 3, 2026 at 10:02 AM` or `Tue, 3 Mar 2026 at 10:02`. */
export function gmailDate(ms: number, offset: number, order: DateOrder): string {
	const p = parts(ms, offset);
	const wd = short(DAYS[p.weekday]);
	return order === 'month-first'
		? `${wd}, ${short(MONTHS[p.month])} ${p.day}, ${p.year} at ${clock12(p)}`
		: `${wd}, ${p.day} ${short(MONTHS[p.month])} ${p.year} at ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Apple Mail's reply line date: `Mar 3, 2026, at 10:02 AM` or `3 Mar 2026, at 10:02`. */
export function appleDate(ms: number, offset: number, order: DateOrder): string {
	const p = parts(ms, offset);
	return order === 'month-first'
		? `${short(MONTHS[p.month])} ${p.day}, ${p.year}, at ${clock12(p)}`
		: `${p.day} ${short(MONTHS[p.month])} ${p.year}, at ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Outlook's `Sent:` date: `Tuesday, March 3, 2026 10:02 AM` or `03 March 2026 10:02`. */
export function outlookDate(ms: number, offset: number, order: DateOrder): string {
	const p = parts(ms, offset);
	return order === 'month-first'
		? `${DAYS[p.weekday]}, ${MONTHS[p.month]} ${p.day}, ${p.year} ${clock12(p)}`
		: `${pad2(p.day)} ${MONTHS[p.month]} ${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** The Salesforce email composer's `Sent:` date: `3/3/2026 10:02 AM`. */
export function salesforceDate(ms: number, offset: number): string {
	const p = parts(ms, offset);
	return `${p.month + 1}/${p.day}/${p.year} ${clock12(p)}`;
}

/** An RFC 5322 `Date:` header: `Tue, 3 Mar 2026 10:02:11 -0500`. */
export function rfc5322Date(ms: number, offset: number): string {
	const p = parts(ms, offset);
	return `${short(DAYS[p.weekday])}, ${p.day} ${short(MONTHS[p.month])} ${p.year} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)} ${offsetLabel(offset)}`;
}

/** The legacy chat transcript's start line: `Monday, December 17, 2018, 23:27:57 (-0500)`. */
export function chatStartedDate(ms: number, offset: number): string {
	const p = parts(ms, offset);
	return `${DAYS[p.weekday]}, ${MONTHS[p.month]} ${pad2(p.day)}, ${p.year}, ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)} (${offsetLabel(offset)})`;
}

/** A date in running text: `March 3` or `3 March`. */
export function proseDate(ms: number, offset: number, order: DateOrder): string {
	const p = parts(ms, offset);
	return order === 'month-first' ? `${MONTHS[p.month]} ${p.day}` : `${p.day} ${MONTHS[p.month]}`;
}

/** A weekday and date in running text: `Tuesday, March 10` or `Tuesday 10 March`. */
export function proseDay(ms: number, offset: number, order: DateOrder): string {
	const p = parts(ms, offset);
	return order === 'month-first'
		? `${DAYS[p.weekday]}, ${MONTHS[p.month]} ${p.day}`
		: `${DAYS[p.weekday]} ${p.day} ${MONTHS[p.month]}`;
}

/** `March` */
export function monthName(ms: number, offset: number): string {
	return MONTHS[parts(ms, offset).month];
}

/** `14:05` */
export function timeOfDay(ms: number, offset: number): string {
	const p = parts(ms, offset);
	return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** The elapsed-time stamp of a chat transcript line: `( 10s )`, `( 1m 13s )`, `( 1h 2m 5s )`. */
export function chatElapsed(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const pieces = [h > 0 ? `${h}h` : '', h > 0 || m > 0 ? `${m}m` : '', `${s}s`].filter(Boolean);
	return `( ${pieces.join(' ')} )`;
}
