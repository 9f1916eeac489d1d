import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../shared/transport/credentialTypes';
import { TRIGGER_EVENTS } from './events';

export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: TRIGGER_EVENTS.map((e) => e.option),
		default: 'caseClosed',
	},
	...TRIGGER_EVENTS.flatMap((e) => e.properties),
];
