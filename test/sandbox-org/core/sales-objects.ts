// Opportunity, Campaign and CampaignMember, built from describes recorded in a real Developer Edition
// org (schema/recorded/sfexpcloud__describe-{opportunity,campaign,campaignmember}-partial.json, see
// contract/recorded/SOURCES.txt). The recording keeps only some describe keys per field; which fields
// the API can write is from the Object Reference ("Opportunity", "Campaign", "CampaignMember").

import type { FieldSpec } from './fields';
import { recordedFields, type Recorded } from './recorded-fields';
import type { ObjectSpec } from './schema';
import type { Row } from './store';

import campaignDescribe from '../schema/recorded/sfexpcloud__describe-campaign-partial.json';
import campaignMemberDescribe from '../schema/recorded/sfexpcloud__describe-campaignmember-partial.json';
import opportunityDescribe from '../schema/recorded/sfexpcloud__describe-opportunity-partial.json';

const readOnly: Partial<FieldSpec> = { createable: false, updateable: false };
const createOnly: Partial<FieldSpec> = { createable: true, updateable: false };

/** Each read-only field of a list, as an override. */
const allReadOnly = (names: string[]): Record<string, Partial<FieldSpec>> =>
	Object.fromEntries(names.map((n) => [n, readOnly]));

/**
 * The stages of a Developer Edition org (Setup, Opportunity Stages): default probability, forecast
 * category, and whether the stage closes (and wins) the opportunity. IsClosed, IsWon and
 * ForecastCategory follow the stage; Probability and ForecastCategoryName default from it.
 */
export const OPPORTUNITY_STAGES: Record<
	string,
	{
		probability: number;
		forecast: 'Pipeline' | 'Closed' | 'Omitted';
		closed: boolean;
		won: boolean;
	}
> = {
	Prospecting: { probability: 10, forecast: 'Pipeline', closed: false, won: false },
	Qualification: { probability: 10, forecast: 'Pipeline', closed: false, won: false },
	'Needs Analysis': { probability: 20, forecast: 'Pipeline', closed: false, won: false },
	'Value Proposition': { probability: 50, forecast: 'Pipeline', closed: false, won: false },
	'Id. Decision Makers': { probability: 60, forecast: 'Pipeline', closed: false, won: false },
	'Perception Analysis': { probability: 70, forecast: 'Pipeline', closed: false, won: false },
	'Proposal/Price Quote': { probability: 75, forecast: 'Pipeline', closed: false, won: false },
	'Negotiation/Review': { probability: 90, forecast: 'Pipeline', closed: false, won: false },
	'Closed Won': { probability: 100, forecast: 'Closed', closed: true, won: true },
	'Closed Lost': { probability: 0, forecast: 'Omitted', closed: true, won: false },
};

export function opportunityObject(): ObjectSpec {
	return {
		name: 'Opportunity',
		label: 'Opportunity',
		labelPlural: 'Opportunities',
		keyPrefix: '006',
		fields: recordedFields(opportunityDescribe as Recorded, {
			Name: { nameField: true, length: 120 },
			NextStep: { length: 255 },
			OwnerId: { defaultedOnCreate: true },
			IsClosed: { ...readOnly, defaultedOnCreate: true },
			IsWon: { ...readOnly, defaultedOnCreate: true },
			ForecastCategory: { ...readOnly, defaultedOnCreate: true, restrictedPicklist: true },
			ForecastCategoryName: { restrictedPicklist: true },
			StageName: { restrictedPicklist: false },
			...allReadOnly([
				'ExpectedRevenue',
				'HasOpportunityLineItem',
				'LastActivityDate',
				'PushCount',
				'LastStageChangeDate',
				'FiscalQuarter',
				'FiscalYear',
				'Fiscal',
				'HasOpenActivity',
				'HasOverdueTask',
				'LastAmountChangedHistoryId',
				'LastCloseDateChangedHistoryId',
			]),
		}),
	};
}

export function campaignObject(): ObjectSpec {
	return {
		name: 'Campaign',
		label: 'Campaign',
		labelPlural: 'Campaigns',
		keyPrefix: '701',
		fields: recordedFields(campaignDescribe as Recorded, {
			Name: { nameField: true, length: 80 },
			OwnerId: { defaultedOnCreate: true },
			...allReadOnly([
				'NumberOfLeads',
				'NumberOfConvertedLeads',
				'NumberOfContacts',
				'NumberOfResponses',
				'NumberOfOpportunities',
				'NumberOfWonOpportunities',
				'AmountAllOpportunities',
				'AmountWonOpportunities',
				'LastActivityDate',
			]),
		}),
	};
}

/** The member of a campaign: a Lead or a Contact; the person's fields are copied from them and read-only. */
export function campaignMemberObject(): ObjectSpec {
	return {
		name: 'CampaignMember',
		label: 'Campaign Member',
		labelPlural: 'Campaign Members',
		keyPrefix: '00v',
		fields: recordedFields(campaignMemberDescribe as Recorded, {
			CampaignId: createOnly,
			LeadId: createOnly,
			ContactId: createOnly,
			Status: { length: 40, defaultedOnCreate: true },
			...allReadOnly([
				'HasResponded',
				'FirstRespondedDate',
				'Salutation',
				'Name',
				'FirstName',
				'LastName',
				'Title',
				'Street',
				'City',
				'State',
				'PostalCode',
				'Country',
				'Email',
				'Phone',
				'Fax',
				'MobilePhone',
				'Description',
				'DoNotCall',
				'HasOptedOutOfEmail',
				'HasOptedOutOfFax',
				'LeadSource',
				'CompanyOrAccount',
				'Type',
				'LeadOrContactId',
				'LeadOrContactOwnerId',
			]),
		}),
	};
}

/** A new campaign's member statuses (CampaignMemberStatus): Sent (the default) and Responded. */
const DEFAULT_MEMBER_STATUS = 'Sent';
const RESPONDED_STATUSES = new Set(['Responded']);

/**
 * Fields Salesforce computes on these objects as a write is saved (`values` are the changes, `before`
 * the stored row or the defaults): an Opportunity's IsClosed, IsWon and forecast from its stage, and
 * its Probability and ForecastCategoryName when the stage changes without them; a CampaignMember's
 * person (a Contact wins over a Lead when both are given, as the Object Reference says), its
 * default status and HasResponded, and the person's fields copied from the Lead or Contact.
 */
export function deriveSalesFields(
	objectName: string,
	values: Row,
	before: Row,
	person: (id: string) => Row | undefined,
): void {
	if (objectName === 'Opportunity') {
		const stage = OPPORTUNITY_STAGES[String({ ...before, ...values }.StageName)];
		if (!stage) return;
		values.IsClosed = stage.closed;
		values.IsWon = stage.won;
		values.ForecastCategory = stage.forecast;
		if ('StageName' in values && !('Probability' in values)) values.Probability = stage.probability;
		if ('StageName' in values && !('ForecastCategoryName' in values))
			values.ForecastCategoryName = stage.forecast;
		return;
	}
	if (objectName !== 'CampaignMember') return;
	if (!before.Id) {
		if (values.ContactId) values.LeadId = null;
		values.Status ??= DEFAULT_MEMBER_STATUS;
		const id = (values.ContactId ?? values.LeadId) as string | null | undefined;
		const row = id ? person(id) : undefined;
		if (row) {
			for (const f of ['FirstName', 'LastName', 'Name', 'Title', 'Email', 'Phone'])
				values[f] = row[f] ?? null;
			values.CompanyOrAccount = (row.Company as string | undefined) ?? null;
			values.Type = values.ContactId ? 'Contact' : 'Lead';
			values.LeadOrContactId = id;
			values.LeadOrContactOwnerId = row.OwnerId ?? null;
		}
	}
	if ('Status' in values) values.HasResponded = RESPONDED_STATUSES.has(String(values.Status));
}

/**
 * Salesforce's rules on a campaign member: it is a Lead or a Contact, and a person is a member of a
 * campaign once (a second membership answers DUPLICATE_VALUE "Already a campaign member.").
 */
export function campaignMemberRuleErrors(
	members: Row[],
	merged: Row,
): Array<{ message: string; errorCode: string; fields: string[] }> {
	if (!merged.LeadId && !merged.ContactId)
		return [
			{
				message: 'Required fields are missing: [LeadId, ContactId]',
				errorCode: 'REQUIRED_FIELD_MISSING',
				fields: ['LeadId', 'ContactId'],
			},
		];
	const personField = merged.ContactId ? 'ContactId' : 'LeadId';
	const already = members.some(
		(m) =>
			m.Id !== merged.Id &&
			m.CampaignId === merged.CampaignId &&
			m[personField] === merged[personField],
	);
	return already
		? [{ message: 'Already a campaign member.', errorCode: 'DUPLICATE_VALUE', fields: [] }]
		: [];
}
