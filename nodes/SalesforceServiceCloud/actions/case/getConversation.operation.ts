import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fetchCaseDetails } from '../../../shared/closedCases/caseDetails';
import { caseFieldsProperty } from '../../../shared/closedCases/caseFieldsProperty';
import { caseItem } from '../../../shared/closedCases/caseOutput';
import {
	ConversationOptionError,
	conversationOptionsOf,
	conversationProperties,
	type ConversationOptions,
} from '../../../shared/closedCases/conversationParameters';
import { casePlan } from '../../../shared/closedCases/casePlan';
import type { CaseQueryPlan } from '../../../shared/closedCases/caseQuery';
import { idSuffix } from '../../../shared/salesforceIds';
import { FieldNameError, fieldListOf, resolveFieldPaths } from '../../../shared/soql/fieldNames';
import { caseMessagingTurns } from '../../../shared/messaging/caseMessaging';
import {
	ConversationReader,
	isDeferral,
	type Deferral,
} from '../../../shared/messaging/conversationReader';
import {
	chatSubquery,
	commentSubquery,
	emailSubquery,
	messagingSubquery,
	type TranscriptTurn,
} from '../../../shared/thread';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { toNodeError } from '../../../shared/transport/errorBoundary';
import { instanceUrlOf } from '../../../shared/transport/salesforceApi';
import { switchOf } from '../common/parameters';
import { perItem } from '../common/perItem';
import { checkedIdOf } from '../common/recordParameters';
import { CASE_ID, caseIdProperty } from './caseParameters';

const show = { resource: ['case'], operation: ['getConversation'] };

export const description: INodeProperties[] = [
	caseIdProperty('case', ['getConversation']),
	caseFieldsProperty({
		name: 'caseFields',
		loadOptionsMethod: 'getCaseConversationFields',
		description: 'The Case fields the item carries, as the trigger gives them.',
		displayOptions: { show },
	}),
	{
		displayName: 'Include Original Email Bodies',
		name: 'includeOriginalBodies',
		type: 'boolean',
		default: false,
		description:
			'Whether each email also carries its full bodies as Salesforce stores them (textBody, htmlBody), quoted replies included',
		displayOptions: { show },
	},
	{
		displayName: 'Include Internal Comments',
		name: 'includeInternalComments',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the case comments (comments), internal notes included, and put them in the transcript',
		displayOptions: { show },
	},
	// Redact Personal Data and Transcript Budget (shared with the trigger's Case Closed).
	...conversationProperties({ show }),
];

interface ConversationRequest {
	id: string;
	group: CaseGroup;
	includeComments: boolean;
	includeOriginalBodies: boolean;
	conversation: ConversationOptions;
}

/** The items that ask for the same fields and parts: their cases are read together. */
interface CaseGroup {
	fields: string[];
	subqueries: string[];
	ids: Set<string>;
	records?: Promise<{ plan: CaseQueryPlan; byId: Map<string, IDataObject> }>;
}

/**
 * The case's fields and conversation (emails, chats, messaging sessions' messages read from the
 * Connect API, optionally comments, and the transcript), the
 * same item the trigger emits for the case, so that either can feed the same step. The cases of all
 * items are read together, as the trigger reads them: up to 750 cases in one API call.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const groups = new Map<string, CaseGroup>();
	const requests: Array<ConversationRequest | Error> = [];
	let describe: DescribeSObjectResult | undefined;
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			const given = checkedIdOf(this, itemIndex, CASE_ID);
			const includeComments = switchOf(this, 'includeInternalComments', itemIndex);
			const includeOriginalBodies = switchOf(this, 'includeOriginalBodies', itemIndex);
			describe ??= await sf.describes.describe('Case');
			const fields = await caseFieldsOf(this, sf, describe, itemIndex);
			const subqueries = [
				emailSubquery(),
				chatSubquery(),
				messagingSubquery(),
				...(includeComments ? [commentSubquery()] : []),
			];
			const key = JSON.stringify([fields, subqueries]);
			const group = groups.get(key) ?? { fields, subqueries, ids: new Set<string>() };
			groups.set(key, group);
			// Salesforce answers with 18-character Ids; a 15-character one gets its suffix.
			const id = given.length === 15 ? `${given}${idSuffix(given)}` : given;
			group.ids.add(id);
			const conversation = conversationOptionOf(this, itemIndex);
			requests.push({ id, group, includeComments, includeOriginalBodies, conversation });
		} catch (error) {
			requests.push(error as Error);
		}
	}
	let instanceUrl: Promise<string | undefined> | undefined;
	// Messaging sessions' messages: Connect API calls (counted) only for cases that have sessions.
	const reader = new ConversationReader(sf);
	const messaging = new Map<string, Promise<TranscriptTurn[] | Deferral>>();
	return perItem(this, async (itemIndex) => {
		const request = requests[itemIndex];
		if (request instanceof Error) throw request;
		const { group } = request;
		group.records ??= readCases(sf, group);
		const { plan, byId } = await group.records;
		const record = byId.get(request.id);
		if (!record)
			throw new NodeOperationError(this.getNode(), `No case with ID "${request.id}"`, {
				itemIndex,
				description: 'The case may have been deleted, or the connected user may not see it.',
			});
		instanceUrl ??= instanceUrlOf(this, sf);
		const read = messaging.get(request.id) ?? caseMessagingTurns(reader, record);
		messaging.set(request.id, read);
		const turns = await read;
		if (isDeferral(turns))
			throw new NodeOperationError(
				this.getNode(),
				`The messages of case ${request.id}'s messaging sessions cannot be read now: ${turns.deferred}`,
				{
					itemIndex,
					description:
						'Salesforce allows 1,000 Connect API calls per user and app per hour. Try again later, or run this step on fewer cases at a time.',
				},
			);
		const json = caseItem(
			record,
			plan.fields,
			await instanceUrl,
			{
				emails: true,
				comments: request.includeComments,
				originalBodies: request.includeOriginalBodies,
				messagingTurns: turns,
			},
			request.conversation,
		);
		return [{ json, pairedItem: { item: itemIndex } }];
	});
}

/** The item's Redact Personal Data and Transcript Budget; a value that cannot be used names the parameter and the item. */
function conversationOptionOf(ctx: IExecuteFunctions, itemIndex: number): ConversationOptions {
	try {
		return conversationOptionsOf((name, fallback) =>
			ctx.getNodeParameter(name, itemIndex, fallback),
		);
	} catch (error) {
		if (error instanceof ConversationOptionError)
			throw new NodeOperationError(ctx.getNode(), error.message, {
				itemIndex,
				description: `Item ${itemIndex}: check Redaction Options and Transcript Budget for this item; no case was read for it.`,
			});
		throw toNodeError(ctx.getNode(), error, itemIndex);
	}
}

/** The item's Case fields, each path checked against the describes; a problem names the parameter and the item. */
async function caseFieldsOf(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	describe: DescribeSObjectResult,
	itemIndex: number,
): Promise<string[]> {
	try {
		return await resolveFieldPaths(
			sf.describes,
			describe,
			fieldListOf(ctx.getNodeParameter('caseFields', itemIndex, [])),
		);
	} catch (error) {
		if (error instanceof FieldNameError)
			throw new NodeOperationError(ctx.getNode(), `Field Names or IDs: ${error.message}`, {
				itemIndex,
				description: `Item ${itemIndex}: give one Case field per entry, such as Subject or Owner.Name.`,
			});
		throw toNodeError(ctx.getNode(), error, itemIndex);
	}
}

async function readCases(
	sf: SalesforceConnection,
	group: CaseGroup,
): Promise<{ plan: CaseQueryPlan; byId: Map<string, IDataObject> }> {
	const { plan } = await casePlan(
		sf,
		{ fields: group.fields, conditions: [], queues: [], subqueries: group.subqueries },
		undefined,
		Date.now(),
	);
	const records = await fetchCaseDetails(sf, plan, [...group.ids]);
	return { plan, byId: new Map(records.map((r) => [String(r.Id), r])) };
}
