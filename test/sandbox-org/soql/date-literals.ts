// SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_QUARTER, ...) as ranges of time. Salesforce
// evaluates them in the querying user's time zone and locale; the sandbox's users are in UTC and
// en_US, so weeks start on Sunday. The fiscal year is the org default: the calendar year.

const DAY = 86_400_000;

/** [start, end) in epoch ms. */
export interface TimeRange {
	start: number;
	end: number;
}

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

/** The range a date literal names at `now`; undefined for a name SOQL does not define. */
export function dateLiteralRange(literal: string, now: number): TimeRange | undefined {
	const m = /^([A-Z0-9_]+?)(?::(\d+))?$/.exec(literal.toUpperCase());
	if (!m) return undefined;
	const name = m[1];
	const n = m[2] === undefined ? undefined : Number(m[2]);
	const fixed = FIXED[name];
	if (fixed && n === undefined) return unitRange(fixed[0], now, fixed[1], fixed[1] + 1);
	if (name === 'LAST_90_DAYS' && n === undefined) return unitRange('DAY', now, -90, 1);
	if (name === 'NEXT_90_DAYS' && n === undefined) return unitRange('DAY', now, 1, 91);
	if (n === undefined) return undefined;
	const rolling = /^(LAST|NEXT)_N_(FISCAL_)?(DAY|WEEK|MONTH|QUARTER|YEAR)S$/.exec(name);
	if (rolling) {
		const unit = rolling[3] as Unit;
		// LAST_N_DAYS includes today; the longer units count whole units before the current one.
		if (rolling[1] === 'LAST') return unitRange(unit, now, -n, unit === 'DAY' ? 1 : 0);
		return unitRange(unit, now, 1, n + 1);
	}
	const ago = /^N_(FISCAL_)?(DAY|WEEK|MONTH|QUARTER|YEAR)S_AGO$/.exec(name);
	if (ago) return unitRange(ago[2] as Unit, now, -n, -n + 1);
	return undefined;
}

/** Literal -> [unit, offset of the unit from the current one]. */
const FIXED: Record<string, [Unit, number]> = {
	YESTERDAY: ['DAY', -1],
	TODAY: ['DAY', 0],
	TOMORROW: ['DAY', 1],
	LAST_WEEK: ['WEEK', -1],
	THIS_WEEK: ['WEEK', 0],
	NEXT_WEEK: ['WEEK', 1],
	LAST_MONTH: ['MONTH', -1],
	THIS_MONTH: ['MONTH', 0],
	NEXT_MONTH: ['MONTH', 1],
	LAST_QUARTER: ['QUARTER', -1],
	THIS_QUARTER: ['QUARTER', 0],
	NEXT_QUARTER: ['QUARTER', 1],
	LAST_YEAR: ['YEAR', -1],
	THIS_YEAR: ['YEAR', 0],
	NEXT_YEAR: ['YEAR', 1],
	LAST_FISCAL_QUARTER: ['QUARTER', -1],
	THIS_FISCAL_QUARTER: ['QUARTER', 0],
	NEXT_FISCAL_QUARTER: ['QUARTER', 1],
	LAST_FISCAL_YEAR: ['YEAR', -1],
	THIS_FISCAL_YEAR: ['YEAR', 0],
	NEXT_FISCAL_YEAR: ['YEAR', 1],
};

/** From the start of the unit `from` units away from the current one, to the start of the unit `to` units away. */
function unitRange(unit: Unit, now: number, from: number, to: number): TimeRange {
	return { start: unitStart(unit, now, from), end: unitStart(unit, now, to) };
}

function unitStart(unit: Unit, now: number, offset: number): number {
	const d = new Date(now);
	const y = d.getUTCFullYear();
	const mo = d.getUTCMonth();
	const today = Date.UTC(y, mo, d.getUTCDate());
	switch (unit) {
		case 'DAY':
			return today + offset * DAY;
		case 'WEEK':
			return today - d.getUTCDay() * DAY + offset * 7 * DAY;
		case 'MONTH':
			return Date.UTC(y, mo + offset, 1);
		case 'QUARTER':
			return Date.UTC(y, mo - (mo % 3) + offset * 3, 1);
		case 'YEAR':
			return Date.UTC(y + offset, 0, 1);
	}
}

/** How a comparison operator applies to a range: `=` within, `<` before its start, `>` after its end. */
export function compareToRange(value: number, operator: string, range: TimeRange): boolean {
	switch (operator) {
		case '=':
			return value >= range.start && value < range.end;
		case '!=':
		case '<>':
			return !(value >= range.start && value < range.end);
		case '<':
			return value < range.start;
		case '<=':
			return value < range.end;
		case '>':
			return value >= range.end;
		case '>=':
			return value >= range.start;
		default:
			return false;
	}
}
