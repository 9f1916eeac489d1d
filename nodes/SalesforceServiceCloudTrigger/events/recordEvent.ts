import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollEventsCompleting } from '../../shared/eventCursor/completingPoll';
import {
	initialEventState,
	pollEvents,
	type EventCursorState,
} from '../../shared/eventCursor/eventCursor';
import { recordItem } from '../../shared/records/recordItem';
import {
	recordPlan,
	type CachedRecordPlan,
	type RecordChoice,
	type RecordQueryPlan,
} from '../../shared/records/recordPlan';
import {
	RECORD_CURSOR_FIELDS,
	recordLatestQuery,
	type RecordEventField,
} from '../../shared/records/recordQuery';
import { HistorySource, recordsByIds } from '../../shared/records/fieldHistory';
import { SoqlRecordSource } from '../../shared/records/soqlRecordSource';
import { conditionsFrom, conditionsProperty } from '../../shared/soql/conditionsParameter';
import { fieldListOf } from '../../shared/soql/fieldNames';
import { checkedObjectName } from '../../shared/soql/objectNames';
import { connectToSalesforce, type SalesforceConnection } from '../../shared/transport/connection';
import { queryFirstPage } from '../../shared/transport/salesforceApi';
import { importStart, recordImportProperties } from './importStart';
import { parameterError } from './parameterError';
import { forEvent } from './triggerEvent';

/** What a record event keeps in static data (`records`): its cursor, for the event and object it was made for. */
interface RecordEventData extends IDataObject {
	event: string;
	objectName: string;
	cursor: EventCursorState;
}

/** The parameters every record event has: Object, Fields, Extra Conditions, import and page size. */
export function recordEventProperties(
	event: string,
	words: { importNothing: string; importDescription: string; importSince: string },
): INodeProperties[] {
	return forEvent(event, [
		{
			displayName: 'Object Name or ID',
			name: 'objectName',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getObjects' },
			required: true,
			default: '',
			description:
				'The kind of record to watch, standard or custom (such as Lead or Invoice__c). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Field Names or IDs',
			name: 'recordFields',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getRecordFields', loadOptionsDependsOn: ['objectName'] },
			default: [],
			description:
				'The fields each item carries; leave empty for every field of the object. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		conditionsProperty({
			displayName: 'Extra Conditions',
			description: 'Only records that meet all these conditions',
			fieldsMethod: 'getRecordFilterFields',
			loadOptionsDependsOn: ['objectName'],
		}),
		...recordImportProperties({
			plural: 'Records',
			nothing: words.importNothing,
			description: words.importDescription,
			since: words.importSince,
		}),
	]);
}

function readChoice(ctx: IPollFunctions, watches: boolean): RecordChoice {
	return {
		objectName: checkedObjectName(ctx.getNodeParameter('objectName', '')),
		fields: fieldListOf(ctx.getNodeParameter('recordFields', [])),
		conditions: conditionsFrom(ctx.getNodeParameter('conditions', {})),
		...(watches ? { watchFields: fieldListOf(ctx.getNodeParameter('watchFields', [])) } : {}),
	};
}

/** How an event reads records: which timestamp is its event, and (optionally) which records it takes. */
export interface RecordEventPlan {
	event: string;
	eventField: RecordEventField;
	/** Record Updated: reads "Only When These Fields Change" (`watchFields`). */
	watches?: boolean;
	/** Extra work before a poll (reading field history), giving which records to emit. */
	acceptance?: (
		ctx: IPollFunctions,
		sf: SalesforceConnection,
		plan: RecordQueryPlan,
	) => Promise<(record: IDataObject) => boolean>;
	/** An event on a fixed object (Chat Ended): its choice, instead of the Object and Fields parameters. */
	choice?: (ctx: IPollFunctions) => RecordChoice;
	/** SOQL the event's records always meet (escaped by the event), joined to the user's conditions. */
	where?: string;
	/** The item of a record; by default its fields. */
	item?: (record: IDataObject) => IDataObject;
	/** The import parameter's display name, for its error. */
	importParameter?: string;
	/**
	 * Work on the records a poll emits that may stop partway (a budget of calls): the items of the
	 * first records it completed, and why it stopped. The cursor moves past only those; the others
	 * are emitted by a later poll. Replaces `item`.
	 */
	complete?: (
		ctx: IPollFunctions,
		sf: SalesforceConnection,
		records: IDataObject[],
	) => Promise<{ items: IDataObject[]; stoppedBecause?: string }>;
}

/**
 * One poll of a record event. Static data: `records` (the cursor, with the event and object it
 * follows: choosing another object starts afresh) and `recordPlan` (the checked plan, a day).
 */
export async function pollRecordEvent(
	ctx: IPollFunctions,
	how: RecordEventPlan,
): Promise<INodeExecutionData[][] | null> {
	let choice: RecordChoice;
	try {
		choice = how.choice ? how.choice(ctx) : readChoice(ctx, how.watches === true);
	} catch (e) {
		throw parameterError(ctx, e);
	}
	const maxPerPoll = Math.max(
		1,
		Math.min(2000, Math.floor(ctx.getNodeParameter('maxRecordsPerPoll', 100) as number)),
	);
	const sf = await connectToSalesforce(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	const now = Date.now();
	const stored = staticData.records as RecordEventData | undefined;
	// Watching fields reads field history instead of the records: another cursor.
	const event = choice.watchFields?.length ? `${how.event}:fieldHistory` : how.event;
	const same = stored?.event === event && stored?.objectName === choice.objectName;
	const { plan: checked, cached } = await recordPlan(
		sf,
		choice,
		same ? (staticData.recordPlan as CachedRecordPlan | undefined) : undefined,
		now,
	).catch((e: unknown) => {
		throw parameterError(ctx, e);
	});
	const where =
		how.where && checked.extraWhere
			? `${how.where} AND (${checked.extraWhere})`
			: (how.where ?? checked.extraWhere);
	const plan: RecordQueryPlan = { ...checked, extraWhere: where };
	const accept = how.acceptance ? await how.acceptance(ctx, sf, plan) : undefined;
	let records: IDataObject[];
	/** Items already made (by `complete`). */
	let items: IDataObject[] = [];
	if (ctx.getMode() === 'manual') {
		// "Fetch test event": the latest record, and no state is touched.
		records = (await queryFirstPage(sf, recordLatestQuery(plan, how.eventField))).records;
		if (how.complete && records.length > 0) {
			const done = await how.complete(ctx, sf, records);
			if (done.items.length === 0 && done.stoppedBecause)
				throw new NodeOperationError(
					ctx.getNode(),
					`The latest record's details cannot be read now: ${done.stoppedBecause}`,
				);
			items = done.items;
			records = [];
		}
	} else {
		const orgNow = sf.transport.lastServerTime ?? now;
		const state =
			same && stored
				? stored.cursor
				: initialEventState(
						importStart(
							ctx,
							ctx.getNodeParameter('recordImportFrom', 'none') as string,
							ctx.getNodeParameter('recordImportSince', '') as string,
							orgNow,
							how.importParameter ?? 'Import Existing Records From',
						),
						orgNow,
					);
		let next: EventCursorState;
		if (plan.history) {
			const outcome = await pollEvents(state, new HistorySource(sf, plan.history), maxPerPoll);
			records = await recordsByIds(
				sf,
				plan.objectName,
				[...RECORD_CURSOR_FIELDS, ...plan.fields],
				plan.extraWhere,
				outcome.emitted,
			);
			next = outcome.state;
		} else if (how.complete) {
			const complete = how.complete;
			const source = new SoqlRecordSource(sf, plan, how.eventField, accept);
			let stoppedBecause: string | undefined;
			const outcome = await pollEventsCompleting(state, source, maxPerPoll, async (emitted) => {
				const done = await complete(ctx, sf, emitted);
				stoppedBecause = done.stoppedBecause;
				return done.items;
			});
			if (outcome.deferred > 0)
				ctx.logger.info(
					`${how.event}: ${outcome.deferred} record(s) deferred to a later poll: ${stoppedBecause ?? 'their details could not be read'}`,
					{ event: how.event, deferred: outcome.deferred },
				);
			items = outcome.items;
			records = [];
			next = outcome.state;
		} else {
			const source = new SoqlRecordSource(sf, plan, how.eventField, accept);
			const outcome = await pollEvents(state, source, maxPerPoll);
			records = outcome.emitted;
			next = outcome.state;
		}
		staticData.records = {
			event,
			objectName: choice.objectName,
			cursor: next,
		} satisfies RecordEventData;
		staticData.recordPlan = cached;
	}
	const all = [...items, ...records.map((r) => (how.item ?? recordItem)(r))];
	if (all.length === 0) return null;
	return [all.map((json) => ({ json }))];
}
