import { DateTime } from 'luxon';

import { idProblem, idSuffix } from '../../nodes/shared/salesforceIds';
import { conditionsFrom } from '../../nodes/shared/soql/conditionsParameter';
import { fieldListOf, pathSegments } from '../../nodes/shared/soql/fieldNames';
import {
	booleanOf,
	dateRangeProblem,
	decimalText,
	soqlDate,
	soqlDateTime,
} from '../../nodes/shared/soql/literals';
import { checkedObjectName } from '../../nodes/shared/soql/objectNames';
import { encodeQuery, MAX_QUERY_LENGTH, splitInList } from '../../nodes/shared/soql/urlBudget';

// Each value a user gives, checked for its place before it reaches SOQL or a URL.

describe('input checks', () => {
	it('writes numbers as decimals, never in exponent notation, and refuses what is not a decimal', () => {
		expect(decimalText('1e21')).toBe('1000000000000000000000');
		expect(decimalText(1e21)).toBe('1000000000000000000000');
		expect(decimalText('1e-7')).toBe('0.0000001');
		expect(decimalText(1e-7)).toBe('0.0000001');
		expect(decimalText('-12.50')).toBe('-12.5');
		expect(decimalText('.5')).toBe('0.5');
		expect(decimalText('1.5E3')).toBe('1500');
		expect(decimalText('-0')).toBe('0');
		expect(decimalText('12345678901234567890')).toBe('12345678901234567890');
		for (const bad of [
			'0x10',
			'1_000',
			'ten',
			'',
			' ',
			'Infinity',
			'NaN',
			'1e',
			'.',
			'1,5',
			true,
			null,
			NaN,
			Infinity,
		])
			expect(decimalText(bad)).toBeUndefined();
	});

	it('reads true and false in any case', () => {
		expect(['TRUE', 'True', ' false ', true].map(booleanOf)).toEqual([true, true, false, true]);
		expect(['yes', '1', 1, ''].map(booleanOf)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});

	it('keeps dates within the years 1700 to 4000 and never reads a bare number as a date', () => {
		expect(dateRangeProblem(DateTime.fromISO('1699-12-31T23:59:59Z'))).toMatch(
			/1700 to 4000.*1699/,
		);
		expect(dateRangeProblem(DateTime.fromISO('4000-12-31'))).toBeUndefined();
		expect(() => soqlDate('4001-01-01')).toThrow(/1700 to 4000/);
		expect(() => soqlDateTime('1767225600')).toThrow();
		expect(soqlDate('1700-01-01')).toBe('1700-01-01');
	});

	it('refuses a condition whose field came out empty, rather than drop it', () => {
		expect(() =>
			conditionsFrom({
				condition: [
					{ field: 'Subject', operator: 'equals', value: 'a' },
					{ field: '', operator: 'equals', value: 'b' },
				],
			}),
		).toThrow(/Condition 2 has no field/);
		expect(conditionsFrom({})).toEqual([]);
	});

	it('takes field lists as arrays or comma-separated strings, and refuses SOQL inside one entry', () => {
		expect(fieldListOf('Name, Owner.Name')).toEqual(['Name', 'Owner.Name']);
		expect(fieldListOf(['Name', ' Email '])).toEqual(['Name', 'Email']);
		expect(pathSegments('Account.Owner.Email')).toEqual(['Account', 'Owner', 'Email']);
		for (const bad of [
			'Owner.Name, (SELECT Id FROM Tasks)',
			'Name Email',
			"Name'",
			'Owner..Name',
			'COUNT(Id)',
			'A.B.C.D.E.F.G',
		])
			expect(() => pathSegments(bad)).toThrow(/is not a field name/);
	});

	it('checks object names before they reach a URL', () => {
		expect(checkedObjectName(' Invoice__c ')).toBe('Invoice__c');
		for (const bad of ['Account/describe', 'Account?x=1', '../limits', 'Acc ount', ''])
			expect(() => checkedObjectName(bad)).toThrow();
	});

	it('says why a value is not exactly one record Id', () => {
		const id15 = '001Sb00000XyZ12';
		expect(idProblem(`${id15}${idSuffix(id15)}`)).toBeUndefined();
		expect(idProblem(`${id15},${id15}`)).toMatch(/more than one Id/);
		expect(idProblem('001Sb00000XyZ1')).toMatch(/14 characters/);
		expect(idProblem(`${id15}ZZZ`)).toMatch(/do not match/);
	});

	it('splits an IN list so that every query fits the URL budget, and sets apart a value that cannot fit alone', () => {
		const literals = Array.from(
			{ length: 1000 },
			(_, i) => `'value number ${i} ${'é'.repeat(20)}'`,
		);
		const queryOf = (list: string[]) => `SELECT Id FROM Account WHERE Name IN (${list.join(', ')})`;
		const huge = `'${'é'.repeat(3000)}'`;
		const { queries, tooLong } = splitInList([...literals, huge], queryOf);
		expect(queries.length).toBeGreaterThan(1);
		expect(queries.every((q) => encodeQuery(q.soql).length <= MAX_QUERY_LENGTH)).toBe(true);
		expect(queries.flatMap((q) => q.literals)).toEqual(literals);
		expect(tooLong).toEqual([huge]);
	});
});
