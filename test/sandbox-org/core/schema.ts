import type {
	ChildRelationship,
	FieldDescribe,
	ObjectProperties,
	RecordTypeInfo,
} from './describe-types';
import { completeField, type FieldSpec } from './fields';

export interface ObjectSpec {
	name: string;
	label?: string;
	labelPlural?: string;
	keyPrefix: string;
	custom?: boolean;
	queryable?: boolean;
	createable?: boolean;
	updateable?: boolean;
	deletable?: boolean;
	fields: FieldDescribe[];
	/** Extra child relationships a recorded describe names (the sandbox adds those it can derive). */
	recordTypes?: Array<{ developerName: string; name: string; id: string; isDefault?: boolean }>;
}

/** One object of the org's schema, with lookup tables for the query engine and the REST API. */
export class SObjectType {
	readonly name: string;
	readonly keyPrefix: string;
	readonly properties: ObjectProperties;
	private readonly fieldList: FieldDescribe[] = [];
	private readonly byName = new Map<string, FieldDescribe>();
	private readonly byRelationship = new Map<string, FieldDescribe>();
	recordTypes: RecordTypeInfo[];

	constructor(spec: ObjectSpec) {
		this.name = spec.name;
		this.keyPrefix = spec.keyPrefix;
		const custom = spec.custom ?? spec.name.endsWith('__c');
		this.properties = {
			activateable: false,
			createable: spec.createable ?? true,
			custom,
			customSetting: false,
			deletable: spec.deletable ?? true,
			deprecatedAndHidden: false,
			feedEnabled: false,
			keyPrefix: spec.keyPrefix,
			label: spec.label ?? spec.name.replace(/__c$/, '').replace(/_/g, ' '),
			labelPlural: spec.labelPlural ?? `${spec.label ?? spec.name.replace(/__c$/, '')}s`,
			layoutable: true,
			mergeable: ['Account', 'Contact', 'Lead', 'Case'].includes(spec.name),
			mruEnabled: true,
			name: spec.name,
			queryable: spec.queryable ?? true,
			replicateable: true,
			retrieveable: true,
			searchable: true,
			triggerable: true,
			undeletable: true,
			updateable: spec.updateable ?? true,
		};
		this.recordTypes = [];
		for (const f of spec.fields) this.addField(f);
		const types = spec.recordTypes ?? [];
		this.setRecordTypes(types);
	}

	setRecordTypes(
		types: Array<{ developerName: string; name: string; id: string; isDefault?: boolean }>,
	): void {
		const master: RecordTypeInfo = {
			active: true,
			available: true,
			defaultRecordTypeMapping: types.length === 0,
			developerName: 'Master',
			master: true,
			name: 'Master',
			recordTypeId: '012000000000000AAA',
			urls: { layout: '' },
		};
		this.recordTypes = [
			...types.map((t, i) => ({
				active: true,
				available: true,
				defaultRecordTypeMapping: t.isDefault ?? i === 0,
				developerName: t.developerName,
				master: false,
				name: t.name,
				recordTypeId: t.id,
				urls: { layout: '' },
			})),
			master,
		];
	}

	addField(field: FieldDescribe): void {
		const existing = this.byName.get(field.name.toLowerCase());
		if (existing) this.fieldList.splice(this.fieldList.indexOf(existing), 1, field);
		else this.fieldList.push(field);
		this.byName.set(field.name.toLowerCase(), field);
		if (field.type === 'reference' && field.relationshipName)
			this.byRelationship.set(field.relationshipName.toLowerCase(), field);
	}

	get fields(): readonly FieldDescribe[] {
		return this.fieldList;
	}

	/** A field by name, case-insensitively. */
	field(name: string): FieldDescribe | undefined {
		return this.byName.get(name.toLowerCase());
	}

	/** The reference field behind a parent relationship name (`Owner` -> `OwnerId`). */
	parentRelationship(relationshipName: string): FieldDescribe | undefined {
		return this.byRelationship.get(relationshipName.toLowerCase());
	}
}

/** The org's schema: every object the sandbox knows, standard and custom. */
export class Schema {
	private readonly objects = new Map<string, SObjectType>();
	private readonly byPrefix = new Map<string, SObjectType>();
	private nextCustomPrefix = 0;

	add(spec: ObjectSpec): SObjectType {
		const type = new SObjectType(spec);
		this.objects.set(type.name.toLowerCase(), type);
		// Ids of a prefix two objects share (a ContentNote's Id is its ContentDocument's) belong to the first.
		const owner = this.byPrefix.get(type.keyPrefix);
		if (!owner || owner.name === type.name) this.byPrefix.set(type.keyPrefix, type);
		return type;
	}

	/** An object by API name, case-insensitively. */
	get(name: string): SObjectType | undefined {
		return this.objects.get(name.toLowerCase());
	}

	/** The object an Id belongs to, from its key prefix. */
	forId(id: string): SObjectType | undefined {
		return this.byPrefix.get(id.slice(0, 3));
	}

	all(): SObjectType[] {
		return [...this.objects.values()];
	}

	/** Child relationships of an object, derived from the reference fields of every object. */
	childRelationships(parent: string): ChildRelationship[] {
		const out: ChildRelationship[] = [];
		for (const child of this.objects.values()) {
			for (const f of child.fields) {
				if (
					f.type !== 'reference' ||
					!f.referenceTo.some((r) => r.toLowerCase() === parent.toLowerCase())
				)
					continue;
				out.push({
					cascadeDelete: f.cascadeDelete,
					childSObject: child.name,
					deprecatedAndHidden: false,
					field: f.name,
					junctionIdListNames: [],
					junctionReferenceTo: [],
					relationshipName: this.childRelationshipName(child, f),
					restrictedDelete: false,
				});
			}
		}
		return out;
	}

	/** The child relationship `relationshipName` of `parent` (`Case.EmailMessages`), case-insensitively. */
	childRelationship(parent: string, relationshipName: string): ChildRelationship | undefined {
		const wanted = relationshipName.toLowerCase();
		return this.childRelationships(parent).find(
			(r) => r.relationshipName?.toLowerCase() === wanted,
		);
	}

	/** Adds a custom object (`Name__c`) with the standard system fields and a Name field. */
	addCustomObject(name: string, label: string, fields: FieldSpec[] = []): SObjectType {
		if (!name.endsWith('__c')) throw new Error(`custom object names end in __c: ${name}`);
		const keyPrefix = `a0${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.charAt(this.nextCustomPrefix++)}`;
		return this.add({
			name,
			label,
			labelPlural: `${label}s`,
			keyPrefix,
			custom: true,
			fields: [
				...standardFields({ owner: true }),
				completeField({
					name: 'Name',
					type: 'string',
					label: `${label} Name`,
					length: 80,
					nameField: true,
					idLookup: true,
				}),
				...fields.map((f) => completeField({ ...f, custom: true })),
			],
		});
	}

	/** Adds a custom field (`Name__c`) to an object. */
	addCustomField(objectName: string, spec: FieldSpec): FieldDescribe {
		const type = this.get(objectName);
		if (!type) throw new Error(`no object ${objectName}`);
		if (!spec.name.endsWith('__c')) throw new Error(`custom field names end in __c: ${spec.name}`);
		const field = completeField({ ...spec, custom: true });
		type.addField(field);
		return field;
	}

	private childRelationshipName(child: SObjectType, field: FieldDescribe): string | null {
		return (
			CHILD_RELATIONSHIP_NAMES[`${child.name}.${field.name}`] ??
			(child.properties.custom ? `${child.name.slice(0, -3)}s__r` : null)
		);
	}
}

/** Child relationship names as Salesforce names them (from the recorded describes; field history adds its own). */
export const CHILD_RELATIONSHIP_NAMES: Record<string, string> = {
	'EmailMessage.ParentId': 'EmailMessages',
	'CaseComment.ParentId': 'CaseComments',
	'CaseHistory.CaseId': 'Histories',
	'Case.ContactId': 'Cases',
	'Case.AccountId': 'Cases',
	'Case.ParentId': 'Cases',
	'Contact.AccountId': 'Contacts',
	'Task.WhatId': 'Tasks',
	'Task.WhoId': 'Tasks',
	'LiveChatTranscript.CaseId': 'LiveChatTranscripts',
	'MessagingSession.CaseId': 'MessagingSessions',
	'ConversationEntry.ConversationId': 'ConversationEntries',
	'GroupMember.GroupId': 'GroupMembers',
	'QueueSobject.QueueId': 'QueueSobjects',
	'User.ContactId': 'Users',
	'Opportunity.AccountId': 'Opportunities',
	'Opportunity.CampaignId': 'Opportunities',
	'CampaignMember.CampaignId': 'CampaignMembers',
	'CampaignMember.LeadId': 'CampaignMembers',
	'CampaignMember.ContactId': 'CampaignMembers',
	'Campaign.ParentId': 'ChildCampaigns',
};

/** The system fields every object has, plus OwnerId where the object has an owner. */
export function standardFields(
	opts: { owner?: boolean; ownerTo?: string[] } = {},
): FieldDescribe[] {
	const fields: FieldSpec[] = [
		{ name: 'Id', type: 'id', label: 'Record ID' },
		{ name: 'IsDeleted', type: 'boolean', label: 'Deleted' },
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
	];
	if (opts.owner)
		fields.push({
			name: 'OwnerId',
			type: 'reference',
			label: 'Owner ID',
			referenceTo: opts.ownerTo ?? ['Group', 'User'],
			relationshipName: 'Owner',
			nillable: false,
		});
	return fields.map(completeField);
}
