import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import {
	connectBudgetProperty,
	connectCallsPerHourOf,
	CONNECT_BUDGET_PARAMETER,
} from '../../shared/messaging/budgetParameter';
import { CONNECT_CALL_LOG, ConnectBudget } from '../../shared/messaging/connectBudget';
import { ConversationReader } from '../../shared/messaging/conversationReader';
import { readSessionsInTurn } from '../../shared/messaging/sessionMessages';
import {
	MESSAGING_SESSION_ITEM_FIELDS,
	messagingSessionItem,
} from '../../shared/messaging/sessionItem';
import {
	redactionProperties,
	type RedactionChoice,
} from '../../shared/closedCases/conversationParameters';
import { conditionsFrom, conditionsProperty } from '../../shared/soql/conditionsParameter';
import type { SalesforceConnection } from '../../shared/transport/connection';
import { recordImportProperties } from './importStart';
import { pollRecordEvent } from './recordEvent';
import { redactionOf } from './redactionOf';
import { forEvent, type TriggerEvent } from './triggerEvent';

/**
 * The messages of the sessions, one session after the other, within the workflow's budget of
 * Connect calls; it stops at the first session whose messages cannot be read now (budget spent,
 * or Salesforce's hourly limit reached), and those sessions wait for a later poll.
 */
async function withMessages(
	ctx: IPollFunctions,
	sf: SalesforceConnection,
	records: IDataObject[],
	redaction: RedactionChoice | undefined,
): Promise<{ items: IDataObject[]; stoppedBecause?: string }> {
	const staticData = ctx.getWorkflowStaticData('node');
	const budget = new ConnectBudget(
		connectCallsPerHourOf(ctx.getNodeParameter(CONNECT_BUDGET_PARAMETER, 500)),
		staticData[CONNECT_CALL_LOG] as IDataObject | undefined,
	);
	const reader = new ConversationReader(sf, budget);
	const { read, stoppedBecause } = await readSessionsInTurn(reader, records);
	// The editor's "Fetch test event" touches no state (n8n would not keep it anyway).
	if (ctx.getMode() !== 'manual')
		staticData[CONNECT_CALL_LOG] = budget.toStaticData(sf.transport.lastServerTime ?? Date.now());
	return {
		items: read.map(({ session, turns }) => messagingSessionItem(session, turns, redaction)),
		stoppedBecause,
	};
}

/**
 * Messaging Session Ended: each messaging session (Messaging for In-App and Web, WhatsApp, SMS...)
 * once, when it has ended (Status Ended, with an EndTime), by its EndTime, on the record events'
 * cursor, with its messages from the Connect API within the workflow's hourly budget of calls.
 */
export const messagingSessionEnded: TriggerEvent = {
	option: {
		name: 'Messaging Session Ended',
		value: 'messagingSessionEnded',
		description:
			'A messaging session (In-App and Web, WhatsApp, SMS) ends: its messages, with its case, contact and end user (each session once)',
	},
	properties: forEvent('messagingSessionEnded', [
		conditionsProperty({
			displayName: 'Extra Conditions',
			description: 'Only sessions that meet all these conditions',
			fieldsMethod: 'getMessagingSessionFilterFields',
		}),
		...redactionProperties(
			{},
			"Whether to replace email addresses, phone numbers, card numbers and IBANs (and, if chosen, names) in the messages, their senders' names, the end user's and contact's fields and the case's subject with placeholders such as [email 1] or [phone 2]. The same value gets the same placeholder throughout the session, so that a model can still tell people apart.",
		),
		...recordImportProperties({
			plural: 'Sessions',
			nothing: 'Nothing (Only Sessions Ending From Now On)',
			description:
				'When the workflow is activated, also emit the sessions that ended this far back, a page per poll, before the new ones',
			since: 'Emit the sessions that ended since this date and time',
		}),
		connectBudgetProperty(
			"The most calls this workflow makes per hour to read sessions' messages (one call per session, one more per 1,000 messages). A large import is spread over several hours.",
		),
	]),
	poll: (ctx) => {
		const redaction = redactionOf(ctx);
		return pollRecordEvent(ctx, {
			event: 'messagingSessionEnded',
			eventField: 'EndTime',
			choice: (c) => {
				try {
					connectCallsPerHourOf(c.getNodeParameter(CONNECT_BUDGET_PARAMETER, 500));
				} catch (e) {
					throw new NodeOperationError(c.getNode(), (e as Error).message);
				}
				return {
					objectName: 'MessagingSession',
					fields: MESSAGING_SESSION_ITEM_FIELDS,
					conditions: conditionsFrom(c.getNodeParameter('conditions', {})),
				};
			},
			where: "Status = 'Ended' AND EndTime != null",
			complete: (c, sf, records) => withMessages(c, sf, records, redaction),
			importParameter: 'Import Existing Sessions From',
		});
	},
};
