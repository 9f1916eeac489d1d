import { addContentObjects } from './content-objects';
import type { FieldDescribe } from './describe-types';
import { completeField, type FieldSpec } from './fields';
import { flowDefinitionViewObject } from './flows';
import { liveChatTranscriptMoreFields, liveChatVisitorObject } from './live-chat-objects';
import { addNoteObjects } from './note-objects';
import { addOrganizationObject } from './organization-object';
import { recordedFields, type Recorded } from './recorded-fields';
import { campaignMemberObject, campaignObject, opportunityObject } from './sales-objects';
import { Schema, standardFields } from './schema';

import caseDescribe from '../schema/recorded/sfexpcloud__describe-case-partial.json';
import contactDescribe from '../schema/recorded/sfexpcloud__describe-contact-partial.json';
import emailMessageDescribe from '../schema/recorded/sfexpcloud__describe-emailmessage-partial.json';
import leadDescribe from '../schema/recorded/sfexpcloud__describe-lead-partial.json';
import messagingSessionDescribe from '../schema/recorded/sfexpcloud__describe-messagingsession-partial.json';
import queueSobjectDescribe from '../schema/recorded/sfexpcloud__describe-queuesobject-partial.json';
import taskDescribe from '../schema/recorded/nango__describe-task-v60.json';

/** The component fields of a compound address (`BillingStreet` ... `BillingAddress`). */
function addressFields(prefix: string): FieldSpec[] {
	const label = prefix ? `${prefix} ` : '';
	return [
		{
			name: `${prefix}Street`,
			type: 'textarea',
			label: `${label}Street`,
			length: 255,
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}City`,
			type: 'string',
			label: `${label}City`,
			length: 40,
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}State`,
			type: 'string',
			label: `${label}State/Province`,
			length: 80,
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}PostalCode`,
			type: 'string',
			label: `${label}Zip/Postal Code`,
			length: 20,
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}Country`,
			type: 'string',
			label: `${label}Country`,
			length: 80,
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}StateCode`,
			type: 'picklist',
			label: `${label}State Code`,
			picklist: ['CA', 'NY', 'TX', 'WA', 'IL', 'NC', 'MA'],
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}CountryCode`,
			type: 'picklist',
			label: `${label}Country Code`,
			picklist: ['US', 'CA', 'GB', 'DE', 'FR', 'JP'],
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}Latitude`,
			type: 'double',
			label: `${label}Latitude`,
			precision: 18,
			scale: 15,
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}Longitude`,
			type: 'double',
			label: `${label}Longitude`,
			precision: 18,
			scale: 15,
			compoundFieldName: `${prefix}Address`,
		},
		{
			name: `${prefix}GeocodeAccuracy`,
			type: 'picklist',
			label: `${label}Geocode Accuracy`,
			picklist: [
				'Address',
				'NearAddress',
				'Block',
				'Street',
				'ExtendedZip',
				'Zip',
				'City',
				'County',
				'State',
				'Unknown',
			],
			compoundFieldName: `${prefix}Address`,
		},
		{ name: `${prefix}Address`, type: 'address', label: `${label}Address` },
	];
}

const readOnly: Partial<FieldSpec> = { createable: false, updateable: false };
const spec = (fields: FieldSpec[]): FieldDescribe[] => fields.map(completeField);

/** The standard objects of the sandbox org. */
export function standardSchema(): Schema {
	const schema = new Schema();

	schema.add({
		name: 'Case',
		label: 'Case',
		labelPlural: 'Cases',
		keyPrefix: '500',
		fields: [
			...recordedFields(caseDescribe as Recorded, {
				CaseNumber: { autoNumber: true, idLookup: true, nameField: true, ...readOnly },
				IsClosed: readOnly,
				ClosedDate: readOnly,
				ContactPhone: readOnly,
				ContactMobile: readOnly,
				ContactEmail: readOnly,
				ContactFax: readOnly,
			}),
			completeField({
				name: 'RecordTypeId',
				type: 'reference',
				label: 'Record Type ID',
				referenceTo: ['RecordType'],
				relationshipName: 'RecordType',
			}),
		],
	});
	schema.add({
		name: 'Contact',
		label: 'Contact',
		labelPlural: 'Contacts',
		keyPrefix: '003',
		fields: recordedFields(contactDescribe as Recorded, {
			Name: { ...readOnly, nameField: true },
			Email: { idLookup: true },
			PhotoUrl: readOnly,
			IsEmailBounced: readOnly,
		}),
	});
	schema.add({
		name: 'Lead',
		label: 'Lead',
		labelPlural: 'Leads',
		keyPrefix: '00Q',
		fields: recordedFields(leadDescribe as Recorded, {
			Name: { ...readOnly, nameField: true },
			Email: { idLookup: true },
			PhotoUrl: readOnly,
			IsConverted: readOnly,
			ConvertedDate: readOnly,
			ConvertedAccountId: readOnly,
			ConvertedContactId: readOnly,
			ConvertedOpportunityId: readOnly,
		}),
	});
	schema.add({
		name: 'EmailMessage',
		label: 'Email Message',
		labelPlural: 'Email Messages',
		keyPrefix: '02s',
		fields: recordedFields(emailMessageDescribe as Recorded, {
			Status: { defaultedOnCreate: true },
			Name: readOnly,
			HasAttachment: readOnly,
			AttachmentIds: readOnly,
			IsOpened: readOnly,
			FirstOpenedDate: readOnly,
			LastOpenedDate: readOnly,
			IsBounced: readOnly,
			HtmlBody: { htmlFormatted: true },
		}),
	});
	schema.add({
		name: 'MessagingSession',
		label: 'Messaging Session',
		labelPlural: 'Messaging Sessions',
		keyPrefix: '0Mw',
		fields: recordedFields(messagingSessionDescribe as Recorded, {
			Name: { autoNumber: true, nameField: true, ...readOnly },
			EndUserMessageCount: readOnly,
			AgentMessageCount: readOnly,
			ChannelEndUserFormula: readOnly,
			ConversationId: { referenceTo: ['Conversation'], relationshipName: 'Conversation' },
		}),
	});
	schema.add({
		name: 'QueueSobject',
		label: 'Queue Sobject',
		labelPlural: 'Queue Sobjects',
		keyPrefix: '03g',
		updateable: false,
		fields: recordedFields(queueSobjectDescribe as Recorded, {
			QueueId: { relationshipName: 'Queue', referenceTo: ['Group'] },
		}),
	});
	schema.add({
		name: 'Task',
		label: 'Task',
		labelPlural: 'Tasks',
		keyPrefix: '00T',
		fields: recordedFields(taskDescribe as Recorded),
	});

	// Account as a Developer Edition org has it (fields and order from the recorded record
	// nango__get-account-record-v62.json, including the DE sample custom fields).
	schema.add({
		name: 'Account',
		label: 'Account',
		labelPlural: 'Accounts',
		keyPrefix: '001',
		fields: spec([
			{ name: 'Id', type: 'id', label: 'Account ID' },
			{ name: 'IsDeleted', type: 'boolean', label: 'Deleted' },
			{
				name: 'MasterRecordId',
				type: 'reference',
				label: 'Master Record ID',
				referenceTo: ['Account'],
				relationshipName: 'MasterRecord',
			},
			{
				name: 'Name',
				type: 'string',
				label: 'Account Name',
				nillable: false,
				nameField: true,
				idLookup: true,
			},
			{
				name: 'Type',
				type: 'picklist',
				label: 'Account Type',
				picklist: [
					'Prospect',
					'Customer - Direct',
					'Customer - Channel',
					'Channel Partner / Reseller',
					'Installation Partner',
					'Technology Partner',
					'Other',
				],
			},
			{
				name: 'ParentId',
				type: 'reference',
				label: 'Parent Account ID',
				referenceTo: ['Account'],
				relationshipName: 'Parent',
			},
			...addressFields('Billing'),
			...addressFields('Shipping'),
			{ name: 'Phone', type: 'phone', label: 'Account Phone' },
			{ name: 'Fax', type: 'phone', label: 'Account Fax' },
			{ name: 'AccountNumber', type: 'string', length: 40 },
			{ name: 'Website', type: 'url' },
			{ name: 'PhotoUrl', type: 'url', label: 'Photo URL', ...readOnly },
			{ name: 'Sic', type: 'string', label: 'SIC Code', length: 20 },
			{
				name: 'Industry',
				type: 'picklist',
				picklist: [
					'Agriculture',
					'Apparel',
					'Banking',
					'Biotechnology',
					'Chemicals',
					'Communications',
					'Construction',
					'Consulting',
					'Education',
					'Electronics',
					'Energy',
					'Engineering',
					'Entertainment',
					'Environmental',
					'Finance',
					'Food & Beverage',
					'Government',
					'Healthcare',
					'Hospitality',
					'Insurance',
					'Machinery',
					'Manufacturing',
					'Media',
					'Not For Profit',
					'Recreation',
					'Retail',
					'Shipping',
					'Technology',
					'Telecommunications',
					'Transportation',
					'Utilities',
					'Other',
				],
			},
			{ name: 'AnnualRevenue', type: 'currency', precision: 18, scale: 0 },
			{ name: 'NumberOfEmployees', type: 'int', label: 'Employees' },
			{
				name: 'Ownership',
				type: 'picklist',
				picklist: ['Public', 'Private', 'Subsidiary', 'Other'],
			},
			{ name: 'TickerSymbol', type: 'string', length: 20 },
			{ name: 'Description', type: 'textarea', label: 'Account Description' },
			{
				name: 'Rating',
				type: 'picklist',
				label: 'Account Rating',
				picklist: ['Hot', 'Warm', 'Cold'],
			},
			{ name: 'Site', type: 'string', label: 'Account Site', length: 80 },
			{
				name: 'OwnerId',
				type: 'reference',
				label: 'Owner ID',
				referenceTo: ['User'],
				relationshipName: 'Owner',
				nillable: false,
			},
			{ name: 'CreatedDate', type: 'datetime', label: 'Created Date', nillable: false },
			{
				name: 'CreatedById',
				type: 'reference',
				label: 'Created By ID',
				referenceTo: ['User'],
				relationshipName: 'CreatedBy',
				nillable: false,
			},
			{ name: 'LastModifiedDate', type: 'datetime', label: 'Last Modified Date', nillable: false },
			{
				name: 'LastModifiedById',
				type: 'reference',
				label: 'Last Modified By ID',
				referenceTo: ['User'],
				relationshipName: 'LastModifiedBy',
				nillable: false,
			},
			{ name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp', nillable: false },
			{ name: 'LastActivityDate', type: 'date', label: 'Last Activity' },
			{ name: 'LastViewedDate', type: 'datetime', label: 'Last Viewed Date' },
			{ name: 'LastReferencedDate', type: 'datetime', label: 'Last Referenced Date' },
			{ name: 'Jigsaw', type: 'string', label: 'Data.com Key', length: 20 },
			{
				name: 'JigsawCompanyId',
				type: 'string',
				label: 'Jigsaw Company ID',
				length: 20,
				...readOnly,
			},
			{
				name: 'CleanStatus',
				type: 'picklist',
				label: 'Clean Status',
				picklist: [
					'Matched',
					'Different',
					'Acknowledged',
					'NotFound',
					'Inactive',
					'Pending',
					'SelectMatch',
					'Skipped',
				],
			},
			{
				name: 'AccountSource',
				type: 'picklist',
				label: 'Account Source',
				picklist: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'],
			},
			{ name: 'DunsNumber', type: 'string', label: 'D-U-N-S Number', length: 9 },
			{ name: 'Tradestyle', type: 'string', length: 255 },
			{ name: 'NaicsCode', type: 'string', label: 'NAICS Code', length: 8 },
			{ name: 'NaicsDesc', type: 'string', label: 'NAICS Description', length: 120 },
			{ name: 'YearStarted', type: 'string', label: 'Year Started', length: 4 },
			{ name: 'SicDesc', type: 'string', label: 'SIC Description', length: 80 },
			{
				name: 'DandbCompanyId',
				type: 'reference',
				label: 'D&B Company ID',
				referenceTo: ['DandBCompany'],
				relationshipName: 'DandbCompany',
			},
			{
				name: 'OperatingHoursId',
				type: 'reference',
				label: 'Operating Hour ID',
				referenceTo: ['OperatingHours'],
				relationshipName: 'OperatingHours',
			},
			{
				name: 'CustomerPriority__c',
				type: 'picklist',
				label: 'Customer Priority',
				picklist: ['High', 'Low', 'Medium'],
			},
			{
				name: 'SLA__c',
				type: 'picklist',
				label: 'SLA',
				picklist: ['Gold', 'Silver', 'Platinum', 'Bronze'],
			},
			{ name: 'Active__c', type: 'picklist', label: 'Active', picklist: ['No', 'Yes'] },
			{
				name: 'NumberofLocations__c',
				type: 'double',
				label: 'Number of Locations',
				precision: 3,
				scale: 0,
			},
			{
				name: 'UpsellOpportunity__c',
				type: 'picklist',
				label: 'Upsell Opportunity',
				picklist: ['Maybe', 'No', 'Yes'],
			},
			{ name: 'SLASerialNumber__c', type: 'string', label: 'SLA Serial Number', length: 10 },
			{ name: 'SLAExpirationDate__c', type: 'date', label: 'SLA Expiration Date' },
		]),
	});
	schema.add(opportunityObject());
	schema.add(campaignObject());
	schema.add(campaignMemberObject());
	schema.add({
		name: 'User',
		label: 'User',
		labelPlural: 'Users',
		keyPrefix: '005',
		deletable: false,
		fields: [
			...standardFields(),
			...spec([
				{
					name: 'Username',
					type: 'string',
					nillable: false,
					unique: true,
					idLookup: true,
					length: 80,
				},
				{ name: 'LastName', type: 'string', nillable: false, length: 80 },
				{ name: 'FirstName', type: 'string', length: 40 },
				{
					name: 'Name',
					type: 'string',
					label: 'Full Name',
					nameField: true,
					...readOnly,
					length: 121,
				},
				{ name: 'Email', type: 'email', nillable: false, length: 128 },
				{ name: 'Alias', type: 'string', nillable: false, length: 8 },
				{ name: 'IsActive', type: 'boolean', label: 'Active', defaultValue: true },
				{ name: 'Title', type: 'string', length: 80 },
				{ name: 'Department', type: 'string', length: 80 },
				{
					name: 'UserType',
					type: 'picklist',
					picklist: ['Standard', 'AutomatedProcess', 'CsnOnly'],
					...readOnly,
				},
				{
					name: 'TimeZoneSidKey',
					type: 'picklist',
					label: 'Time Zone',
					picklist: [
						'America/Los_Angeles',
						'America/New_York',
						'Europe/London',
						'Europe/Paris',
						'Asia/Tokyo',
					],
					defaultValue: 'America/Los_Angeles',
				},
				{
					name: 'ContactId',
					type: 'reference',
					referenceTo: ['Contact'],
					relationshipName: 'Contact',
				},
			]),
		],
	});
	schema.add({
		name: 'Group',
		label: 'Group',
		labelPlural: 'Groups',
		keyPrefix: '00G',
		fields: [
			...standardFields({ owner: true }),
			...spec([
				{ name: 'Name', type: 'string', nillable: false, nameField: true, length: 40 },
				{ name: 'DeveloperName', type: 'string', label: 'Developer Name', length: 80 },
				{
					name: 'Type',
					type: 'picklist',
					nillable: false,
					picklist: ['Regular', 'Queue', 'Role', 'Organization'],
				},
				{ name: 'Email', type: 'email' },
				{ name: 'DoesSendEmailToMembers', type: 'boolean', label: 'Send Email to Members' },
			]),
		],
	});
	schema.add({
		name: 'GroupMember',
		label: 'Group Member',
		labelPlural: 'Group Members',
		keyPrefix: '011',
		fields: [
			...standardFields().filter(
				(f) => !/^(CreatedDate|CreatedById|LastModifiedDate|LastModifiedById)$/.test(f.name),
			),
			...spec([
				{
					name: 'GroupId',
					type: 'reference',
					nillable: false,
					referenceTo: ['Group'],
					relationshipName: 'Group',
					updateable: false,
				},
				{
					name: 'UserOrGroupId',
					type: 'reference',
					nillable: false,
					referenceTo: ['User', 'Group'],
					relationshipName: null,
					updateable: false,
				},
			]),
		],
	});
	schema.add({
		name: 'RecordType',
		label: 'Record Type',
		labelPlural: 'Record Types',
		keyPrefix: '012',
		fields: [
			...standardFields(),
			...spec([
				{ name: 'Name', type: 'string', nillable: false, nameField: true, length: 80 },
				{ name: 'DeveloperName', type: 'string', nillable: false, length: 80 },
				{
					name: 'SobjectType',
					type: 'picklist',
					nillable: false,
					picklist: ['Case', 'Contact', 'Lead', 'Account', 'Task'],
				},
				{ name: 'IsActive', type: 'boolean', label: 'Active' },
				{ name: 'Description', type: 'string' },
			]),
		],
	});
	schema.add({
		name: 'CaseComment',
		label: 'Case Comment',
		labelPlural: 'Case Comments',
		keyPrefix: '00a',
		fields: [
			...standardFields(),
			...spec([
				{
					name: 'ParentId',
					type: 'reference',
					label: 'Parent Case ID',
					nillable: false,
					referenceTo: ['Case'],
					relationshipName: 'Parent',
					updateable: false,
				},
				{ name: 'IsPublished', type: 'boolean', label: 'Published' },
				{ name: 'CommentBody', type: 'textarea', label: 'Body', length: 4000 },
			]),
		],
	});
	schema.add({
		name: 'CaseStatus',
		label: 'Case Status Value',
		labelPlural: 'Case Status Values',
		keyPrefix: '01J',
		createable: false,
		updateable: false,
		deletable: false,
		fields: [
			...standardFields(),
			...spec([
				{
					name: 'MasterLabel',
					type: 'string',
					label: 'Master Label',
					nillable: false,
					nameField: true,
					length: 255,
					...readOnly,
				},
				{
					name: 'ApiName',
					type: 'string',
					label: 'Api Name',
					nillable: false,
					length: 255,
					...readOnly,
				},
				{ name: 'SortOrder', type: 'int', label: 'Sort Order', ...readOnly },
				{ name: 'IsDefault', type: 'boolean', label: 'Is Default', ...readOnly },
				{ name: 'IsClosed', type: 'boolean', label: 'Is Closed', ...readOnly },
			]),
		],
	});
	schema.add({
		name: 'CaseHistory',
		label: 'Case History',
		labelPlural: 'Case History',
		keyPrefix: '017',
		createable: false,
		updateable: false,
		deletable: false,
		fields: [
			...standardFields().filter((f) => /^(Id|IsDeleted|CreatedDate|CreatedById)$/.test(f.name)),
			...spec([
				{
					name: 'CaseId',
					type: 'reference',
					label: 'Case ID',
					nillable: false,
					referenceTo: ['Case'],
					relationshipName: 'Case',
					...readOnly,
				},
				{
					name: 'Field',
					type: 'picklist',
					label: 'Changed Field',
					nillable: false,
					picklist: [
						'created',
						'Owner',
						'ownerAccepted',
						'ownerAssignment',
						'Status',
						'Priority',
						'closed',
					],
					...readOnly,
				},
				{
					name: 'DataType',
					type: 'picklist',
					label: 'Data Type',
					picklist: ['EntityId', 'Text', 'DynamicEnum'],
					...readOnly,
				},
				{ name: 'OldValue', type: 'anyType', label: 'Old Value', ...readOnly },
				{ name: 'NewValue', type: 'anyType', label: 'New Value', ...readOnly },
			]),
		],
	});
	schema.add({
		name: 'LiveChatTranscript',
		label: 'Live Chat Transcript',
		labelPlural: 'Live Chat Transcripts',
		keyPrefix: '570',
		fields: [
			...standardFields({ owner: true }),
			...spec([
				{
					name: 'Name',
					type: 'string',
					label: 'Chat Transcript Name',
					autoNumber: true,
					nameField: true,
					...readOnly,
				},
				{ name: 'Body', type: 'textarea', htmlFormatted: true, length: 131072 },
				{ name: 'CaseId', type: 'reference', referenceTo: ['Case'], relationshipName: 'Case' },
				{
					name: 'ContactId',
					type: 'reference',
					referenceTo: ['Contact'],
					relationshipName: 'Contact',
				},
				{
					name: 'AccountId',
					type: 'reference',
					referenceTo: ['Account'],
					relationshipName: 'Account',
				},
				{ name: 'LeadId', type: 'reference', referenceTo: ['Lead'], relationshipName: 'Lead' },
				{
					name: 'Status',
					type: 'picklist',
					picklist: ['Waiting', 'InProgress', 'Completed', 'Missed', 'Blocked'],
				},
				{ name: 'ChatKey', type: 'string', idLookup: true },
				{ name: 'RequestTime', type: 'datetime' },
				{ name: 'StartTime', type: 'datetime' },
				{ name: 'EndTime', type: 'datetime' },
				{ name: 'ChatDuration', type: 'int', label: 'Chat Duration' },
				{ name: 'VisitorMessageCount', type: 'int' },
				{ name: 'OperatorMessageCount', type: 'int', label: 'Agent Message Count' },
				...liveChatTranscriptMoreFields(),
			]),
		],
	});
	schema.add(liveChatVisitorObject());
	addContentObjects(schema);
	schema.add({
		name: 'Conversation',
		label: 'Conversation',
		labelPlural: 'Conversations',
		keyPrefix: '0dw',
		fields: [
			...standardFields(),
			...spec([
				{ name: 'Name', type: 'string', nameField: true, length: 255 },
				{
					name: 'ConversationIdentifier',
					type: 'string',
					label: 'Conversation Identifier',
					unique: true,
					idLookup: true,
					length: 255,
				},
				{
					name: 'ConversationChannelId',
					type: 'reference',
					referenceTo: ['MessagingChannel'],
					relationshipName: 'ConversationChannel',
				},
				{ name: 'StartTime', type: 'datetime' },
				{ name: 'EndTime', type: 'datetime' },
			]),
		],
	});
	schema.add({
		name: 'MessagingChannel',
		label: 'Messaging Channel',
		labelPlural: 'Messaging Channels',
		keyPrefix: '0Mj',
		fields: [
			...standardFields(),
			...spec([
				{ name: 'MasterLabel', type: 'string', nillable: false, nameField: true },
				{
					name: 'MessageType',
					type: 'picklist',
					picklist: ['Text', 'WhatsApp', 'Facebook', 'EmbeddedMessaging'],
				},
			]),
		],
	});
	schema.add({
		name: 'MessagingEndUser',
		label: 'Messaging User',
		labelPlural: 'Messaging Users',
		keyPrefix: '0PA',
		fields: [
			...standardFields({ owner: true }),
			...spec([
				{ name: 'Name', type: 'string', nillable: false, nameField: true },
				{
					name: 'MessagingChannelId',
					type: 'reference',
					nillable: false,
					referenceTo: ['MessagingChannel'],
					relationshipName: 'MessagingChannel',
				},
				{
					name: 'ContactId',
					type: 'reference',
					referenceTo: ['Contact'],
					relationshipName: 'Contact',
				},
				{
					name: 'MessageType',
					type: 'picklist',
					picklist: ['Text', 'WhatsApp', 'Facebook', 'EmbeddedMessaging'],
				},
			]),
		],
	});
	addNoteObjects(schema);
	addOrganizationObject(schema);
	schema.add(flowDefinitionViewObject());
	return schema;
}

/**
 * The rows of CaseStatus, one per value of the Case Status picklist, closed as `closedStatuses`
 * says (the store's `closedStatuses`): insert them, or insert them again after changing either.
 */
export function caseStatusRows(
	schema: Schema,
	closedStatuses: ReadonlySet<string>,
): Array<Record<string, unknown>> {
	const status = schema.get('Case')?.fields.find((f) => f.name === 'Status');
	return (status?.picklistValues ?? []).map((v, i) => ({
		MasterLabel: v.label ?? v.value,
		ApiName: v.value,
		SortOrder: i + 1,
		IsDefault: v.defaultValue,
		IsClosed: closedStatuses.has(v.value),
	}));
}
