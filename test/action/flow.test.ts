import type { IDataObject } from 'n8n-workflow';

import { actionSuite } from './suite';

// The action node's Flow resource as n8n runs it, against the sandbox org's demo flows.

describe('Salesforce Service Cloud node: Flow', () => {
	const s = actionSuite('flow');
	const { run } = s;
	const discount = (input: IDataObject[], continueOnFail = false, flowApiName = 'Order_Discount') =>
		run(
			{
				operation: 'run',
				flowApiName,
				variables: {
					variable: [
						{ name: 'amount', value: '={{ $json.amount }}' },
						{ name: 'tier', value: '={{ $json.tier ?? "" }}' },
					],
				},
			},
			input,
			continueOnFail,
		);

	it("runs a flow for each item with the item's input variables and returns its output variables", async () => {
		const before = s.t.org.counters.apiCalls;
		const { items, error } = await discount([{ amount: 2000 }, { amount: 10, tier: 'Gold' }]);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{
				flowApiName: 'Order_Discount',
				interviewStatus: 'Finished',
				outputs: { discount: 100, rate: 0.05 },
			},
			{
				flowApiName: 'Order_Discount',
				interviewStatus: 'Finished',
				outputs: { discount: 1, rate: 0.1 },
			},
		]);
		// The flow's definition looked up, then both items in one call.
		expect(s.t.org.counters.apiCalls - before).toBe(2);
	});

	it("runs a flow that writes records, with the org's own name for the flow", async () => {
		const caseId = s.t.org.store.insert('Case', { Subject: 'Printer' });
		const { items, error } = await run(
			{
				operation: 'run',
				flowApiName: 'case_follow_up_task',
				variables: { variable: [{ name: 'caseId', value: caseId }] },
			},
			[{}],
		);
		expect(error).toBeUndefined();
		const taskId = String((items[0].json.outputs as IDataObject).taskId);
		expect(s.t.org.store.get(taskId)).toMatchObject({ WhatId: caseId });
		expect(items[0].json.flowApiName).toBe('Case_Follow_Up_Task');
	});

	it('names the item whose interview failed, and with continue on fail returns the others', async () => {
		const input = [{ amount: 5 }, { amount: -1 }, { amount: 1000 }];
		const stopped = await discount(input);
		expect(stopped.error?.message).toMatch(
			/^The flow ran for 2 of 3 items; item 1 failed: Flow "Order_Discount" failed: .*amount must be a number/,
		);
		const { items } = await discount(input, true);
		expect(items.map((i) => i.json.errorCode ?? 'ok')).toEqual(['ok', 'UNKNOWN_EXCEPTION', 'ok']);
		expect(items[1].json.input).toEqual(input[1]);
	});

	it('refuses, before any flow runs, a flow the org does not have, a screen flow and a record-triggered one', async () => {
		const cases: Array<[string, RegExp]> = [
			['No_Such_Flow', /no flow with the API name "No_Such_Flow"/],
			['Case_Intake_Screen', /is a screen flow: only autolaunched flows/],
			['Case_After_Save', /starts by itself \(RecordAfterSave\)/],
			["x' OR Name != '", /is not a flow API name/],
		];
		for (const [name, expected] of cases) {
			const before = s.t.org.counters.apiCallsByKind.other;
			const { error } = await discount([{ amount: 1 }], false, name);
			expect(error?.message).toMatch(/^Nothing was run: item 0, Flow Name or ID: /);
			expect(error?.message).toMatch(expected);
			expect(s.t.org.counters.apiCallsByKind.other - before).toBe(0);
		}
	});

	it('refuses a variable given twice or without a name, naming the item and the variable', async () => {
		const { items } = await run(
			{
				operation: 'run',
				flowApiName: 'Order_Discount',
				variables: {
					variable: [
						{ name: 'amount', value: '1' },
						{ name: '={{ $json.second }}', value: '2' },
					],
				},
			},
			[{ second: 'amount' }, { second: '' }, { second: 'tier' }],
			true,
		);
		expect(items.map((i) => i.json.error ?? 'ok')).toEqual([
			'Input Variables: Variable 2: "amount" is given twice',
			'Input Variables: Variable 2: "" is not a variable name (letters, digits and underscores, starting with a letter)',
			'ok',
		]);
	});

	it('runs 450 items in three calls of at most 200 inputs', async () => {
		const before = s.t.org.counters.apiCallsByKind.other;
		const { items, error } = await discount(Array.from({ length: 450 }, (_, i) => ({ amount: i })));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(450);
		expect(s.t.org.counters.apiCallsByKind.other - before).toBe(3);
	});

	it('lists the active autolaunched flows that run on request in the editor', async () => {
		const options = await s.harness.loadOptions({
			type: s.node,
			method: 'getAutolaunchedFlows',
			parameters: { authentication: 'clientCredentials', resource: 'flow', operation: 'run' },
			credentials: s.credentials,
		});
		expect(options).toEqual([
			expect.objectContaining({
				name: 'Case Follow-Up Task (Case_Follow_Up_Task)',
				value: 'Case_Follow_Up_Task',
			}),
			expect.objectContaining({ name: 'Order Discount (Order_Discount)', value: 'Order_Discount' }),
		]);
	});
});
