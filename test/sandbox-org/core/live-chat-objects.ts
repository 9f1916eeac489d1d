// Legacy Chat (Live Agent) as the object reference describes it: the LiveChatTranscript fields a
// chat fills when it ends, and LiveChatVisitor (one per visitor session). Field names, types and
// lengths from the Object Reference ("LiveChatTranscript", "LiveChatVisitor") and the field
// reference (https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-livechattranscript.html).
// Not recorded from an org: hand-written from the documentation.

import { completeField, type FieldSpec } from './fields';
import { standardFields, type ObjectSpec } from './schema';

const readOnly: Partial<FieldSpec> = { createable: false, updateable: false };

/** LiveChatTranscript fields beyond the case, contact, status, times and counts. */
export function liveChatTranscriptMoreFields(): FieldSpec[] {
	return [
		{
			name: 'LiveChatVisitorId',
			type: 'reference',
			label: 'Chat Visitor ID',
			referenceTo: ['LiveChatVisitor'],
			relationshipName: 'LiveChatVisitor',
		},
		{
			name: 'EndedBy',
			type: 'picklist',
			label: 'Ended By',
			picklist: ['Agent', 'System', 'Visitor'],
			restrictedPicklist: true,
		},
		{ name: 'WaitTime', type: 'int', label: 'Wait Time', ...readOnly },
		{ name: 'Abandoned', type: 'int', label: 'Abandoned After', ...readOnly },
		{ name: 'AverageResponseTimeOperator', type: 'int', label: 'Agent Average Response Time' },
		{ name: 'AverageResponseTimeVisitor', type: 'int', label: 'Visitor Average Response Time' },
		{ name: 'MaxResponseTimeOperator', type: 'int', label: 'Agent Maximum Response Time' },
		{ name: 'MaxResponseTimeVisitor', type: 'int', label: 'Visitor Maximum Response Time' },
		{
			name: 'IsChatbotSession',
			type: 'boolean',
			label: 'Is Chatbot Session',
			defaultedOnCreate: true,
			defaultValue: false,
		},
		{
			name: 'SupervisorTranscriptBody',
			type: 'textarea',
			label: 'Supervisor Transcript Body',
			htmlFormatted: true,
			length: 131072,
		},
		{ name: 'Browser', type: 'string', label: 'Browser', length: 200 },
		{ name: 'BrowserLanguage', type: 'string', label: 'Browser Language', length: 200 },
		{ name: 'IpAddress', type: 'string', label: 'Visitor IP Address', length: 39 },
		{ name: 'Location', type: 'string', label: 'Location', length: 200 },
		{ name: 'Platform', type: 'string', label: 'Platform', length: 200 },
		{ name: 'ReferrerUri', type: 'url', label: 'Referring Site', length: 1000 },
		{ name: 'ScreenResolution', type: 'string', label: 'Screen Resolution', length: 200 },
		{ name: 'UserAgent', type: 'string', label: 'User Agent', length: 1000 },
		{ name: 'VisitorNetwork', type: 'string', label: 'Visitor Network', length: 200 },
	];
}

/** LiveChatVisitor: the visitor's session, created when a chat is requested. */
export function liveChatVisitorObject(): ObjectSpec {
	return {
		name: 'LiveChatVisitor',
		label: 'Chat Visitor',
		labelPlural: 'Chat Visitors',
		keyPrefix: '571',
		fields: [
			...standardFields(),
			...[
				{
					name: 'Name',
					type: 'string',
					label: 'Chat Visitor Name',
					autoNumber: true,
					nameField: true,
					...readOnly,
				} satisfies FieldSpec,
				{
					name: 'SessionKey',
					type: 'string',
					label: 'Session Key',
					length: 255,
				} satisfies FieldSpec,
			].map(completeField),
		],
	};
}
