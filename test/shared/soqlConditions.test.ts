import { Connection, type DescribeSObjectResult } from '@jsforce/jsforce-node';

import { buildQuery } from '../../nodes/shared/soql/buildQuery';
import {
	ConditionError,
	conditionsToSoql,
	type Condition,
} from '../../nodes/shared/soql/conditions';
import { FieldNameError, resolveFieldNames } from '../../nodes/shared/soql/fieldNames';
import { API_VERSION, startTestOrg, type TestOrg } from '../sandbox-org/testing';

// Filters a user builds become SOQL that the sandbox org (a real SOQL parser) runs: field names are
// checked against the describe, values typed and escaped, and nothing a user types can change the query.

describe('SOQL from user conditions', () => {
	let t: TestOrg;
	let conn: Connection;
	let caseDescribe: DescribeSObjectResult;
	const subjects = [`O'Brien's "printer"`, 'Refund 50%_off', 'Back\\slash', 'Plain'];

	beforeAll(async () => {
		t = await startTestOrg();
		conn = new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION });
		caseDescribe = await conn.describe('Case');
		subjects.forEach((Subject, i) =>
			t.org.store.insert('Case', { Subject, Status: i % 2 ? 'Closed' : 'New', Priority: 'High' }),
		);
	});
	afterAll(async () => {
		await t.close();
	});

	const run = async (conditions: Condition[]) => {
		const soql = buildQuery({
			fields: ['Id', 'Subject'],
			from: 'Case',
			where: [conditionsToSoql(caseDescribe, conditions)],
			orderBy: ['Subject'],
		});
		return (await conn.query<{ Subject: string }>(soql)).records.map((r) => r.Subject);
	};

	it('matches values with quotes, backslashes and LIKE wildcards literally', async () => {
		expect(
			await run([{ field: 'Subject', operator: 'equals', value: `O'Brien's "printer"` }]),
		).toEqual([`O'Brien's "printer"`]);
		expect(await run([{ field: 'Subject', operator: 'equals', value: 'Back\\slash' }])).toEqual([
			'Back\\slash',
		]);
		expect(await run([{ field: 'Subject', operator: 'contains', value: '50%_' }])).toEqual([
			'Refund 50%_off',
		]);
		expect(await run([{ field: 'Subject', operator: 'contains', value: '%' }])).toEqual([
			'Refund 50%_off',
		]);
	});

	it('cannot be turned into another query by what the user types', async () => {
		expect(
			await run([{ field: 'Subject', operator: 'equals', value: `x' OR Subject != '` }]),
		).toEqual([]);
		expect(
			await run([
				{ field: 'Subject', operator: 'startsWith', value: `' OR Id != null OR Subject LIKE '` },
			]),
		).toEqual([]);
	});

	it('types values by the field: picklists, booleans, numbers, date-times, Ids, lists', async () => {
		expect(
			await run([
				{ field: 'status', operator: 'in', value: 'Closed, Escalated' },
				{ field: 'IsClosed', operator: 'equals', value: 'true' },
			]),
		).toEqual(['Plain', 'Refund 50%_off']);
		expect(
			await run([
				{ field: 'CreatedDate', operator: 'greaterThan', value: '2000-01-01T00:00:00+02:00' },
			]),
		).toHaveLength(4);
		expect(
			await run([{ field: 'CreatedDate', operator: 'greaterOrEqual', value: 'LAST_N_DAYS:7' }]),
		).toHaveLength(4);
		expect(await run([{ field: 'ClosedDate', operator: 'isEmpty' }])).toEqual([
			'Back\\slash',
			`O'Brien's "printer"`,
		]);
	});

	it('refuses a value that does not fit the field, naming the field', () => {
		const bad: Array<[Condition, RegExp]> = [
			[
				{ field: 'IsClosed', operator: 'equals', value: 'yes' },
				/"IsClosed": "yes" is not true or false/,
			],
			[
				{ field: 'CreatedDate', operator: 'greaterThan', value: 'last week' },
				/"CreatedDate": "last week" is not a date and time/,
			],
			[
				{ field: 'OwnerId', operator: 'equals', value: `005' OR Id != '` },
				/"OwnerId": .* is not a Salesforce record Id/,
			],
			[
				{ field: 'Description', operator: 'contains', value: 'x' },
				/"Description": Salesforce cannot filter on this field/,
			],
			[{ field: 'Subject', operator: 'equals', value: '' }, /"Subject": the value is empty/],
			[{ field: 'Status', operator: 'in', value: [] }, /"Status": give at least one value/],
		];
		for (const [condition, message] of bad)
			expect(() => conditionsToSoql(caseDescribe, [condition])).toThrow(message);
		expect(() =>
			conditionsToSoql(caseDescribe, [{ field: 'IsClosed', operator: 'equals', value: 'yes' }]),
		).toThrow(ConditionError);
	});

	it('names the nearest valid fields for an unknown one', () => {
		expect(resolveFieldNames(caseDescribe, ['casenumber', 'Owner.Name', 'SUBJECT'])).toEqual([
			'CaseNumber',
			'Owner.Name',
			'Subject',
		]);
		let error: FieldNameError | undefined;
		try {
			resolveFieldNames(caseDescribe, ['Subjct']);
		} catch (e) {
			error = e as FieldNameError;
		}
		expect(error?.message).toMatch(
			/^Case \(Case\) has no field "Subjct". Did you mean "Subject", /,
		);
		expect(error?.suggestions).toHaveLength(3);
		expect(error?.suggestions[0]).toBe('Subject');
		expect(() => resolveFieldNames(caseDescribe, ['Ownr.Name'])).toThrow(
			/has no relationship "Ownr". Did you mean "Owner"/,
		);
	});
});
