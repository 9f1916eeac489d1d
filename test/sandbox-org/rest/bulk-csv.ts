/**
 * CSV as Bulk API 2.0 writes query results: a header row, every value in double quotes with `""`
 * for a quote inside, an empty unquoted field for null (hand-written from the docs' example
 * `"Id","Name"`).
 */
export function csvOf(
	columns: string[],
	rows: Array<Array<string | null>>,
	delimiter: string,
	lineEnding: string,
): string {
	const line = (values: Array<string | null>) =>
		values.map((v) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`)).join(delimiter);
	return [line(columns), ...rows.map(line)].map((l) => l + lineEnding).join('');
}
