import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { nodeCredentials } from '../../shared/transport/credentialTypes';
import { toNodeError } from '../../shared/transport/errorBoundary';
import { ApiLimitError } from '../../shared/transport/salesforceErrors';
import { triggerProperties } from '../description';
import { eventNamed, TRIGGER_SUBTITLE } from '../events';
import {
	getCaseFields,
	getCaseFilterFields,
	getCaseQueues,
	getChatFilterFields,
	getMessagingSessionFilterFields,
	getObjects,
	getRecordFields,
	getRecordFilterFields,
} from '../methods/loadOptions';

/**
 * Version 1 of the trigger. Saved workflows keep the version they were made with: a change that
 * would read a saved workflow's parameters differently goes into a new version.
 */
export class SalesforceServiceCloudTriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salesforce Service Cloud Trigger',
		name: 'salesforceServiceCloudTrigger',
		icon: {
			light: 'file:../../../icons/salesforce-service-cloud.svg',
			dark: 'file:../../../icons/salesforce-service-cloud.dark.svg',
		},
		group: ['trigger'],
		description:
			'Starts the workflow when a Salesforce case closes (with its email thread), a record is created or changed, an email arrives on a case, or a chat or messaging session ends',
		version: 1,
		subtitle: TRIGGER_SUBTITLE,
		defaults: { name: 'Salesforce Service Cloud Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		properties: triggerProperties,
	};

	/**
	 * n8n resolves every version's icon relative to the registered entry file (its DirectoryLoader's
	 * fixIconPaths), so the entry file's icon replaces the one above, which is written relative to this file.
	 */
	constructor(entry: Pick<INodeTypeBaseDescription, 'icon'>) {
		this.description = { ...this.description, icon: entry.icon };
	}

	methods = {
		loadOptions: {
			getCaseQueues,
			getCaseFields,
			getCaseFilterFields,
			getChatFilterFields,
			getMessagingSessionFilterFields,
			getObjects,
			getRecordFields,
			getRecordFilterFields,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const chosen = this.getNodeParameter('event', 'caseClosed');
		const event = eventNamed(chosen);
		if (!event)
			throw new NodeOperationError(
				this.getNode(),
				`Event: "${String(chosen)}" is not an event of this trigger`,
				{
					description: 'Choose an event from the list.',
				},
			);
		try {
			return await event.poll(this);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error);
			// The cursor is saved only after a poll succeeds, so a stopped poll loses nothing.
			if (error instanceof ApiLimitError)
				nodeError.description = `${nodeError.description ?? ''} Nothing was lost: the trigger picks up where it left off once calls are allowed again.`;
			throw nodeError;
		}
	}
}
