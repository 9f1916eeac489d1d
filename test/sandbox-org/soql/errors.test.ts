import { startTestOrg, type TestOrg } from '../testing';
import { queryError, soql } from './query-helpers';

// Query errors as Salesforce words them: status, errorCode, and the echo of the query with a
// caret and `ERROR at Row:R:Column:C` where the error is about a place in the query.

const WSDL = 'Please reference your WSDL or the describe call for the appropriate names.';

describe('query errors', () => {
	let t: TestOrg;

	beforeAll(async () => {
		t = await startTestOrg();
	});
	afterAll(async () => {
		await t.close();
	});

	it('wants a query string', async () => {
		const missing = await t.api('GET', '/query');
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual([
			{ message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' },
		]);
		const blank = await t.api('GET', '/query?q=%20');
		expect(blank.body).toEqual([
			{ message: 'SOQL statements cannot be empty or null', errorCode: 'MALFORMED_QUERY' },
		]);
	});

	it('answers a syntax error with the unexpected token and its place', async () => {
		expect(await queryError(t, 'SELECT Id FROM Case WHERE')).toEqual({
			status: 400,
			errorCode: 'MALFORMED_QUERY',
			message:
				"\nSELECT Id FROM Case WHERE\n                         ^\nERROR at Row:1:Column:26\nunexpected token: '<EOF>'",
		});
		expect(await queryError(t, 'SELECT Id, FROM Case')).toEqual({
			status: 400,
			errorCode: 'MALFORMED_QUERY',
			message:
				"\nSELECT Id, FROM Case\n           ^\nERROR at Row:1:Column:12\nunexpected token: 'FROM'",
		});
	});

	it('answers an unknown column with INVALID_FIELD in Salesforce words', async () => {
		expect(await queryError(t, 'SELECT Id, Foo FROM Case')).toEqual({
			status: 400,
			errorCode: 'INVALID_FIELD',
			message: `\nSELECT Id, Foo FROM Case\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Case'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${WSDL}`,
		});
	});

	it('echoes only the part of a long query around the error, with the column in the whole line', async () => {
		const q =
			'SELECT Id, Subject, Status, CaseNumber, Origin, Priority, Reason, Type, OwnerId, AccountId, ContactId, CreatedDate, Nope__c, ClosedDate, IsClosed, IsEscalated, SuppliedEmail, SuppliedName FROM Case';
		const err = await queryError(t, q);
		const [, echo, caret, where] = err.message.split('\n');
		expect(where).toBe(`ERROR at Row:1:Column:${q.indexOf('Nope__c') + 1}`);
		expect(echo.length).toBeLessThan(q.length);
		expect(q).toContain(echo);
		expect(echo.slice(caret.indexOf('^'))).toMatch(/^Nope__c/);
		expect(caret.trim()).toBe('^');
	});

	it('reports the row and column of an error in a query of several lines', async () => {
		const err = await queryError(t, 'SELECT Id,\n  Subject\nFROM Case\nWHERE Nope = 1');
		expect(err.message).toBe(
			`\nWHERE Nope = 1\n      ^\nERROR at Row:4:Column:7\nNo such column 'Nope' on entity 'Case'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${WSDL}`,
		);
	});

	it('answers an unknown object with INVALID_TYPE', async () => {
		expect(await queryError(t, 'SELECT Id FROM Accountz LIMIT 2')).toEqual({
			status: 400,
			errorCode: 'INVALID_TYPE',
			message: `\nSELECT Id FROM Accountz LIMIT 2\n               ^\nERROR at Row:1:Column:16\nsObject type 'Accountz' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${WSDL}`,
		});
	});

	it('answers unknown relationships, parent and child', async () => {
		const child = await queryError(t, 'SELECT Id, (SELECT Id FROM Emails) FROM Case');
		expect(child.errorCode).toBe('INVALID_TYPE');
		expect(child.message).toBe(
			`\nSELECT Id, (SELECT Id FROM Emails) FROM Case\n                           ^\nERROR at Row:1:Column:28\nDidn't understand relationship 'Emails' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${WSDL}`,
		);
		const parent = await queryError(t, 'SELECT Id, Requester.Name FROM Case');
		expect(parent.errorCode).toBe('INVALID_FIELD');
		expect(parent.message).toContain(
			"ERROR at Row:1:Column:12\nDidn't understand relationship 'Requester' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.",
		);
	});

	it('caps OFFSET at 2000', async () => {
		expect(await queryError(t, 'SELECT Id FROM Case OFFSET 2001')).toEqual({
			status: 400,
			errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
			message: 'Maximum SOQL offset allowed is 2000',
		});
		expect((await soql(t, 'SELECT Id FROM Case OFFSET 2000')).status).toBe(200);
	});

	it('refuses a field selected twice', async () => {
		expect(await queryError(t, 'SELECT Id, Subject, subject FROM Case')).toEqual({
			status: 400,
			errorCode: 'INVALID_FIELD',
			message: 'duplicate field selected: Subject',
		});
		expect((await queryError(t, 'SELECT Id, FIELDS(ALL) FROM Case LIMIT 10')).message).toBe(
			'duplicate field selected: Id',
		);
	});

	it('refuses filtering and sorting on long text', async () => {
		const filter = await queryError(t, "SELECT Id FROM Case WHERE Description = 'x'");
		expect(filter.errorCode).toBe('INVALID_FIELD');
		expect(filter.message).toMatch(
			/ERROR at Row:1:Column:27\nfield 'Description' can not be filtered in a query call$/,
		);
		const sort = await queryError(t, 'SELECT Id FROM Case ORDER BY Description');
		expect(sort.errorCode).toBe('MALFORMED_QUERY');
		expect(sort.message).toMatch(/field 'Description' can not be sorted in a query call$/);
	});

	it('checks a literal against the type of its field', async () => {
		const id = await queryError(t, "SELECT Id FROM Case WHERE Id = 'abc'");
		expect(id.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
		expect(id.message).toMatch(/ERROR at Row:1:Column:27\ninvalid ID field: abc$/);
		const text = await queryError(t, 'SELECT Id FROM Case WHERE Subject = 42');
		expect(text.message).toMatch(
			/value of filter criterion for field 'Subject' must be of type string and should be enclosed in quotes$/,
		);
		const bool = await queryError(t, "SELECT Id FROM Case WHERE IsClosed = 'true'");
		expect(bool.errorCode).toBe('INVALID_FIELD');
		expect(bool.message).toMatch(
			/value of filter criterion for field 'IsClosed' must be of type boolean and should not be enclosed in quotes$/,
		);
		const datetime = await queryError(
			t,
			"SELECT Id FROM Case WHERE CreatedDate > '2026-01-01T00:00:00Z'",
		);
		expect(datetime.message).toMatch(
			/must be of type dateTime and should not be enclosed in quotes$/,
		);
	});

	it('answers 414 for a query URL past 16,384 bytes, before counting it as an API call', async () => {
		const longList = (n: number) =>
			Array.from({ length: n }, (_, i) => `'500Sb00000${String(i).padStart(5, '0')}AAA'`).join(',');
		const ok = await soql(t, `SELECT Id FROM Case WHERE Subject IN (${longList(500)})`);
		expect(ok.status).toBe(200);
		const before = t.org.counters.apiCalls;
		const res = await soql(t, `SELECT Id FROM Case WHERE Subject IN (${longList(700)})`);
		expect(res.status).toBe(414);
		expect(res.body).toContain('URI Too Long');
		expect(t.org.counters.apiCalls).toBe(before);
	});

	it('says so when a query uses what the sandbox does not implement, rather than answer wrongly', async () => {
		const err = await queryError(t, 'SELECT TYPEOF What WHEN Case THEN Subject END FROM Task');
		expect(err.status).toBe(400);
		expect(err.message).toContain('TYPEOF is not supported by the sandbox org');
	});
});
