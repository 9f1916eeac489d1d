import { csvRecords, CsvError, parseCsv } from '../../nodes/shared/bulk/csv';
import { csvOf } from '../sandbox-org/rest/bulk-csv';

// The CSV of Bulk API 2.0 query results: quoted values, "" for a quote, line breaks and delimiters
// inside values, empty for null, LF or CRLF endings.

it('reads quoted values, escaped quotes, line breaks, commas, empty text and null', () => {
	const text =
		'"Id","Subject","Description","Owner.Name"\n' +
		'"500A","Say ""hi"", please","line 1\nline 2\r\nline 3",\n' +
		'"500B","",,"Sam"\n';
	expect(csvRecords(text)).toEqual([
		{
			Id: '500A',
			Subject: 'Say "hi", please',
			Description: 'line 1\nline 2\r\nline 3',
			'Owner.Name': null,
		},
		{ Id: '500B', Subject: '', Description: null, 'Owner.Name': 'Sam' },
	]);
});

it('reads CRLF endings, a last line without an ending, and an empty answer', () => {
	expect(parseCsv('"a","b"\r\n"1",\r\n"2","x"')).toEqual([
		['a', 'b'],
		['1', null],
		['2', 'x'],
	]);
	expect(csvRecords('')).toEqual([]);
	expect(csvRecords('"Id"\n')).toEqual([]);
});

it('reads back what the sandbox org writes, for awkward values', () => {
	const values = ['', 'plain', 'a,b', 'say "x"', 'multi\nline', '"', '""', ' spaced ', 'émoji 🎉'];
	const rows = values.map((v, i) => [String(i), v, i % 2 === 0 ? null : v]);
	const text = csvOf(['n', 'value', 'maybe'], rows, ',', '\n');
	expect(parseCsv(text)).toEqual([['n', 'value', 'maybe'], ...rows]);
});

it('refuses what is not CSV, naming what is wrong', () => {
	expect(() => parseCsv('"open\n')).toThrow(new CsvError('a quoted value is not closed'));
	expect(() => parseCsv('"a"x,"b"\n')).toThrow(/unexpected "x" after a quoted value/);
	expect(() => parseCsv('a"b\n')).toThrow(/a quote inside an unquoted value/);
	expect(() => csvRecords('"a","b"\n"1"\n')).toThrow(/a row has 1 values for 2 columns/);
});
