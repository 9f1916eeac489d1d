import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { fetchCaseDetails } from '../../shared/closedCases/caseDetails';
import { caseFieldsProperty } from '../../shared/closedCases/caseFieldsProperty';
import { caseQueuesProperty } from '../../shared/closedCases/caseQueuesProperty';
import {
	conversationOptionsOf,
	conversationProperties,
	type ConversationOptions,
} from '../../shared/closedCases/conversationParameters';
import { caseItem } from '../../shared/closedCases/caseOutput';
import { casePlan, type CaseQueryChoice } from '../../shared/closedCases/casePlan';
import { latestClosedQuery, type CaseQueryPlan } from '../../shared/closedCases/caseQuery';
import { queueEntries } from '../../shared/closedCases/caseQueues';
import {
	initialCursorState,
	pollClosedCasesCompleting,
	type ClosureCursorState,
} from '../../shared/closedCases/closureCursor';
import { belongsToQueues } from '../../shared/closedCases/queueMembership';
import { SoqlClosedCaseSource } from '../../shared/closedCases/soqlCaseSource';
import {
	BulkClosedCaseSource,
	BulkJobFailed,
	BulkJobPending,
} from '../../shared/closedCases/bulkCaseSource';
import {
	importMethodOf,
	importMethodProperty,
	type ImportMethod,
	type ImportState,
} from '../../shared/closedCases/importMethod';
import { conditionsFrom, conditionsProperty } from '../../shared/soql/conditionsParameter';
import { fieldListOf } from '../../shared/soql/fieldNames';
import {
	emailIdsOf,
	emailIdsOfCases,
	readCaseAttachments,
} from '../../shared/files/caseAttachments';
import {
	ConnectBudgetError,
	connectBudgetProperty,
	connectCallsPerHourOf,
	CONNECT_BUDGET_PARAMETER,
} from '../../shared/messaging/budgetParameter';
import { caseMessagingTurns } from '../../shared/messaging/caseMessaging';
import { CONNECT_CALL_LOG, ConnectBudget } from '../../shared/messaging/connectBudget';
import { ConversationReader, isDeferral } from '../../shared/messaging/conversationReader';
import {
	chatSubquery,
	commentSubquery,
	emailSubquery,
	messagingSubquery,
	type TranscriptTurn,
} from '../../shared/thread';
import { connectToSalesforce, type SalesforceConnection } from '../../shared/transport/connection';
import { instanceUrlOf, queryFirstPage } from '../../shared/transport/salesforceApi';
import { attachmentCapOf, attachmentProperties, withAttachments } from './attachmentOptions';
import { importFromOptions, importStart } from './importStart';
import { parameterError } from './parameterError';
import { forEvent, type TriggerEvent } from './triggerEvent';

const properties: INodeProperties[] = [
	caseQueuesProperty({
		only: 'Only cases of these queues',
		until: 'it closed',
		withoutHistory: 'only the owner at closing counts',
	}),
	{
		displayName: 'Import Existing Cases From',
		name: 'importFrom',
		type: 'options',
		options: importFromOptions('Nothing (Only Cases Closed From Now On)'),
		default: 'none',
		description:
			'When the workflow is activated, also emit the cases closed this far back, a page per poll, before the new closings',
	},
	{
		displayName: 'Import Since',
		name: 'importSince',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { importFrom: ['date'] } },
		description: 'Emit the cases closed since this date and time',
	},
	importMethodProperty,
	caseFieldsProperty({
		name: 'fields',
		loadOptionsMethod: 'getCaseFields',
		description: "The Case fields each item carries, from your org's own fields.",
	}),
	{
		displayName: 'Include Email Thread',
		name: 'includeEmailThread',
		type: 'boolean',
		default: true,
		description:
			'Whether to add the emails of the case (Email Message), oldest first, with the new text of each and a transcript of the whole conversation',
	},
	{
		displayName: 'Include Original Email Bodies',
		name: 'includeOriginalBodies',
		type: 'boolean',
		default: false,
		displayOptions: { show: { includeEmailThread: [true] } },
		description:
			"Whether to add each email's full text and HTML body as Salesforce stored them, quoted history included",
	},
	{
		displayName: 'Include Internal Comments',
		name: 'includeInternalComments',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the case comments (Case Comment). They are notes of the support team, not part of the conversation with the customer.',
	},
	...attachmentProperties('the files of the case and of its emails (Salesforce Files)'),
	// Redact Personal Data and Transcript Budget (shared with Get Conversation).
	...conversationProperties(),
	conditionsProperty({
		displayName: 'Extra Conditions',
		description: 'Only cases that meet all these conditions',
		fieldsMethod: 'getCaseFilterFields',
	}),
	{
		displayName: 'Max Cases per Poll',
		name: 'maxCasesPerPoll',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2000 },
		default: 100,
		description:
			'The most cases one poll emits; the rest follow on the next polls. Keeps each execution and its memory small.',
	},
	{
		...connectBudgetProperty(
			"The most calls this workflow makes per hour to read the messages of cases' messaging sessions (one call per conversation, one more per 1,000 messages). Cases with sessions wait for a later poll past it.",
		),
		displayOptions: { show: { includeEmailThread: [true] } },
	},
];

interface CaseClosedConfig {
	choice: CaseQueryChoice;
	includeEmailThread: boolean;
	includeOriginalBodies: boolean;
	includeInternalComments: boolean;
	maxCasesPerPoll: number;
	importFrom: string;
	importSince: string;
	importMethod: ImportMethod;
	conversation: ConversationOptions;
	connectCallsPerHour: number;
	/** Include Attachments: the most bytes of files per case; undefined when off. */
	attachmentCap: number | undefined;
}

function readConfig(ctx: IPollFunctions): CaseClosedConfig {
	const includeEmailThread = ctx.getNodeParameter('includeEmailThread', true) as boolean;
	const includeInternalComments = ctx.getNodeParameter('includeInternalComments', false) as boolean;
	const includeOriginalBodies =
		includeEmailThread && (ctx.getNodeParameter('includeOriginalBodies', false) as boolean);
	const conditions = conditionsFrom(ctx.getNodeParameter('conditions', {}));
	const subqueries: string[] = [];
	if (includeEmailThread) subqueries.push(emailSubquery(), chatSubquery(), messagingSubquery());
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
		importMethod: ctx.getNodeParameter('importMethod', 'rest') as ImportMethod,
		conversation: conversationOptionsOf((name, fallback) => ctx.getNodeParameter(name, fallback)),
		connectCallsPerHour: includeEmailThread
			? connectCallsPerHourOf(ctx.getNodeParameter(CONNECT_BUDGET_PARAMETER, 500))
			: 500,
		attachmentCap: attachmentCapOf(ctx),
	};
}

/**
 * Case Closed: each closing of a case once, with its email thread. Static data (the layout of the
 * trigger's first version, kept so that active workflows go on where they were): `closedCases`
 * (the closure cursor) and `casePlan` (the checked query plan, a day).
 */
async function poll(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const config = (() => {
		try {
			return readConfig(ctx);
		} catch (e) {
			throw e instanceof ConnectBudgetError
				? new NodeOperationError(ctx.getNode(), e.message)
				: parameterError(ctx, e);
		}
	})();
	const sf = await connectToSalesforce(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	const manual = ctx.getMode() === 'manual';
	const now = Date.now();
	// Before the first poll the plan is built afresh (a describe), which also tells the org's time.
	const firstPoll = staticData.closedCases === undefined;
	const { plan, cached } = await casePlan(
		sf,
		config.choice,
		firstPoll ? undefined : staticData,
		now,
	).catch((e: unknown) => {
		throw parameterError(ctx, e);
	});
	const accept = (record: IDataObject) => belongsToQueues(record, plan.queueIds);
	// Messaging sessions' messages, where the org has Messaging, within the workflow's Connect budget.
	const budget = new ConnectBudget(
		config.connectCallsPerHour,
		staticData[CONNECT_CALL_LOG] as IDataObject | undefined,
	);
	const reader = new ConversationReader(sf, budget);
	let cases: CaseWithMessaging[];
	let commit = () => {};
	if (manual) {
		// "Fetch test event": the latest closed case(s), and no state is touched.
		const latest = await queryFirstPage(sf, latestClosedQuery(plan, 50));
		const records = latest.records.filter(accept).slice(0, 1);
		const source = new SoqlClosedCaseSource(sf, plan, accept);
		for (const r of records) await source.completeChildren(r);
		cases = [];
		for (const record of records) {
			const turns = await caseMessagingTurns(reader, record);
			if (isDeferral(turns))
				throw new NodeOperationError(
					ctx.getNode(),
					`The latest case's messaging sessions cannot be read now: ${turns.deferred}`,
				);
			cases.push({ record, turns });
		}
	} else {
		// The activation is the org's time (n8n's clock may differ from Salesforce's by seconds).
		const orgNow = sf.transport.lastServerTime ?? now;
		const state =
			(staticData.closedCases as ClosureCursorState | undefined) ??
			initialCursorState(
				importStart(
					ctx,
					config.importFrom,
					config.importSince,
					orgNow,
					'Import Existing Cases From',
				),
				orgNow,
			);
		const rest = new SoqlClosedCaseSource(sf, plan, accept);
		const storedImport = staticData.closedCasesImport as ImportState | undefined;
		let importState =
			state.backfill === 'done'
				? storedImport
				: await importMethodOf(sf, plan, config.importMethod, state, storedImport);
		let bulk =
			importState?.method === 'bulk'
				? new BulkClosedCaseSource(sf, plan, rest, importState.job)
				: undefined;
		let stoppedBecause: string | undefined;
		const pollFrom = (source: BulkClosedCaseSource | SoqlClosedCaseSource) =>
			pollClosedCasesCompleting(state, source, config.maxCasesPerPoll, async (emitted) => {
				const done = await withDetails(
					sf,
					plan,
					reader,
					emitted,
					source instanceof BulkClosedCaseSource,
				);
				stoppedBecause = done.stoppedBecause;
				return done.cases;
			});
		let outcome;
		let failure: unknown;
		try {
			outcome = await pollFrom(bulk ?? rest);
		} catch (e) {
			failure = e;
		}
		if (!outcome && bulk && failure instanceof BulkJobFailed && config.importMethod === 'auto') {
			// Automatic goes on by REST from the cursor, whose keyset is in the REST query's order.
			await bulk.deleteJob();
			ctx.logger.warn(
				`caseClosed: the import goes on by REST API: Bulk API job ${failure.jobId} ${failure.state}: ${failure.reason}`,
				{ event: 'caseClosed' },
			);
			importState = {
				...importState,
				method: 'rest',
				job: null,
				bulkFailure: `${failure.state}: ${failure.reason}`,
			};
			bulk = undefined;
			outcome = await pollFrom(rest);
		}
		if (!outcome) {
			const e = failure;
			if (!bulk || !(e instanceof BulkJobPending || e instanceof BulkJobFailed)) throw e;
			// The cursor stays where it was; the job is kept to be looked at again (or dropped when it failed).
			if (e instanceof BulkJobFailed) await bulk.deleteJob();
			staticData.closedCasesImport = { ...importState, job: bulk.job };
			staticData.casePlan = cached;
			if (e instanceof BulkJobPending) return null;
			throw new NodeOperationError(
				ctx.getNode(),
				`Salesforce could not run the import of existing cases (Bulk API job ${e.jobId} ${e.state === 'Aborted' ? 'was aborted' : 'failed'}: ${e.reason})`,
				{
					description:
						'No case was lost: the next poll starts a new job from the last case imported. If it fails again, set Import Method to "REST API".',
				},
			);
		}
		const nextImport: ImportState | undefined =
			importState && bulk
				? { ...importState, job: bulk.position(outcome.state.backfill) }
				: importState;
		if (bulk && outcome.state.backfill === 'done' && nextImport?.job) {
			await bulk.deleteJob();
			nextImport.job = null;
		}
		if (outcome.deferred > 0)
			ctx.logger.info(
				`caseClosed: ${outcome.deferred} case(s) deferred to a later poll: ${stoppedBecause ?? ''}`,
				{ event: 'caseClosed', deferred: outcome.deferred },
			);
		cases = outcome.items.filter((c): c is CaseWithMessaging => c !== null);
		commit = () => {
			staticData.closedCases = outcome.state;
			if (nextImport) staticData.closedCasesImport = nextImport;
			staticData.casePlan = cached;
		};
	}
	if (reader.calls > 0 && !manual)
		staticData[CONNECT_CALL_LOG] = budget.toStaticData(sf.transport.lastServerTime ?? now);
	// The files before the cursor moves on: a failure leaves the cases for the next poll.
	const files =
		config.attachmentCap === undefined || cases.length === 0
			? undefined
			: await caseFiles(ctx, sf, cases, config.includeEmailThread, config.attachmentCap);
	commit();
	if (cases.length === 0) return null;
	const instanceUrl = await instanceUrlOf(ctx, sf);
	const parts = {
		emails: config.includeEmailThread,
		comments: config.includeInternalComments,
		originalBodies: config.includeOriginalBodies,
	};
	return [
		cases.map(({ record, turns }, i) =>
			withAttachments(
				{
					json: caseItem(
						record,
						plan.fields,
						instanceUrl,
						{ ...parts, messagingTurns: turns },
						config.conversation,
					),
				},
				files?.[i],
			),
		),
	];
}

/**
 * The files of the cases and of their emails, within the cap per case. The emails are those of
 * the thread read with the case; without the thread, one query per batch of cases lists them.
 */
async function caseFiles(
	ctx: IPollFunctions,
	sf: SalesforceConnection,
	cases: CaseWithMessaging[],
	threadRead: boolean,
	cap: number,
) {
	const caseIds = cases.map((c) => String(c.record.Id));
	const emails = threadRead ? undefined : await emailIdsOfCases(sf, caseIds);
	return readCaseAttachments(
		ctx.helpers,
		sf,
		cases.map(({ record }) => ({
			caseId: String(record.Id),
			emailIds: emails ? (emails.get(String(record.Id)) ?? []) : emailIdsOf(record),
		})),
		cap,
	);
}

/** A case read in full, with the messages of its messaging sessions. */
interface CaseWithMessaging {
	record: IDataObject;
	turns: TranscriptTurn[];
}

/**
 * The details of the emitted cases (one Composite call), then the messages of their messaging
 * sessions, case after case, until the Connect budget stops it: a value per case from the first
 * (null for a case deleted meanwhile, which is not emitted), and why it stopped.
 */
async function withDetails(
	sf: SalesforceConnection,
	plan: CaseQueryPlan,
	reader: ConversationReader,
	emitted: IDataObject[],
	/** The cases came without their owner history: the queue rule is applied to the details. */
	checkQueues = false,
): Promise<{ cases: Array<CaseWithMessaging | null>; stoppedBecause?: string }> {
	const details = await fetchCaseDetails(
		sf,
		plan,
		emitted.map((r) => String(r.Id)),
	);
	const byId = new Map(details.map((r) => [String(r.Id), r]));
	const cases: Array<CaseWithMessaging | null> = [];
	for (const e of emitted) {
		const record = byId.get(String(e.Id));
		if (!record || (checkQueues && !belongsToQueues(record, plan.queueIds))) {
			cases.push(null);
			continue;
		}
		const turns = await caseMessagingTurns(reader, record);
		if (isDeferral(turns)) return { cases, stoppedBecause: turns.deferred };
		cases.push({ record, turns });
	}
	return { cases };
}

export const caseClosed: TriggerEvent = {
	option: {
		name: 'Case Closed',
		value: 'caseClosed',
		description:
			'A case is closed (each closing once; a reopened case that closes again counts again)',
	},
	properties: forEvent('caseClosed', properties),
	poll,
};
