import type { IDataObject } from 'n8n-workflow';

import { actionSuite } from './suite';

// One error boundary: what a user reads when the node fails, through n8n's real engine. Our own checks
// of the input are reported in plain words as ours; Salesforce's answers carry its error code.

describe('Salesforce Service Cloud node: errors as the user reads them', () => {
	const s = actionSuite('case');
	const { run } = s;
	const contextOf = (error: unknown) => (error as { context?: IDataObject } | undefined)?.context;

	it('Case > Get Many with an unknown field names the field, and does not blame Salesforce', async () => {
		const { error } = await run({ operation: 'getMany', fields: ['Subjct'], returnAll: true });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/Subjct/);
		expect(error?.message).toMatch(/Subject/);
		expect(`${error?.message} ${error?.description ?? ''}`).not.toMatch(
			/Salesforce refused|UNKNOWN_ERROR|Salesforce said/,
		);
	});

	it('Case > Get Many with an unknown field, continuing on fail: the item says what is wrong, with no made-up error code', async () => {
		const { items } = await run(
			{ operation: 'getMany', fields: ['Subjct'], returnAll: true },
			[{ n: 1 }],
			true,
		);
		expect(items[0].json.error).toMatch(/Subjct/);
		expect(items[0].json.errorCode).toBeNull();
		expect(items[0].json.input).toEqual({ n: 1 });
	});

	it('a condition on an unknown field is our check too', async () => {
		const { error } = await run({
			operation: 'getMany',
			conditions: { condition: [{ field: 'Statuz', operator: 'equals', value: 'New' }] },
			returnAll: true,
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/Statuz/);
		expect(error?.message).not.toMatch(/Salesforce refused|UNKNOWN_ERROR/);
	});

	it('a malformed record Id is our check, naming the Id', async () => {
		const { error } = await run({ operation: 'get', recordId: 'not-an-id' });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'Case ID "not-an-id" is not a Salesforce record Id: it has characters a Salesforce Id never has (only letters and digits)',
		);
	});

	it("a record Salesforce does not have is Salesforce's answer, with its code", async () => {
		const { error } = await run({ operation: 'get', recordId: '500000000000000AAA' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Salesforce found no such record [NOT_FOUND]');
		expect(contextOf(error)?.errorCode).toBe('NOT_FOUND');
	});

	it('a mapped value the object cannot take is refused before sending, and the title does not say Salesforce', async () => {
		const { error } = await run({
			operation: 'create',
			columns: { mappingMode: 'defineBelow', value: { Subjct: 'Printer on fire' } },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/Subjct/);
		expect(error?.message).not.toMatch(/Salesforce does not know|Salesforce refused/);
		expect(error?.message).toMatch(/item 0/);
		expect(error?.description).toMatch(/no record was written/);
		expect(contextOf(error)).toMatchObject({ errorCode: 'INVALID_FIELD', fields: ['Subjct'] });
		expect(s.t.org.store.count('Case')).toBe(0);
	});
});

describe('Salesforce Service Cloud node: an object the org does not have', () => {
	const s = actionSuite('record');

	it('says there is no such object, not that a record may have been deleted', async () => {
		const { error } = await s.run({
			operation: 'getMany',
			objectName: 'Invoyce__c',
			returnAll: true,
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'Object: There is no object named "Invoyce__c" in your org (or the connected user cannot see it)',
		);
		expect(error?.description).toMatch(/custom objects end in __c/);
		expect(`${error?.message} ${error?.description ?? ''}`).not.toMatch(
			/deleted|found nothing at this address/,
		);
	});
});
