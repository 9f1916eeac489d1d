import type { INodeProperties } from 'n8n-workflow';

import { SalesforceServiceCloud } from '../../../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node';
import { SalesforceServiceCloudTrigger } from '../../../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node';
import {
	afterContentVersionInsert,
	beforeContentVersionInsert,
} from '../../sandbox-org/core/content-objects';
import { externalIdField, type TestOrg } from '../../sandbox-org/testing';
import { LEAD_EXTERNAL_ID_FIELD, prepareOrgForExamples } from './e2e-env';

// What the editor walkthrough (test/e2e/editor.e2e.ts) opens and checks: one panel for every event
// of the trigger and every resource and operation of the action node, as the nodes' own
// descriptions list them. Each panel is filled in correctly (as a person would fill it: the
// credential, the resource and operation, the record) and says what the output must show after
// "Execute step", and what else to look at: an option list loaded from the org, a search in a
// record list, the field mapping.

/** The records the panels point at, seeded once in the sandbox org. */
export interface Seed {
	openCase: { id: string; subject: string };
	caseToClose: string;
	closedCase: string;
	emailId: string;
	account: string;
	accountToDelete: string;
	contact: string;
	lead: string;
	campaign: string;
	leadToRemove: string;
	opportunity: string;
	opportunityToDelete: string;
	task: string;
	taskToComplete: string;
	chat: string;
	session: string;
	fileOnCase: string;
	fileToDelete: string;
	queueName: string;
}

/** Something a person looks at in a panel besides its output. */
export type Look =
	/** Opens an option list (a dropdown loaded from the org) and finds an option. */
	| { kind: 'options'; parameter: string; expect: string; what: string }
	/** Types into a record list's search (From List) and finds a record. */
	| { kind: 'search'; parameter: string; text: string; expect: string; what: string }
	/**
	 * "Map Each Column Manually": the required fields (API names) are listed and cannot be removed
	 * (n8n marks a required field so: no remove button), the optional ones can.
	 */
	| { kind: 'mapperRequired'; required: string[]; optional: string[] }
	/** "Map Automatically": no warning that contradicts what will run. */
	| { kind: 'mapperAutomatic' };

export interface Panel {
	parameters: Record<string, unknown>;
	/** Column names the output of "Execute step" must show. */
	columns: string[];
	look?: Look[];
	/** The node reads its input item: a Code node before it makes one, a lead's fields and a file. */
	fromInput?: boolean;
}

const EXTERNAL_ID = 'External_Id__c';
const id = (value: string) => ({ __rl: true, mode: 'id', value });
const manual = (value: Record<string, unknown>, matchingColumns: string[] = []) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns,
	schema: [],
});
const stamp = () => String(Date.now()).slice(-7);

/** The generic operations of a resource on one object (Account, Contact, ...). */
function generic(
	s: Seed,
	object: string,
	record: string,
	create: Record<string, unknown>,
	update: Record<string, unknown>,
	columns: string[],
): Record<string, Panel> {
	return {
		create: { parameters: { columns: manual(create) }, columns: ['id', 'success'] },
		upsert: {
			parameters: {
				columns: manual({ ...create, [EXTERNAL_ID]: `walk-${object}-${stamp()}` }, [EXTERNAL_ID]),
			},
			columns: ['id', 'created'],
		},
		get: { parameters: { recordId: id(record) }, columns: ['Id', ...columns] },
		getMany: { parameters: { limit: 5 }, columns: ['Id', ...columns] },
		update: { parameters: { columns: manual({ Id: record, ...update }, ['Id']) }, columns: ['id'] },
	};
}

/** Every panel of the action node, by `resource/operation`. */
export function actionPanels(s: Seed): Record<string, Panel> {
	const account = generic(
		s,
		'Account',
		s.account,
		{ Name: 'Walkthrough Ltd' },
		{ Phone: '+1 555 0101' },
		['Name'],
	);
	const contact = generic(
		s,
		'Contact',
		s.contact,
		{ LastName: 'Walker', Email: 'walker@example.com' },
		{ Phone: '+1 555 0102' },
		['Name'],
	);
	const lead = generic(
		s,
		'Lead',
		s.lead,
		{ LastName: 'Walker', Company: 'Walk Inc' },
		{ Title: 'Buyer' },
		['Name'],
	);
	const opportunity = generic(
		s,
		'Opportunity',
		s.opportunity,
		{ Name: 'Walk deal', StageName: 'Prospecting', CloseDate: '2027-01-31' },
		{ StageName: 'Qualification' },
		['Name'],
	);
	const kase = generic(
		s,
		'Case',
		s.openCase.id,
		{ Subject: 'Walkthrough case', Origin: 'Web' },
		{ Priority: 'High' },
		['CaseNumber'],
	);
	return {
		...prefixed('account', {
			...account,
			delete: { parameters: { recordId: id(s.accountToDelete) }, columns: ['id', 'success'] },
			getMany: {
				...account.getMany,
				look: [{ kind: 'options', parameter: 'fields', expect: 'Account Name', what: 'fields' }],
			},
		}),
		'campaign/addMember': {
			parameters: { campaignId: id(s.campaign), memberId: id(s.lead), memberStatus: 'Responded' },
			columns: ['id', 'success'],
		},
		'campaign/removeMember': {
			parameters: { campaignId: id(s.campaign), memberId: id(s.leadToRemove) },
			columns: ['success'],
		},
		...prefixed('case', {
			create: kase.create,
			upsert: kase.upsert,
			get: {
				parameters: { recordId: { __rl: true, mode: 'list', value: '' } },
				columns: kase.get.columns,
				look: [
					{
						kind: 'search',
						parameter: 'recordId',
						text: s.openCase.subject,
						expect: s.openCase.subject,
						what: 'a known case',
					},
				],
			},
			getMany: {
				...kase.getMany,
				look: [{ kind: 'options', parameter: 'fields', expect: 'Subject', what: 'fields' }],
			},
			update: kase.update,
			close: {
				parameters: { caseId: id(s.caseToClose), status: 'Closed' },
				columns: ['id', 'success'],
				look: [{ kind: 'options', parameter: 'status', expect: 'Closed', what: 'closed statuses' }],
			},
			addComment: {
				parameters: { caseId: id(s.openCase.id), comment: 'Called the customer back.' },
				columns: ['id', 'success'],
			},
			getConversation: {
				parameters: { caseId: id(s.closedCase) },
				columns: ['id', 'caseNumber', 'transcript'],
			},
		}),
		'chatTranscript/get': { parameters: { recordId: id(s.chat) }, columns: ['Id'] },
		'chatTranscript/getMany': { parameters: { limit: 5 }, columns: ['Id'] },
		...prefixed('contact', {
			...contact,
			findOrCreate: {
				parameters: {
					matchField: 'Email',
					columns: manual({ LastName: 'Finder', Email: 'finder@example.com' }),
				},
				columns: ['id'],
				look: [{ kind: 'options', parameter: 'matchField', expect: 'Email', what: 'fields' }],
			},
		}),
		'emailMessage/get': {
			parameters: { recordId: id(s.emailId) },
			columns: ['id', 'subject', 'from'],
		},
		'emailMessage/getMany': {
			parameters: { caseId: id(s.closedCase) },
			columns: ['id', 'subject', 'from'],
		},
		'file/upload': {
			parameters: { recordId: s.openCase.id, title: 'Walkthrough note' },
			columns: ['contentDocumentId'],
			fromInput: true,
		},
		'file/getMany': {
			parameters: { recordId: id(s.closedCase) },
			columns: ['contentDocumentId', 'title'],
		},
		'file/download': { parameters: { fileId: id(s.fileOnCase) }, columns: ['contentDocumentId'] },
		'file/delete': { parameters: { fileId: id(s.fileToDelete) }, columns: ['success'] },
		'flow/run': {
			parameters: {
				flowApiName: 'Order_Discount',
				variables: {
					variable: [
						{ name: 'amount', value: '1200' },
						{ name: 'tier', value: 'Gold' },
					],
				},
			},
			columns: ['flowApiName'],
			look: [
				{ kind: 'options', parameter: 'flowApiName', expect: 'Order Discount', what: 'flows' },
			],
		},
		...prefixed('lead', {
			...lead,
			create: {
				...lead.create,
				look: [
					{ kind: 'mapperRequired', required: ['LastName', 'Company'], optional: ['FirstName'] },
				],
			},
			upsert: {
				parameters: {
					columns: {
						mappingMode: 'autoMapInputData',
						value: null,
						matchingColumns: [LEAD_EXTERNAL_ID_FIELD],
						schema: [],
					},
				},
				columns: ['id', 'created'],
				fromInput: true,
				look: [{ kind: 'mapperAutomatic' }],
			},
			findOrCreate: {
				parameters: {
					matchField: 'Email',
					columns: manual({ LastName: 'Finder', Company: 'Find Co', Email: 'finder@example.com' }),
				},
				columns: ['id'],
			},
		}),
		'messagingSession/get': { parameters: { recordId: id(s.session) }, columns: ['Id'] },
		'messagingSession/getMany': { parameters: { limit: 5 }, columns: ['Id'] },
		'note/create': {
			parameters: {
				recordId: id(s.openCase.id),
				title: 'Walkthrough',
				body: 'Spoke to the customer.',
			},
			columns: ['id'],
		},
		...prefixed('opportunity', {
			...opportunity,
			delete: { parameters: { recordId: id(s.opportunityToDelete) }, columns: ['id', 'success'] },
		}),
		...prefixed('record', {
			create: {
				...lead.create,
				parameters: {
					objectName: { __rl: true, mode: 'name', value: 'Lead' },
					...lead.create.parameters,
				},
			},
			upsert: {
				...lead.upsert,
				look: undefined,
				columns: ['id', 'created'],
				parameters: {
					objectName: { __rl: true, mode: 'name', value: 'Lead' },
					columns: manual(
						{ LastName: 'Rec', Company: 'Rec Co', [LEAD_EXTERNAL_ID_FIELD]: `walk-rec-${stamp()}` },
						[LEAD_EXTERNAL_ID_FIELD],
					),
				},
			},
			delete: {
				parameters: {
					objectName: { __rl: true, mode: 'name', value: 'Lead' },
					recordId: id(s.leadToRemove),
				},
				columns: ['id', 'success'],
			},
			get: {
				parameters: {
					objectName: { __rl: true, mode: 'list', value: 'Case', cachedResultName: 'Case' },
					recordId: id(s.openCase.id),
				},
				columns: ['Id', 'Subject'],
				look: [
					{
						kind: 'search',
						parameter: 'objectName',
						text: 'Case',
						expect: 'Case',
						what: 'objects',
					},
				],
			},
			getMany: {
				parameters: { objectName: { __rl: true, mode: 'name', value: 'Account' }, limit: 5 },
				columns: ['Id', 'Name'],
			},
			soqlQuery: {
				parameters: { query: 'SELECT Id, Subject FROM Case LIMIT 3' },
				columns: ['Id', 'Subject'],
			},
			update: {
				parameters: {
					objectName: { __rl: true, mode: 'name', value: 'Lead' },
					...lead.update.parameters,
				},
				columns: ['id'],
			},
		}),
		...prefixed('task', {
			complete: { parameters: { recordId: id(s.taskToComplete) }, columns: ['id', 'success'] },
			create: {
				parameters: { columns: manual({ Subject: 'Call back', WhatId: s.openCase.id }) },
				columns: ['id', 'success'],
			},
			get: { parameters: { recordId: id(s.task) }, columns: ['Id', 'Subject'] },
			getMany: { parameters: { limit: 5 }, columns: ['Id', 'Subject'] },
			update: {
				parameters: { columns: manual({ Id: s.task, Priority: 'High' }, ['Id']) },
				columns: ['id'],
			},
		}),
	};
}

/** Panels filled in wrongly on purpose, and the words of our message after "Execute step". */
export function wronglyFilledPanels(
	s: Seed,
): Record<string, Panel & { resource: string; operation: string; message: RegExp }> {
	return {
		'unknown field': {
			resource: 'case',
			operation: 'getMany',
			parameters: { fields: ['Subjct'], limit: 5 },
			columns: [],
			message: /Subjct/,
		},
		'missing required field': {
			resource: 'lead',
			operation: 'create',
			parameters: { columns: manual({ LastName: 'No Company', Company: '={{ $json.company }}' }) },
			columns: [],
			message: /Company/,
		},
	};
}

/** Every panel of the trigger, by event. */
export function triggerPanels(s: Seed): Record<string, Panel> {
	return {
		caseClosed: {
			parameters: {},
			columns: ['caseNumber', 'subject'],
			look: [{ kind: 'options', parameter: 'queues', expect: s.queueName, what: 'queues' }],
		},
		recordCreated: {
			parameters: { objectName: 'Lead' },
			columns: ['Id', 'Name'],
			look: [{ kind: 'options', parameter: 'objectName', expect: 'Lead', what: 'objects' }],
		},
		recordUpdated: { parameters: { objectName: 'Case' }, columns: ['Id', 'Subject'] },
		newEmail: { parameters: {}, columns: ['subject'] },
		chatEnded: { parameters: {}, columns: ['Id', 'messages'] },
		messagingSessionEnded: { parameters: {}, columns: ['messages'] },
	};
}

function prefixed(resource: string, panels: Record<string, Panel>): Record<string, Panel> {
	return Object.fromEntries(Object.entries(panels).map(([op, p]) => [`${resource}/${op}`, p]));
}

/** `resource/operation` for every operation the action node's description offers. */
export function actionOperationsOfDescription(): string[] {
	const properties = new SalesforceServiceCloud().getNodeType(1).description.properties;
	const resources = optionValues(properties.find((p) => p.name === 'resource'));
	return resources.flatMap((resource) =>
		optionValues(
			properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
			),
		).map((operation) => `${resource}/${operation}`),
	);
}

/** Every event the trigger's description offers. */
export function triggerEventsOfDescription(): string[] {
	const properties = new SalesforceServiceCloudTrigger().getNodeType(1).description.properties;
	return optionValues(properties.find((p) => p.name === 'event'));
}

function optionValues(property: INodeProperties | undefined): string[] {
	return (property?.options ?? []).map((o) => String((o as { value: unknown }).value));
}

/** A file on a record, as Salesforce stores one (ContentVersion, ContentDocument, the link); its document Id. */
function addFile(t: TestOrg, recordId: string, name: string, text: string): string {
	const values: Record<string, unknown> = {
		PathOnClient: name,
		VersionData: Buffer.from(text),
		FirstPublishLocationId: recordId,
	};
	beforeContentVersionInsert(t.org.store, values, t.identity.userId);
	const versionId = t.org.store.insert('ContentVersion', values, { userId: t.identity.userId });
	afterContentVersionInsert(t.org.store, versionId, t.identity.userId);
	const version = t.org.store.rows('ContentVersion').find((v) => v.Id === versionId);
	return String(version?.ContentDocumentId);
}

/** Shapes the org for the panels once: External ID fields, a campaign, opportunities, tasks, files. */
export function seedOrg(t: TestOrg): Seed {
	prepareOrgForExamples(t);
	for (const object of ['Account', 'Contact', 'Case', 'Opportunity'])
		if (!t.org.schema.get(object)?.field(EXTERNAL_ID))
			t.org.schema.addCustomField(object, externalIdField(EXTERNAL_ID, { label: 'External ID' }));
	const store = t.org.store;
	const cases = store.rows('Case');
	const open = cases.filter((c) => c.IsClosed !== true);
	const closed = cases
		.filter((c) => c.IsClosed === true)
		.sort((a, b) => Number(b.ClosedDate) - Number(a.ClosedDate))[0];
	const closedId = String(closed.Id);
	const insert = (object: string, values: Record<string, unknown>) =>
		store.insert(object, values, { userId: t.identity.userId });
	const fileOnCase = String(
		store.rows('ContentDocumentLink').find((l) => l.LinkedEntityId === closedId)?.ContentDocumentId,
	);
	const leads = store.rows('Lead');
	const campaign = insert('Campaign', { Name: 'Walkthrough webinar' });
	const leadToRemove = insert('Lead', { LastName: 'Leaving', Company: 'Walk Inc' });
	insert('CampaignMember', { CampaignId: campaign, LeadId: leadToRemove });
	const queue = store.rows('Group').find((g) => g.Type === 'Queue') ?? store.rows('Group')[0];
	return {
		openCase: { id: String(open[0].Id), subject: String(open[0].Subject) },
		caseToClose: String(open[1].Id),
		closedCase: closedId,
		emailId: String(store.rows('EmailMessage').find((e) => e.ParentId === closedId)?.Id),
		account: String(store.rows('Account')[0].Id),
		accountToDelete: insert('Account', { Name: 'Short-lived Ltd' }),
		contact: String(store.rows('Contact')[0].Id),
		lead: String(leads[0].Id),
		campaign,
		leadToRemove,
		opportunity: insert('Opportunity', {
			Name: 'Renewal',
			StageName: 'Prospecting',
			CloseDate: '2027-03-31',
		}),
		opportunityToDelete: insert('Opportunity', {
			Name: 'Lost cause',
			StageName: 'Prospecting',
			CloseDate: '2027-03-31',
		}),
		task: insert('Task', { Subject: 'Follow up', Status: 'Not Started', WhatId: closedId }),
		taskToComplete: insert('Task', {
			Subject: 'Send the label',
			Status: 'Not Started',
			WhatId: closedId,
		}),
		chat: String(store.rows('LiveChatTranscript')[0].Id),
		session: String(store.rows('MessagingSession')[0].Id),
		fileOnCase,
		fileToDelete: addFile(t, String(open[0].Id), 'old-quote.txt', 'Quote Q-1, superseded\n'),
		queueName: String(queue.Name),
	};
}
