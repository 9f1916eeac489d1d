import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { belongsToQueues } from '../shared/closedCases/queueMembership';
import { queueEntries } from '../shared/closedCases/caseQueues';
import { latestClosedQuery } from '../shared/closedCases/caseQuery';
import { fetchCaseDetails } from '../shared/closedCases/caseDetails';
import { caseItem } from '../shared/closedCases/caseOutput';
import { casePlan, type CaseQueryChoice } from '../shared/closedCases/casePlan';
import {
	initialCursorState,
	pollClosedCases,
	type ClosureCursorState,
} from '../shared/closedCases/closureCursor';
import { SoqlClosedCaseSource } from '../shared/closedCases/soqlCaseSource';
import { ConditionError } from '../shared/soql/conditions';
import { conditionsFrom } from '../shared/soql/conditionsParameter';
import { FieldNameError, fieldListOf } from '../shared/soql/fieldNames';
import { chatSubquery, commentSubquery, emailSubquery } from '../shared/thread';
import { connectToSalesforce } from '../shared/transport/connection';
import { nodeCredentials } from '../shared/transport/credentialTypes';
import { toNodeError } from '../shared/transport/errorBoundary';
import { instanceUrlOf, queryFirstPage } from '../shared/transport/salesforceApi';
import { ApiLimitError } from '../shared/transport/salesforceErrors';
import { triggerProperties } from './description';
import { getCaseFields, getCaseFilterFields, getCaseQueues } from './methods/loadOptions';

const IMPORT_SPANS: Record<string, object> = {
	last24Hours: { hours: 24 },
	last7Days: { days: 7 },
	last30Days: { days: 30 },
	last90Days: { days: 90 },
	lastYear: { years: 1 },
};

interface TriggerConfig {
	choice: CaseQueryChoice;
	includeEmailThread: boolean;
	includeOriginalBodies: boolean;
	includeInternalComments: boolean;
	maxCasesPerPoll: number;
	importFrom: string;
	importSince: string;
}

export class SalesforceServiceCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salesforce Service Cloud Trigger',
		name: 'salesforceServiceCloudTrigger',
		icon: {
			light: 'file:../../icons/salesforce-service-cloud.svg',
			dark: 'file:../../icons/salesforce-service-cloud.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Case closed"}}',
		description: 'Starts the workflow when a Salesforce case closes, with its email thread',
		defaults: { name: 'Salesforce Service Cloud Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		properties: triggerProperties,
	};

	methods = { loadOptions: { getCaseQueues, getCaseFields, getCaseFilterFields } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const config = (() => {
			try {
				return readConfig(this);
			} catch (e) {
				throw parameterError(this, e);
			}
		})();
		const sf = await connectToSalesforce(this);
		const staticData = this.getWorkflowStaticData('node');
		const manual = this.getMode() === 'manual';
		const now = Date.now();
		try {
			// Before the first poll the plan is built afresh (a describe), which also tells the org's time.
			const firstPoll = staticData.closedCases === undefined;
			const { plan, cached } = await casePlan(
				sf,
				config.choice,
				firstPoll ? undefined : staticData,
				now,
			).catch((e: unknown) => {
				throw parameterError(this, e);
			});
			const accept = (record: IDataObject) => belongsToQueues(record, plan.queueIds);
			let records: IDataObject[];
			if (manual) {
				// "Fetch test event": the latest closed case(s), and no state is touched.
				const latest = await queryFirstPage(sf, latestClosedQuery(plan, 50));
				records = latest.records.filter(accept).slice(0, 1);
				const source = new SoqlClosedCaseSource(sf, plan, accept);
				for (const r of records) await source.completeChildren(r);
			} else {
				// The activation is the org's time (n8n's clock may differ from Salesforce's by seconds).
				const orgNow = sf.transport.lastServerTime ?? now;
				const state =
					(staticData.closedCases as ClosureCursorState | undefined) ??
					initialCursorState(importStart(this, config, orgNow), orgNow);
				const source = new SoqlClosedCaseSource(sf, plan, accept);
				const outcome = await pollClosedCases(state, source, config.maxCasesPerPoll);
				records =
					outcome.emitted.length > 0
						? await fetchCaseDetails(
								sf,
								plan,
								outcome.emitted.map((r) => String(r.Id)),
							)
						: [];
				staticData.closedCases = outcome.state;
				staticData.casePlan = cached;
			}
			if (records.length === 0) return null;
			const instanceUrl = await instanceUrlOf(this, sf);
			const parts = {
				emails: config.includeEmailThread,
				comments: config.includeInternalComments,
				originalBodies: config.includeOriginalBodies,
			};
			return [
				records.map((record) => ({ json: caseItem(record, plan.fields, instanceUrl, parts) })),
			];
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error);
			// The cursor is saved only after a poll succeeds, so a stopped poll loses nothing.
			if (error instanceof ApiLimitError)
				nodeError.description = `${nodeError.description ?? ''} Nothing was lost: the trigger picks up where it left off once calls are allowed again.`;
			throw nodeError;
		}
	}
}

/** A check of the Fields or Conditions parameter, with the parameter named; any other error as it is. */
function parameterError(ctx: IPollFunctions, e: unknown): unknown {
	if (e instanceof FieldNameError)
		return new NodeOperationError(ctx.getNode(), `Fields: ${e.message}`);
	if (e instanceof ConditionError)
		return new NodeOperationError(ctx.getNode(), `Conditions: ${e.message}`);
	return e;
}

function readConfig(ctx: IPollFunctions): TriggerConfig {
	const includeEmailThread = ctx.getNodeParameter('includeEmailThread', true) as boolean;
	const includeInternalComments = ctx.getNodeParameter('includeInternalComments', false) as boolean;
	const includeOriginalBodies =
		includeEmailThread && (ctx.getNodeParameter('includeOriginalBodies', false) as boolean);
	const conditions = conditionsFrom(ctx.getNodeParameter('conditions', {}));
	const subqueries: string[] = [];
	if (includeEmailThread) subqueries.push(emailSubquery(), chatSubquery());
	if (includeInternalComments) subqueries.push(commentSubquery());
	return {
		choice: {
			fields: fieldListOf(ctx.getNodeParameter('fields', [])),
			conditions,
			queues: queueEntries(ctx.getNodeParameter('queues', [])),
			subqueries,
		},
		includeEmailThread,
		includeOriginalBodies,
		includeInternalComments,
		maxCasesPerPoll: Math.max(
			1,
			Math.min(2000, Math.floor(ctx.getNodeParameter('maxCasesPerPoll', 100) as number)),
		),
		importFrom: ctx.getNodeParameter('importFrom', 'none') as string,
		importSince: ctx.getNodeParameter('importSince', '') as string,
	};
}

/** Where the backfill starts: now for "nothing", else that far back. */
function importStart(ctx: IPollFunctions, config: TriggerConfig, now: number): number {
	if (config.importFrom === 'none') return now;
	if (config.importFrom === 'date') {
		const since = DateTime.fromISO(config.importSince);
		if (!since.isValid)
			throw new NodeOperationError(
				ctx.getNode(),
				`Import Since is not a date: "${config.importSince}"`,
				{
					description:
						'Pick a date and time, or choose another option under Import Existing Cases From.',
				},
			);
		return Math.min(since.toMillis(), now);
	}
	return DateTime.fromMillis(now)
		.minus(IMPORT_SPANS[config.importFrom] ?? {})
		.toMillis();
}
