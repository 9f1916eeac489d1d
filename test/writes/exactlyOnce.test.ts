import type { IDataObject, INode } from 'n8n-workflow';

import type { PlannedFault } from '../sandbox-org/core/observe';
import { actionSuite } from '../action/suite';

// The action node's writes through n8n's engine against the sandbox org, under faults: nothing
// written before every item is checked, nothing written hidden when a run stops, unknown outcomes
// reported as unknown, and n8n's Retry On Fail never creating a record twice.

type Settings = Partial<
	Pick<INode, 'continueOnFail' | 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>
>;
const RETRY: Settings = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
const CONTINUE: Settings = { onError: 'continueRegularOutput' };
const autoMap = { mappingMode: 'autoMapInputData', value: null };

describe('writes that are exactly once', () => {
	const s = actionSuite('lead');
	let batch = 0;
	const leads = (n: number, tag = `run${++batch}`) =>
		Array.from({ length: n }, (_, i): IDataObject => ({ LastName: `Lead ${i}`, Company: tag }));
	/** Leads of one run in the org, by the index in their LastName. */
	const inOrg = (tag: string) => s.t.org.store.rows('Lead').filter((r) => r.Company === tag);
	const create = async (
		input: IDataObject[],
		settings: Settings = {},
		plan: PlannedFault[] = [],
		staticData?: IDataObject,
		operation: IDataObject = { operation: 'create' },
	) => {
		s.t.org.faults.plan = plan.map((f) => ({ ...f }));
		const result = await s.harness.execute({
			staticData,
			type: s.node,
			parameters: {
				authentication: 'clientCredentials',
				resource: 'lead',
				columns: autoMap,
				...operation,
			},
			credentials: s.credentials,
			input: input.map((json) => ({ json })),
			settings,
		});
		return { ...result, items: result.output?.[0] ?? [] };
	};
	afterEach(() => {
		s.t.org.faults.plan = [];
		s.t.org.faults.tokenUnavailable = 0;
		s.t.org.apiUsageOffset = 0;
	});

	describe('every item is checked before the first write', () => {
		const withBadItem = () => {
			const input = leads(500);
			input[250] = { ...input[250], NumberOfEmployees: 'about forty' };
			return input;
		};

		it('500 creates, item 250 with text in a number field: nothing is written and the error names item 250 and the field', async () => {
			const input = withBadItem();
			const { error, thrown } = await create(input);
			expect(inOrg(String(input[0].Company))).toHaveLength(0);
			expect(thrown).toMatchObject({
				name: 'NodeOperationError',
				context: { itemIndex: 250, fields: ['NumberOfEmployees'] },
			});
			expect(error?.message).toMatch(/^Nothing was written: item 250, field NumberOfEmployees: /);
			expect(String((error as { description?: string }).description)).toMatch(
				/no record was written/,
			);
		});

		it('the same with Retry On Fail (3 tries) still writes nothing', async () => {
			const input = withBadItem();
			const { error } = await create(input, RETRY);
			expect(error?.message).toMatch(/item 250/);
			expect(inOrg(String(input[0].Company))).toHaveLength(0);
		});

		it('Find or Create: one item refused, nothing is created or updated', async () => {
			const input = withBadItem()
				.slice(240, 260)
				.map((lead, i): IDataObject => ({ ...lead, Email: `lead${i}@check.example` }));
			const { error } = await create(input, {}, [], undefined, {
				operation: 'findOrCreate',
				matchField: 'Email',
			});
			expect(error?.message).toMatch(/^Nothing was written: item 10, field NumberOfEmployees: /);
			expect(inOrg(String(input[0].Company))).toHaveLength(0);
		});

		it('with continue on fail, the refused item is an error item and the 499 others are written', async () => {
			const input = withBadItem();
			const { items } = await create(input, CONTINUE);
			expect(items[250].json).toMatchObject({
				errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
				fields: ['NumberOfEmployees'],
			});
			expect(items.filter((i) => i.json.success === true)).toHaveLength(499);
			expect(inOrg(String(input[0].Company))).toHaveLength(499);
		});
	});

	describe('a run that stops midway does not hide what it wrote', () => {
		const stops: Array<[string, PlannedFault]> = [
			[
				'the session ends and cannot be renewed',
				{ kind: 'SESSION_END', method: 'POST', path: '/composite', skip: 1 },
			],
			[
				'the API allowance is spent',
				{ kind: 'ALLOWANCE_SPENT', method: 'POST', path: '/composite', skip: 1 },
			],
		];

		it.each(stops)(
			'2,000 creates, %s after the first Composite request: the error says 1,000 were written and carries their Ids',
			async (_, fault) => {
				const input = leads(2000);
				const { error } = await create(input, {}, [fault]);
				const written = inOrg(String(input[0].Company));
				expect(written).toHaveLength(1000);
				expect(error?.message).toMatch(
					/^The run stopped after 1,000 of 2,000 items were written: /,
				);
				expect(error?.message).not.toMatch(/Nothing was lost/);
				const description = String((error as { description?: string }).description);
				expect(description).toMatch(/Written .*items 0–999/);
				expect(description).toMatch(/Not sent: items 1000–1999/);
				expect(description).not.toMatch(/Nothing was lost/);
				const reported = (error?.context?.writtenItems ?? []) as Array<{
					itemIndex: number;
					id: string;
				}>;
				expect(reported.map((r) => r.itemIndex)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
				expect(new Set(reported.map((r) => r.id))).toEqual(new Set(written.map((r) => r.Id)));
			},
		);

		it('with continue on fail, the written items come out with their Ids and the others say they were not sent and why', async () => {
			const input = leads(2000);
			const { items, error } = await create(input, CONTINUE, [stops[1][1]]);
			expect(error).toBeUndefined();
			const written = new Set(inOrg(String(input[0].Company)).map((r) => r.Id));
			expect(
				items
					.slice(0, 1000)
					.every((i) => i.json.success === true && written.has(String(i.json.id))),
			).toBe(true);
			expect(items[1500].json).toMatchObject({
				errorCode: 'NOT_SENT',
				outcome: 'notSent',
				error: expect.stringMatching(/allowance is spent/),
			});
			expect(items.slice(1000).every((i) => i.json.errorCode === 'NOT_SENT')).toBe(true);
		});

		it('Retry On Fail after the stop writes the rest, and every record exactly once', async () => {
			const input = leads(2000);
			const { items, error } = await create(input, RETRY, [{ ...stops[1][1], lasting: false }]);
			expect(error).toBeUndefined();
			const written = inOrg(String(input[0].Company));
			expect(written).toHaveLength(2000);
			expect(new Set(written.map((r) => r.LastName)).size).toBe(2000);
			expect(items.map((i) => i.json.id)).toEqual(
				input.map((lead) => written.find((r) => r.LastName === lead.LastName)?.Id),
			);
		});

		it("the ledger of Retry On Fail stays out of the workflow's static data, is emptied when the node succeeds, and a new execution is new work", async () => {
			// In queue mode a worker saves what an execution changed in place of the workflow's static
			// data, which would erase a trigger's cursor: the ledger lives in the execution's context.
			const ledgerOf = (run: Awaited<ReturnType<typeof create>>) =>
				JSON.stringify(run.run.data.executionData?.contextData ?? {});
			const input = leads(300);
			const cursor = { 'node:Case Closed': { cursor: 'kept' } };
			const failed = await create(
				input,
				RETRY,
				[{ kind: 'RESET', method: 'POST', path: '/composite' }],
				cursor,
			);
			expect(failed.error?.context?.unknownItems).toHaveLength(300);
			expect(ledgerOf(failed)).toContain('writeLedger');
			// Unchanged, and not even marked changed: n8n saves static data only then, and a queue-mode
			// worker would save its own (empty but for what the node put there) over the workflow's.
			expect([failed.staticData, failed.staticDataChanged]).toEqual([cursor, false]);
			// The next execution with the same items writes them again, as asked.
			const next = await create(input, RETRY, [], cursor);
			expect(next.error).toBeUndefined();
			expect(inOrg(String(input[0].Company))).toHaveLength(600);
			expect(ledgerOf(next)).not.toContain('writeLedger');
			expect([next.staticData, next.staticDataChanged]).toEqual([cursor, false]);
		});
	});

	describe('unknown outcomes are reported as unknown', () => {
		it('a subrequest answered 500 after it was applied: its 200 items are unknown, not failed', async () => {
			const input = leads(450);
			const { items } = await create(input, CONTINUE, [
				{ kind: 'SUBREQUEST_500', method: 'POST', path: '/composite', subrequest: 1 },
			]);
			expect(inOrg(String(input[0].Company))).toHaveLength(450);
			expect(
				items
					.slice(200, 400)
					.every((i) => i.json.errorCode === 'OUTCOME_UNKNOWN' && i.json.outcome === 'unknown'),
			).toBe(true);
			expect(String(items[300].json.error)).toMatch(/may or may not have written/);
			expect(items.filter((i) => i.json.success === true)).toHaveLength(250);
		});

		it('without continue on fail, the error names the unknown items apart from the written ones', async () => {
			const input = leads(450);
			const { error } = await create(input, {}, [
				{ kind: 'CUT_OFF', method: 'POST', path: '/composite' },
			]);
			expect(inOrg(String(input[0].Company))).toHaveLength(450);
			expect(error?.message).toMatch(/^0 of 450 items were written; item 0 was not/);
			expect(String((error as { description?: string }).description)).toMatch(
				/May or may not have been written \(check in Salesforce before running the workflow again\): items 0–449/,
			);
			expect(error?.context?.unknownItems).toHaveLength(450);
		});

		it('Retry On Fail does not send again a create whose outcome is unknown', async () => {
			const input = leads(450);
			const { error } = await create(input, RETRY, [
				{ kind: 'RESET', method: 'POST', path: '/composite' },
			]);
			expect(error?.context?.unknownItems).toHaveLength(450);
			expect(inOrg(String(input[0].Company))).toHaveLength(450);
		});

		it('a 503 on the Composite create (nothing applied) is sent again: all 450 written once', async () => {
			const input = leads(450);
			const { items, error } = await create(input, {}, [
				{ kind: 'SERVER_UNAVAILABLE', method: 'POST', path: '/composite' },
			]);
			expect(error).toBeUndefined();
			expect(inOrg(String(input[0].Company))).toHaveLength(450);
			expect(items.every((i) => i.json.success === true)).toBe(true);
		});
	});
});
