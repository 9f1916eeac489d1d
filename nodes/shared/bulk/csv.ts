/**
 * Reads the CSV of a Bulk API 2.0 query result (RFC 4180, as Salesforce writes it: a header row,
 * values in double quotes with `""` for a quote, line breaks inside quoted values, LF or CRLF
 * endings). An empty unquoted field is null (Salesforce's empty value); `""` is an empty text.
 * Written here rather than taken from a library: n8n's verified community packages may have no
 * runtime dependencies, and this is the one format the package reads.
 */
export function parseCsv(text: string, delimiter = ','): Array<Array<string | null>> {
	const rows: Array<Array<string | null>> = [];
	let row: Array<string | null> = [];
	let i = 0;
	const n = text.length;
	if (n === 0) return rows;
	for (;;) {
		// One field starts at i.
		let value: string | null;
		if (text[i] === '"') {
			let out = '';
			let at = i + 1;
			for (;;) {
				const quote = text.indexOf('"', at);
				if (quote < 0) throw new CsvError('a quoted value is not closed');
				out += text.slice(at, quote);
				if (text[quote + 1] === '"') {
					out += '"';
					at = quote + 2;
				} else {
					i = quote + 1;
					break;
				}
			}
			value = out;
		} else {
			let end = i;
			while (end < n && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
			const raw = text.slice(i, end);
			if (raw.includes('"')) throw new CsvError('a quote inside an unquoted value');
			value = raw === '' ? null : raw;
			i = end;
		}
		row.push(value);
		if (i >= n) {
			rows.push(row);
			return rows;
		}
		const c = text[i];
		if (c === delimiter) {
			i++;
			continue;
		}
		if (c === '\r' && text[i + 1] === '\n') i += 2;
		else if (c === '\n' || c === '\r') i++;
		else throw new CsvError(`unexpected "${c}" after a quoted value`);
		rows.push(row);
		row = [];
		if (i >= n) return rows;
	}
}

/** The rows of a CSV with a header row, as objects keyed by the header's names. */
export function csvRecords(text: string): Array<Record<string, string | null>> {
	const [header, ...rows] = parseCsv(text);
	if (!header) return [];
	const names = header.map((h) => h ?? '');
	return rows.map((values) => {
		if (values.length !== names.length)
			throw new CsvError(`a row has ${values.length} values for ${names.length} columns`);
		const record: Record<string, string | null> = {};
		names.forEach((name, k) => (record[name] = values[k]));
		return record;
	});
}

export class CsvError extends Error {
	constructor(what: string) {
		super(`Salesforce's CSV could not be read: ${what}`);
	}
}
