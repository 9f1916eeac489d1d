import type { Router } from '../http/router';
import type { SfRequest, SfResponse } from '../http/types';

// The limits of a real Developer Edition org (recorded: fixtures/salesforce/nango__limits-v60.json);
// DailyApiRequests is replaced by the sandbox's own allowance and usage.
import developerEditionLimits from './limits-developer-edition.json';

type Limit = { Max: number; Remaining: number } & Record<string, unknown>;

/** `GET /limits`: the org's limits, with DailyApiRequests reflecting the calls counted so far (this one included). */
export function registerLimitsRoutes(router: Router): void {
	router.add('GET', '/limits', 'limits', limitsHandler);
}

function limitsHandler(req: SfRequest): SfResponse {
	const org = req.org;
	const limits: Record<string, Limit> = structuredClone(developerEditionLimits);
	limits.DailyApiRequests = {
		Max: org.dailyApiLimit,
		Remaining: Math.max(0, org.dailyApiLimit - org.apiUsage),
	};
	return { status: 200, body: limits };
}
