import {
	NodeOperationError,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	INCOMING_EMAILS,
	THREAD_SUBQUERIES,
	emailCasesQuery,
	latestIncomingQuery,
} from '../../shared/caseEmails/emailQuery';
import { newEmailItem } from '../../shared/caseEmails/newEmailItem';
import {
	caseUpToEmail,
	initialNewEmailState,
	pickNewEmails,
	pollNewEmails,
	type NewEmail,
	type NewEmailOptions,
	type NewEmailState,
} from '../../shared/caseEmails/newEmails';
import { fetchCaseDetails } from '../../shared/closedCases/caseDetails';
import { caseFieldsProperty } from '../../shared/closedCases/caseFieldsProperty';
import { caseQueuesProperty } from '../../shared/closedCases/caseQueuesProperty';
import {
	conversationOptionsOf,
	conversationProperties,
	type ConversationOptions,
} from '../../shared/closedCases/conversationParameters';
import { casePlan, type CaseQueryChoice } from '../../shared/closedCases/casePlan';
import type { CaseQueryPlan } from '../../shared/closedCases/caseQuery';
import { QueueChoiceError, queueEntries } from '../../shared/closedCases/caseQueues';
import { initialEventState } from '../../shared/eventCursor/eventCursor';
import { SoqlRecordSource } from '../../shared/records/soqlRecordSource';
import { conditionsFrom, conditionsProperty } from '../../shared/soql/conditionsParameter';
import { fieldListOf } from '../../shared/soql/fieldNames';
import { emailIdsOf, readCaseAttachments } from '../../shared/files/caseAttachments';
import { connectToSalesforce, type SalesforceConnection } from '../../shared/transport/connection';
import { instanceUrlOf, queryFirstPage } from '../../shared/transport/salesforceApi';
import { attachmentCapOf, attachmentProperties, withAttachments } from './attachmentOptions';
import { importFromOptions, importStart } from './importStart';
import { parameterError } from './parameterError';
import { forEvent, type TriggerEvent } from './triggerEvent';

const EVENT = 'newEmail';

const properties: INodeProperties[] = [
	{
		displayName: 'Only the First Email of a Case',
		name: 'firstEmailOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to start only for the email that opened the conversation: the first incoming email of its case. Replies of the customer on the same case are left out.',
		hint: "An email is the case's first when no other incoming email of the case was created before it (emails in the Recycle Bin do not count)",
	},
	{
		displayName: 'Only From the Customer',
		name: 'fromCustomerOnly',
		type: 'boolean',
		default: false,
		description:
			"Whether to start only for emails the case's customer sent, leaving out those from your own team, automatic senders or anyone else",
		hint: "The sender's address must be the email of the case's contact or the case's Web Email (Supplied Email, the address the case came from), ignoring upper and lower case. A case with neither has no emails from the customer.",
	},
	caseQueuesProperty({
		only: 'Only emails on cases of these queues',
		until: 'the email arrived',
		withoutHistory: 'only the current owner counts',
	}),
	caseFieldsProperty({
		name: 'fields',
		loadOptionsMethod: 'getCaseFields',
		description:
			"The Case fields each item carries, from your org's own fields. The item also has the case's emails up to the new one, a transcript of them, and the new email as `email`.",
	}),
	// Redact Personal Data and Transcript Budget (as Case Closed's; the new email is redacted too).
	...conversationProperties(),
	conditionsProperty({
		displayName: 'Extra Conditions',
		description:
			'Only emails on cases that meet all these conditions (as the case is when the trigger reads it)',
		fieldsMethod: 'getCaseFilterFields',
	}),
	{
		displayName: 'Import Existing Emails From',
		name: 'importFrom',
		type: 'options',
		options: importFromOptions('Nothing (Only Emails Arriving From Now On)'),
		default: 'none',
		description:
			'When the workflow is activated, also emit the emails that arrived this far back, a page per poll, before the new ones',
	},
	{
		displayName: 'Import Since',
		name: 'importSince',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { importFrom: ['date'] } },
		description: 'Emit the emails that arrived since this date and time',
	},
	...attachmentProperties(
		"the files of the case and of its emails up to the new one, the new email's attachments included (Salesforce Files)",
	),
	{
		displayName: 'Max Emails per Poll',
		name: 'maxEmailsPerPoll',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2000 },
		default: 100,
		description:
			'The most new emails one poll takes (those your options leave out count too); the rest follow on the next polls. Keeps each execution and its memory small.',
	},
];

interface NewEmailConfig {
	choice: CaseQueryChoice;
	firstOnly: boolean;
	fromCustomerOnly: boolean;
	maxPerPoll: number;
	importFrom: string;
	importSince: string;
	conversation: ConversationOptions;
	/** Include Attachments: the most bytes of files per item; undefined when off. */
	attachmentCap: number | undefined;
}

function readConfig(ctx: IPollFunctions): NewEmailConfig {
	const max = Number(ctx.getNodeParameter('maxEmailsPerPoll', 100));
	if (!Number.isFinite(max) || max < 1)
		throw new NodeOperationError(
			ctx.getNode(),
			`Max Emails per Poll: "${String(ctx.getNodeParameter('maxEmailsPerPoll', 100))}" is not a number of 1 or more`,
			{ description: 'Give a whole number from 1 to 2000.' },
		);
	return {
		choice: {
			fields: fieldListOf(ctx.getNodeParameter('fields', [])),
			conditions: conditionsFrom(ctx.getNodeParameter('conditions', {})),
			queues: queueEntries(ctx.getNodeParameter('queues', [])),
			subqueries: THREAD_SUBQUERIES,
		},
		firstOnly: ctx.getNodeParameter('firstEmailOnly', false) === true,
		fromCustomerOnly: ctx.getNodeParameter('fromCustomerOnly', false) === true,
		maxPerPoll: Math.min(2000, Math.floor(max)),
		importFrom: ctx.getNodeParameter('importFrom', 'none') as string,
		importSince: ctx.getNodeParameter('importSince', '') as string,
		conversation: conversationOptionsOf((name, fallback) => ctx.getNodeParameter(name, fallback)),
		attachmentCap: attachmentCapOf(ctx),
	};
}

/** A check of the parameters, with the parameter named. */
function namedError(ctx: IPollFunctions, e: unknown): unknown {
	if (e instanceof QueueChoiceError)
		return new NodeOperationError(ctx.getNode(), `Queues: ${e.message}`);
	return parameterError(ctx, e);
}

/** The cases of the given Ids with their threads: Composite requests of up to 750 cases each. */
const caseFetcher = (sf: SalesforceConnection, plan: CaseQueryPlan) => (ids: string[]) =>
	fetchCaseDetails(sf, plan, ids, emailCasesQuery);

/**
 * New Email on a Case: each incoming email on a case once, by its CreatedDate, on the shared
 * cursor (which also takes emails arriving in a burst within one second, or committing late). Static
 * data: `newEmail` (the cursor and the cases whose first email was taken) and `newEmailPlan` (the
 * checked case query plan, a day).
 */
async function poll(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	let config: NewEmailConfig;
	try {
		config = readConfig(ctx);
	} catch (e) {
		throw namedError(ctx, e);
	}
	const sf = await connectToSalesforce(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	const now = Date.now();
	const stored = staticData.newEmail as NewEmailState | undefined;
	// Before the first poll the plan is built afresh (a describe), so a wrong choice stops the activation.
	const { plan, cached } = await casePlan(
		sf,
		config.choice,
		stored ? { casePlan: staticData.newEmailPlan } : undefined,
		now,
	).catch((e: unknown) => {
		throw namedError(ctx, e);
	});
	const options: NewEmailOptions = {
		firstOnly: config.firstOnly,
		fromCustomerOnly: config.fromCustomerOnly,
		queueIds: plan.queueIds,
	};
	const fetchCases = caseFetcher(sf, plan);
	let found: NewEmail[];
	let commit = () => {};
	if (ctx.getMode() === 'manual') {
		// "Fetch test event": the latest email that meets the options, and no state is touched.
		const latest = (await queryFirstPage(sf, latestIncomingQuery(50))).records;
		found = (await pickNewEmails(latest, fetchCases, options, {})).slice(0, 1);
	} else {
		const orgNow = sf.transport.lastServerTime ?? now;
		const state =
			stored ??
			initialNewEmailState(
				initialEventState(
					importStart(
						ctx,
						config.importFrom,
						config.importSince,
						orgNow,
						'Import Existing Emails From',
					),
					orgNow,
				),
			);
		const source = new SoqlRecordSource(sf, INCOMING_EMAILS, 'CreatedDate');
		const outcome = await pollNewEmails(state, source, fetchCases, options, config.maxPerPoll);
		found = outcome.emitted;
		commit = () => {
			staticData.newEmail = outcome.state;
			staticData.newEmailPlan = cached;
		};
	}
	// The files of the case and of the emails of each item's thread (the new email's included),
	// before the cursor moves on: a failure leaves the emails for the next poll.
	const files =
		config.attachmentCap === undefined || found.length === 0
			? undefined
			: await readCaseAttachments(
					ctx.helpers,
					sf,
					found.map((f) => ({
						caseId: String(f.caseRecord.Id),
						emailIds: threadEmailIds(f),
					})),
					config.attachmentCap,
				);
	commit();
	if (found.length === 0) return null;
	const instanceUrl = await instanceUrlOf(ctx, sf);
	return [
		found.map((f, i) =>
			withAttachments(
				{ json: newEmailItem(f, plan.fields, instanceUrl, config.conversation) },
				files?.[i],
			),
		),
	];
}

/** The emails of an item's thread, up to the new one, which is always among them. */
function threadEmailIds(found: NewEmail): string[] {
	const ids = emailIdsOf(caseUpToEmail(found.caseRecord, found.email));
	const own = String(found.email.Id);
	return ids.includes(own) ? ids : [...ids, own];
}

export const newEmail: TriggerEvent = {
	option: {
		name: 'New Email on a Case',
		value: EVENT,
		description:
			'An email from outside arrives on a case (Email Message): the case with its emails up to that one, and the new email (each email once)',
	},
	properties: forEvent(EVENT, properties),
	poll,
};
