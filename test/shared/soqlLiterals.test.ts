import { DateTime } from 'luxon';

import {
	escapeSoqlString,
	soqlDate,
	soqlDateTime,
	soqlLikeLiteral,
	soqlString,
} from '../../nodes/shared/soql/literals';

describe('SOQL literals', () => {
	it('escapes every character SOQL string literals escape', () => {
		expect(soqlString(`O'Brien "Jr" \\ tab\there\nnew\rline\b\f`)).toBe(
			`'O\\'Brien \\"Jr\\" \\\\ tab\\there\\nnew\\rline\\b\\f'`,
		);
	});

	it('cannot be broken out of by a quote', () => {
		const attack = `x' OR Name != '`;
		const literal = soqlString(attack);
		// The only unescaped quotes are the two that delimit the literal.
		expect(literal.replace(/\\./g, '').match(/'/g)).toHaveLength(2);
		expect(escapeSoqlString(attack)).toBe(`x\\' OR Name != \\'`);
	});

	it('escapes LIKE wildcards so they match literally', () => {
		expect(soqlLikeLiteral('50%_off')).toBe(`'%50\\%\\_off%'`);
		expect(soqlLikeLiteral('ab', 'startsWith')).toBe(`'ab%'`);
		expect(soqlLikeLiteral('ab', 'exact')).toBe(`'ab'`);
	});

	it('writes date-times in UTC, unquoted', () => {
		expect(soqlDateTime('2026-05-01T09:25:37+02:00')).toBe('2026-05-01T07:25:37Z');
		expect(soqlDateTime(DateTime.fromISO('2026-05-01T07:25:37.250Z'))).toBe(
			'2026-05-01T07:25:37.250Z',
		);
		expect(soqlDateTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05Z');
		expect(() => soqlDateTime('yesterday')).toThrow('Not a valid date and time: yesterday');
	});

	it('writes dates', () => {
		expect(soqlDate('2026-05-01')).toBe('2026-05-01');
		expect(() => soqlDate('2026-13-01')).toThrow('Not a valid date');
	});
});
