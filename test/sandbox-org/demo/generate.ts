import type { SandboxOrg } from '../org';

export interface DemoDataSummary {
	seed: number;
	counts: Record<string, number>;
	queueIds: Record<string, string>;
}

/** Placeholder until the demo data generator lands: queues only. */
export function generateDemoData(org: SandboxOrg, opts: { seed: number; cases: number }): DemoDataSummary {
	const queueIds = { Support: org.addQueue('Tier 1 Support', 'Tier_1_Support') };
	return { seed: opts.seed, counts: { Case: org.store.count('Case') }, queueIds };
}
