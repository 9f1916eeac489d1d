import { startTestOrg, type TestOrg } from '../testing';

// Autolaunched flows through `/actions/custom/flow/{apiName}`, and the org's flows in FlowDefinitionView.

describe('sandbox org: flow actions', () => {
	let t: TestOrg;
	beforeEach(async () => {
		t = await startTestOrg();
	});
	afterEach(async () => {
		await t.close();
	});

	it('runs an autolaunched flow once per input, answering each in input order', async () => {
		const res = await t.api('POST', '/actions/custom/flow/Order_Discount', {
			inputs: [{ amount: 2000 }, { amount: -1 }, { amount: 10, tier: 'Gold' }, { amout: 5 }],
		});
		expect(res.status).toBe(200);
		expect(res.body.map((r: { isSuccess: boolean }) => r.isSuccess)).toEqual([
			true,
			false,
			true,
			false,
		]);
		expect(res.body[0]).toEqual({
			actionName: 'Order_Discount',
			errors: null,
			isSuccess: true,
			outputValues: { discount: 100, rate: 0.05, Flow__InterviewStatus: 'Finished' },
			version: 1,
		});
		expect(res.body[1].errors[0].statusCode).toBe('UNKNOWN_EXCEPTION');
		expect(res.body[3].errors[0].statusCode).toBe('INVALID_API_INPUT');
	});

	it('has no action for a screen flow, a record-triggered flow or an unknown name', async () => {
		for (const name of ['Case_Intake_Screen', 'Case_After_Save', 'No_Such_Flow']) {
			const res = await t.api('POST', `/actions/custom/flow/${name}`, { inputs: [{}] });
			expect({ name, status: res.status, code: res.body[0].errorCode }).toEqual({
				name,
				status: 404,
				code: 'NOT_FOUND',
			});
		}
	});

	it('lists the flows in FlowDefinitionView', async () => {
		const q = encodeURIComponent(
			"SELECT ApiName, IsActive FROM FlowDefinitionView WHERE ProcessType = 'AutoLaunchedFlow' ORDER BY ApiName",
		);
		const res = await t.api('GET', `/query?q=${q}`);
		expect(res.status).toBe(200);
		expect(res.body.records.map((r: { ApiName: string }) => r.ApiName)).toEqual([
			'Case_After_Save',
			'Case_Follow_Up_Task',
			'Old_Case_Routing',
			'Order_Discount',
		]);
	});
});
