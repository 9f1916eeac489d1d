import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idProblem, STANDARD_KEY_PREFIXES } from '../../../shared/salesforceIds';
import { idParameterOf, idProperty } from '../common/recordParameters';
import type { Refusal } from '../common/writeRecords';

const CAMPAIGN = STANDARD_KEY_PREFIXES.Campaign;
const LEAD = STANDARD_KEY_PREFIXES.Lead;
const CONTACT = STANDARD_KEY_PREFIXES.Contact;

/** The Campaign ID and the Lead or Contact ID of a membership, for these operations of the Campaign resource. */
export const memberProperties = (operations: string[]): INodeProperties[] => [
	idProperty({
		displayName: 'Campaign ID',
		name: 'campaignId',
		placeholder: '701Sb00000XyZ12AAB',
		description: 'The ID of the campaign: 15 or 18 letters and digits, starting with 701',
		resource: 'campaign',
		operations,
	}),
	idProperty({
		displayName: 'Lead or Contact ID',
		name: 'memberId',
		placeholder: '00QSb00000XyZ12AAB',
		description:
			'The ID of the lead (starting with 00Q) or the contact (starting with 003) who is the campaign member',
		resource: 'campaign',
		operations,
	}),
];

/** A membership as the item gives it: the campaign, and the person in LeadId or ContactId. */
export interface Membership {
	campaignId: string;
	personField: 'LeadId' | 'ContactId';
	personId: string;
}

/**
 * The item's Campaign ID and Lead or Contact ID, checked before any call: each a well-formed Id of
 * the right object, or the refusal naming the field and what is wrong.
 */
export function membershipOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { membership: Membership } | { refused: Refusal } {
	const campaignId = idParameterOf(ctx, 'campaignId', itemIndex);
	const personId = idParameterOf(ctx, 'memberId', itemIndex);
	const malformed = (label: string, fields: string[], id: string, problem: string): Refusal => ({
		errorCode: 'MALFORMED_ID',
		message: `${label} "${id}" ${problem}`,
		fields,
	});
	const campaignProblem = idProblem(campaignId);
	if (campaignProblem)
		return { refused: malformed('Campaign ID', ['CampaignId'], campaignId, campaignProblem) };
	if (!campaignId.startsWith(CAMPAIGN))
		return {
			refused: malformed(
				'Campaign ID',
				['CampaignId'],
				campaignId,
				`is not the ID of a campaign (campaign IDs start with ${CAMPAIGN})`,
			),
		};
	const personProblem = idProblem(personId);
	if (personProblem)
		return {
			refused: malformed('Lead or Contact ID', ['LeadId', 'ContactId'], personId, personProblem),
		};
	if (personId.startsWith(LEAD))
		return { membership: { campaignId, personField: 'LeadId', personId } };
	if (personId.startsWith(CONTACT))
		return { membership: { campaignId, personField: 'ContactId', personId } };
	return {
		refused: {
			errorCode: 'FIELD_INTEGRITY_EXCEPTION',
			message: `Lead or Contact ID "${personId}" is neither a lead (00Q...) nor a contact (003...): only leads and contacts can be campaign members`,
			fields: ['LeadId', 'ContactId'],
		},
	};
}

/** The output fields of a membership: the campaign and the person, under the names Salesforce gives them. */
export function membershipJson(m: Membership): Record<string, string> {
	return {
		campaignId: m.campaignId,
		[m.personField === 'LeadId' ? 'leadId' : 'contactId']: m.personId,
	};
}
