import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { allOrNoneProperty } from '../common/parameters';
import { checkEachItem, writeRecords } from '../common/writeRecords';
import {
	memberProperties,
	membershipJson,
	membershipOf,
	type Membership,
} from './memberParameters';

export const description: INodeProperties[] = [
	...memberProperties(['addMember']),
	{
		displayName: 'Member Status',
		name: 'memberStatus',
		type: 'string',
		default: '',
		placeholder: 'Sent',
		description:
			"The member's status in the campaign, such as Sent or Responded (one of the campaign's member statuses). Empty: the campaign's default status.",
		displayOptions: { show: { resource: ['campaign'], operation: ['addMember'] } },
	},
	allOrNoneProperty('campaign', ['addMember']),
];

/**
 * Adds each item's lead or contact to the item's campaign (a CampaignMember record), 200 a call
 * (five calls in one Composite request for 1,000 items). Every item's IDs are checked before the
 * first write. A person who is already a member of the campaign fails on its own: Salesforce
 * answers DUPLICATE_VALUE ("Already a campaign member."), told with the person and the campaign,
 * and the other items are added.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const memberships = new Map<number, Membership>();
	const checked = checkEachItem(this, (itemIndex) => {
		const checkedMembership = membershipOf(this, itemIndex);
		if ('refused' in checkedMembership) return checkedMembership;
		const m = checkedMembership.membership;
		memberships.set(itemIndex, m);
		const status = String(this.getNodeParameter('memberStatus', itemIndex, '') ?? '').trim();
		const fields: IDataObject = { CampaignId: m.campaignId, [m.personField]: m.personId };
		if (status) fields.Status = status;
		return { fields };
	});
	return writeRecords(this, sf, { operation: 'create', objectName: 'CampaignMember' }, checked, {
		failure: (failed, record) => {
			const m = memberships.get(record.itemIndex);
			if (failed.errorCode !== 'DUPLICATE_VALUE' || !m) return failed;
			const person = m.personField === 'LeadId' ? 'Lead' : 'Contact';
			return {
				...failed,
				message: `${person} ${m.personId} is already a member of campaign ${m.campaignId} (Salesforce: ${failed.message})`,
				fields: [m.personField],
			};
		},
		successFields: (record) => {
			const m = memberships.get(record.itemIndex);
			return {
				...(m ? membershipJson(m) : {}),
				...(typeof record.fields.Status === 'string' ? { status: record.fields.Status } : {}),
			};
		},
	});
}
