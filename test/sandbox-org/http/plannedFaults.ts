import type { PlannedFault } from '../core/observe';
import type { SandboxOrg } from '../org';

/**
 * The planned fault that meets this API request, taken off the plan; a matching fault with `skip`
 * left lets the request through and counts it down.
 */
export function takePlannedFault(
	org: SandboxOrg,
	method: string,
	path: string,
): PlannedFault | undefined {
	const plan = org.faults.plan ?? [];
	const index = plan.findIndex(
		(f) =>
			(f.method === undefined || f.method === method) &&
			(f.path === undefined || path.endsWith(f.path)),
	);
	if (index < 0) return undefined;
	const fault = plan[index];
	if ((fault.skip ?? 0) > 0) {
		fault.skip = (fault.skip ?? 0) - 1;
		return undefined;
	}
	plan.splice(index, 1);
	org.counters.failedInjected++;
	return fault;
}

/** A Composite answer with one subrequest's answer replaced by Salesforce's 500 (the subrequest itself was applied). */
export function withSubrequest500(body: unknown, subrequest: number): unknown {
	const composite = body as { compositeResponse?: Array<{ referenceId: string }> } | undefined;
	const subs = composite?.compositeResponse;
	if (!Array.isArray(subs) || subs.length === 0) return body;
	const n = Math.min(subrequest, subs.length - 1);
	const failed = {
		body: [
			{
				errorCode: 'UNKNOWN_EXCEPTION',
				message:
					'An unexpected error occurred. Please include this ErrorId if you contact support: 1906384567-152243 (-1406925812)',
			},
		],
		httpHeaders: {},
		httpStatusCode: 500,
		referenceId: subs[n].referenceId,
	};
	return { ...composite, compositeResponse: subs.map((s, i) => (i === n ? failed : s)) };
}
