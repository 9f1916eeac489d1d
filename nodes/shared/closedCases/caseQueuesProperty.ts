import type { INodeProperties } from 'n8n-workflow';

/**
 * The trigger's queue filter (`queues`), for Case Closed and New Email on a Case: `only` says what
 * passes it, `until` up to when a queue's ownership counts, `withoutHistory` which owner counts
 * when Owner history is not tracked.
 */
export function caseQueuesProperty(options: {
	only: string;
	until: string;
	withoutHistory: string;
}): INodeProperties {
	return {
		displayName: 'Queue Names or IDs',
		name: 'queues',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCaseQueues' },
		default: [],
		description: `${options.only}; leave empty for all cases. An expression may give queue names or IDs (15 or 18 characters), as a list or as one text with commas between them; a queue your org does not have stops the activation with an error naming it. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		hint: `A case counts for a queue if the queue owned it at any time until ${options.until}, also when an agent accepted it from the queue (this needs Case history tracking on Owner; without it, ${options.withoutHistory})`,
	};
}
