import type { FieldDescribe } from '../core/describe-types';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import type { SfErrorEntry } from '../http/types';
import { campaignMemberRuleErrors } from '../core/sales-objects';
import type { SandboxOrg } from '../org';

/**
 * The error of a lookup value that is a well-formed Id: an Id of an object the field does not
 * point to (FIELD_INTEGRITY_EXCEPTION, as for an Account Id in Task.WhoId), or of no record
 * (INVALID_CROSS_REFERENCE_KEY). A queue owns records only of the objects it supports.
 */
export function referenceError(
	org: SandboxOrg,
	type: SObjectType,
	field: FieldDescribe,
	id: string,
	given: string,
): SfErrorEntry | undefined {
	const incorrectType: SfErrorEntry = {
		message: `${field.label}: id value of incorrect type: ${given}`,
		errorCode: 'FIELD_INTEGRITY_EXCEPTION',
		fields: [field.name],
	};
	const target = org.schema.forId(id);
	if (!target || !field.referenceTo.includes(target.name)) return incorrectType;
	const row = org.store.get(id, target.name);
	if (!row)
		return {
			message: 'invalid cross reference id',
			errorCode: 'INVALID_CROSS_REFERENCE_KEY',
			fields: [],
		};
	if (field.name === 'OwnerId' && target.name === 'Group' && !isQueueFor(org, row, type))
		return incorrectType;
	return undefined;
}

function isQueueFor(org: SandboxOrg, group: Row, type: SObjectType): boolean {
	if (group.Type !== 'Queue') return false;
	return org.store
		.rows('QueueSobject')
		.some((q) => q.QueueId === group.Id && q.SobjectType === type.name);
}

/**
 * Rules of particular objects (a campaign member's: see sales-objects.ts). A Task whose WhoId is a Lead cannot have a WhatId: a lead
 * belongs to no account, so the task cannot relate to one.
 */
export function objectRuleErrors(org: SandboxOrg, type: SObjectType, merged: Row): SfErrorEntry[] {
	if (type.name === 'CampaignMember')
		return campaignMemberRuleErrors(org.store.rows('CampaignMember'), merged);
	if (type.name !== 'Task' && type.name !== 'Event') return [];
	const who = merged.WhoId;
	const leadPrefix = org.schema.get('Lead')?.keyPrefix;
	if (typeof who === 'string' && who.startsWith(leadPrefix ?? '00Q') && merged.WhatId) {
		return [
			{
				message: 'field integrity exception: WhoId, WhatId (cannot specify whatID with lead whoID)',
				errorCode: 'FIELD_INTEGRITY_EXCEPTION',
				fields: ['WhoId', 'WhatId'],
			},
		];
	}
	return [];
}
