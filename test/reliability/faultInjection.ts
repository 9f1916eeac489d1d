import fc from 'fast-check';
import type { IDataObject, INode, INodeCredentials } from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { saveCredential } from '../connection/setup';
import { N8nHarness } from '../n8n/harness';
import type { PlannedFault, PlannedFaultKind } from '../sandbox-org/core/observe';
import { externalIdField, startTestOrg, type TestOrg } from '../sandbox-org/testing';
import { SalesforceWriter } from '../writes/writer.node';

// Many write runs through n8n's engine against the sandbox org, with random faults, each counted
// against the org afterwards: what the node reported (output items, or the error's context when it
// threw) against the records that exist. Used by test/reliability and by `./run bench`.

export interface ReliabilityFigures {
	runs: number;
	itemsSent: number;
	faultsInjected: number;
	/** Records created more than once for one item. */
	duplicates: number;
	/** Items whose record was written (or changed) while the node reported neither written nor unknown. */
	writtenButUnreported: number;
	/** Items reported written whose record does not exist (or was not changed). */
	reportedButUnwritten: number;
	/** Items reported as unknown outcome (their record may exist or not). */
	unknownReported: number;
}

type Operation = 'create' | 'update' | 'upsert';

interface RunSpec {
	operation: Operation;
	size: number;
	faults: PlannedFault[];
	retryOnFail: boolean;
	continueOnFail: boolean;
}

const FAULT_KINDS: PlannedFaultKind[] = [
	'SERVER_UNAVAILABLE',
	'SUBREQUEST_500',
	'CUT_OFF',
	'RESET',
	'SESSION_END',
	'ALLOWANCE_SPENT',
	'UNABLE_TO_LOCK_ROW',
];

const faultArb: fc.Arbitrary<PlannedFault> = fc.record({
	kind: fc.constantFrom(...FAULT_KINDS),
	skip: fc.integer({ min: 0, max: 1 }),
	subrequest: fc.integer({ min: 0, max: 4 }),
	// A session that ends comes back after a few token requests, or not at all during the run.
	tokenFailures: fc.integer({ min: 1, max: 12 }),
	lasting: fc.boolean(),
});

const runArb: fc.Arbitrary<RunSpec> = fc.record({
	operation: fc.constantFrom<Operation>('create', 'update', 'upsert'),
	size: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 201, max: 1200 })),
	faults: fc.array(faultArb, { minLength: 1, maxLength: 3 }),
	retryOnFail: fc.boolean(),
	continueOnFail: fc.boolean(),
});

/** The runs a seed gives. */
export function reliabilityRuns(seed: number, runs: number): RunSpec[] {
	return fc.sample(runArb, { seed, numRuns: runs });
}

/** Runs `runs` random write runs against a fresh sandbox org and counts what went wrong. */
export async function measureReliability(
	options: { seed?: number; runs?: number } = {},
): Promise<ReliabilityFigures> {
	const specs = reliabilityRuns(options.seed ?? 20261205, options.runs ?? 40);
	const t = await startTestOrg();
	try {
		t.org.schema.addCustomField('Lead', externalIdField());
		const writer = new SalesforceWriter();
		const n8n = new N8nHarness({
			credentials: [new SalesforceServiceCloudClientCredentialsApi()],
			nodes: [writer],
		});
		const { credentials } = await saveCredential(n8n, t, 'clientCredentials');
		const figures: ReliabilityFigures = {
			runs: 0,
			itemsSent: 0,
			faultsInjected: 0,
			duplicates: 0,
			writtenButUnreported: 0,
			reportedButUnwritten: 0,
			unknownReported: 0,
		};
		for (const [n, spec] of specs.entries())
			await oneRun(t, n8n, writer, credentials, `rel${n}`, spec, figures);
		return figures;
	} finally {
		await t.close();
	}
}

async function oneRun(
	t: TestOrg,
	n8n: N8nHarness,
	writer: SalesforceWriter,
	credentials: INodeCredentials,
	tag: string,
	spec: RunSpec,
	figures: ReliabilityFigures,
): Promise<void> {
	const { org } = t;
	const indexes = Array.from({ length: spec.size }, (_, i) => i);
	const newName = (i: number) => `${tag} ${i} written`;
	let input: IDataObject[];
	let parameters: IDataObject;
	if (spec.operation === 'create') {
		input = indexes.map((i) => ({ LastName: newName(i), Company: tag }));
		parameters = { operation: 'create', objectName: 'Lead' };
	} else if (spec.operation === 'update') {
		const ids = indexes.map((i) =>
			org.store.insert('Lead', { LastName: `${tag} ${i}`, Company: tag }),
		);
		input = indexes.map((i) => ({ Id: ids[i], LastName: newName(i) }));
		parameters = { operation: 'update', objectName: 'Lead' };
	} else {
		// Every other record exists already; the others are created by the upsert.
		indexes
			.filter((i) => i % 2 === 0)
			.forEach((i) =>
				org.store.insert('Lead', {
					LastName: `${tag} ${i}`,
					Company: tag,
					Ext_Id__c: `${tag}-${i}`,
				}),
			);
		input = indexes.map((i) => ({ Ext_Id__c: `${tag}-${i}`, LastName: newName(i), Company: tag }));
		parameters = { operation: 'upsert', objectName: 'Lead', externalIdField: 'Ext_Id__c' };
	}
	const injectedBefore = org.counters.failedInjected;
	org.faults.plan = spec.faults.map((f) => ({ ...f }));
	const settings: Partial<INode> = {
		...(spec.retryOnFail ? { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 } : {}),
		...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const run = await n8n.execute({
		type: writer,
		parameters: { authentication: 'clientCredentials', ...parameters },
		credentials,
		input: input.map((json) => ({ json })),
		settings,
	});
	org.faults.plan = [];
	org.faults.tokenUnavailable = 0;
	org.apiUsageOffset = 0;

	// What the node reported, per item: written (with an Id) or unknown.
	const writtenIds = new Map<number, string>();
	const unknown = new Set<number>();
	if (run.output) {
		for (const item of run.output[0] ?? []) {
			const index = (item.pairedItem as { item: number }).item;
			if (item.json.success === true) writtenIds.set(index, String(item.json.id));
			else if (item.json.outcome === 'unknown') unknown.add(index);
		}
	} else {
		const context = (run.error?.context ?? {}) as {
			writtenItems?: Array<{ itemIndex: number; id: string }>;
			unknownItems?: number[];
		};
		for (const w of context.writtenItems ?? []) writtenIds.set(w.itemIndex, w.id);
		for (const u of context.unknownItems ?? []) unknown.add(u);
	}

	// What the org holds, per item.
	const rows = org.store.rows('Lead').filter((r) => r.Company === tag);
	for (const i of indexes) {
		const matching = rows.filter((r) =>
			spec.operation === 'upsert'
				? r.Ext_Id__c === `${tag}-${i}`
				: spec.operation === 'update'
					? r.Id === input[i].Id
					: r.LastName === newName(i),
		);
		const applied = matching.filter((r) => r.LastName === newName(i));
		if (applied.length > 1) figures.duplicates += applied.length - 1;
		const reportedId = writtenIds.get(i);
		if (unknown.has(i)) figures.unknownReported++;
		else if (reportedId !== undefined && !applied.some((r) => r.Id === reportedId))
			figures.reportedButUnwritten++;
		else if (reportedId === undefined && applied.length > 0) figures.writtenButUnreported++;
	}
	figures.runs++;
	figures.itemsSent += spec.size;
	figures.faultsInjected += org.counters.failedInjected - injectedBefore;
}
