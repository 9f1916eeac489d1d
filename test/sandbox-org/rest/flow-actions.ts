import { FlowFault } from '../core/flows';
import { NOT_FOUND_RESOURCE, sfError } from '../http/errors';
import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';

// Invocable flow actions (Actions Developer Guide, "Flow Actions"): POST runs an autolaunched flow
// once per element of `inputs`, answering one result per input in input order. Screen flows and
// record-triggered flows are not invocable: the path does not exist for them. How a failed
// interview and an unknown input variable are answered is hand-written (see core/flows.ts).

export function registerFlowActionRoutes(router: Router): void {
	router.add('POST', '/actions/custom/flow/:apiName', 'other', runFlowHandler);
}

function runFlowHandler(req: SfRequest, params: Record<string, string>): SfResponse {
	const flow = req.org.flows.find((f) => f.apiName === params.apiName);
	if (!flow || flow.processType !== 'AutoLaunchedFlow' || flow.triggerType !== null)
		return NOT_FOUND_RESOURCE();
	const body = req.body as { inputs?: unknown } | null;
	if (!body || !Array.isArray(body.inputs))
		return sfError(400, 'JSON_PARSER_ERROR', 'Missing required field: inputs');
	const userId = req.session?.userId ?? req.org.store.defaultUserId;
	const results = body.inputs.map((raw) => {
		const inputs = (raw ?? {}) as Record<string, unknown>;
		const unknown = Object.keys(inputs).filter((k) => !flow.inputs.includes(k));
		const failed = (statusCode: string, message: string) => ({
			actionName: flow.apiName,
			errors: [{ statusCode, message, fields: [] }],
			isSuccess: false,
			outputValues: null,
			version: 1,
		});
		if (unknown.length > 0)
			return failed(
				'INVALID_API_INPUT',
				`Invalid parameter ${unknown[0]}: the flow ${flow.apiName} has no input variable of that name`,
			);
		try {
			const outputs = flow.run(inputs, req.org.store, userId);
			return {
				actionName: flow.apiName,
				errors: null,
				isSuccess: true,
				outputValues: { ...outputs, Flow__InterviewStatus: 'Finished' },
				version: 1,
			};
		} catch (error) {
			if (error instanceof FlowFault) return failed('UNKNOWN_EXCEPTION', error.message);
			throw error;
		}
	});
	return { status: 200, body: results };
}
