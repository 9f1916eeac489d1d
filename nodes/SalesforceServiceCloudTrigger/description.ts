import type { INodeProperties } from 'n8n-workflow';

import { conditionsProperty } from '../shared/soql/conditionsParameter';
import { authenticationProperty } from '../shared/transport/credentialTypes';

import { caseFieldsProperty } from '../shared/closedCases/caseFieldsProperty';

export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: [
			{
				name: 'Case Closed',
				value: 'caseClosed',
				description:
					'A case is closed (each closing once; a reopened case that closes again counts again)',
			},
		],
		default: 'caseClosed',
	},
	{
		displayName: 'Queue Names or IDs',
		name: 'queues',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCaseQueues' },
		default: [],
		description:
			'Only cases of these queues; leave empty for all cases. An expression may give queue names or IDs (15 or 18 characters), as a list or as one text with commas between them; a queue your org does not have stops the activation with an error naming it. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'A case counts for a queue if the queue owned it at any time until it closed, also when an agent accepted it from the queue (this needs Case history tracking on Owner; without it, only the owner at closing counts)',
	},
	{
		displayName: 'Import Existing Cases From',
		name: 'importFrom',
		type: 'options',
		// Alphabetical, as n8n's checks ask of every option list (inline exceptions are ignored).
		options: [
			{ name: 'Last 24 Hours', value: 'last24Hours' },
			{ name: 'Last 30 Days', value: 'last30Days' },
			{ name: 'Last 7 Days', value: 'last7Days' },
			{ name: 'Last 90 Days', value: 'last90Days' },
			{ name: 'Last Year', value: 'lastYear' },
			{ name: 'Nothing (Only Cases Closed From Now On)', value: 'none' },
			{ name: 'Since a Date', value: 'date' },
		],
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
];
