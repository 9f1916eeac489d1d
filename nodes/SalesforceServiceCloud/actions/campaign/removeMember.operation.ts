import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idSuffix } from '../../../shared/salesforceIds';
import { buildQuery } from '../../../shared/soql/buildQuery';
import { soqlString } from '../../../shared/soql/literals';
import { followPages, type QueryPage } from '../../../shared/soql/queryPages';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import {
	compositeQuery,
	sendComposite,
	subrequestError,
} from '../../../shared/transport/salesforceApi';
import { MAX_RECORDS_PER_CALL, refusedBeforeWriting } from '../../../shared/writes';
import { allOrNoneProperty } from '../common/parameters';
import { checkEachItem, writeRecords, type CheckedRecords } from '../common/writeRecords';
import {
	memberProperties,
	membershipJson,
	membershipOf,
	type Membership,
} from './memberParameters';

export const description: INodeProperties[] = [
	...memberProperties(['removeMember']),
	allOrNoneProperty('campaign', ['removeMember']),
];

/** The 18-character form of a well-formed Id (Salesforce answers queries with those). */
const id18 = (id: string) => (id.length === 18 ? id : id + idSuffix(id));
const keyOf = (campaignId: string, personId: string) => `${id18(campaignId)}:${id18(personId)}`;
/** A Composite request takes at most 5 query subrequests (and counts as one API call). */
const QUERIES_PER_COMPOSITE = 5;

interface MemberRow {
	Id: string;
	CampaignId: string;
	LeadId: string | null;
	ContactId: string | null;
}

/** The query of the memberships of up to 200 items: their campaigns, and their leads or contacts. */
function membershipQuery(memberships: Membership[]): string {
	const list = (ids: string[]) => [...new Set(ids.map(id18))].map(soqlString).join(', ');
	const of = (field: Membership['personField']) =>
		memberships.filter((m) => m.personField === field).map((m) => m.personId);
	const people = (['LeadId', 'ContactId'] as const)
		.filter((field) => of(field).length > 0)
		.map((field) => `${field} IN (${list(of(field))})`);
	return buildQuery({
		fields: ['Id', 'CampaignId', 'LeadId', 'ContactId'],
		from: 'CampaignMember',
		where: [`CampaignId IN (${list(memberships.map((m) => m.campaignId))})`, people.join(' OR ')],
	});
}

/**
 * Removes each item's lead or contact from the item's campaign: the memberships (CampaignMember
 * Ids) are looked up in one query per 200 items (five queries in one Composite request), then
 * deleted 200 a call (five calls in one Composite request). Every item's IDs are
 * checked before anything is sent. A person who is not a member of the campaign is not an error:
 * the item comes out with `removed: false`, so that running the workflow again changes nothing.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const memberships = new Map<number, Membership>();
	const checked = checkEachItem(this, (itemIndex) => {
		const checkedMembership = membershipOf(this, itemIndex);
		if ('refused' in checkedMembership) return checkedMembership;
		memberships.set(itemIndex, checkedMembership.membership);
		return { fields: {} };
	});
	refusedBeforeWriting(this, checked.refused);

	const wanted = [...memberships.entries()];
	const found = new Map<string, string>();
	const batches: Membership[][] = [];
	for (let i = 0; i < wanted.length; i += MAX_RECORDS_PER_CALL)
		batches.push(wanted.slice(i, i + MAX_RECORDS_PER_CALL).map(([, m]) => m));
	for (let i = 0; i < batches.length; i += QUERIES_PER_COMPOSITE) {
		const group = batches.slice(i, i + QUERIES_PER_COMPOSITE);
		const answer = await sendComposite(
			sf,
			group.map((batch, n) => compositeQuery(sf.apiVersion, `members${n}`, membershipQuery(batch))),
		);
		for (const sub of answer.compositeResponse) {
			if (sub.httpStatusCode !== 200) throw subrequestError(sub);
			for await (const page of followPages<MemberRow>(sf, sub.body as QueryPage<MemberRow>)) {
				for (const row of page.records) {
					const person = row.LeadId ?? row.ContactId;
					if (person) found.set(keyOf(row.CampaignId, person), row.Id);
				}
			}
		}
	}

	const toDelete: CheckedRecords = { records: [], refused: checked.refused };
	const notMembers: INodeExecutionData[] = [];
	for (const [itemIndex, m] of wanted) {
		const memberId = found.get(keyOf(m.campaignId, m.personId));
		if (memberId) toDelete.records.push({ itemIndex, fields: { Id: memberId } });
		else
			notMembers.push({
				json: { ...membershipJson(m), removed: false, reason: 'Not a member of this campaign' },
				pairedItem: { item: itemIndex },
			});
	}
	const removed = await writeRecords(
		this,
		sf,
		{ operation: 'delete', objectName: 'CampaignMember' },
		toDelete,
		{
			successFields: (record) => {
				const m = memberships.get(record.itemIndex);
				return { ...(m ? membershipJson(m) : {}), removed: true };
			},
		},
	);
	const itemOf = (item: INodeExecutionData) =>
		(item.pairedItem as { item: number } | undefined)?.item ?? 0;
	return [...removed, ...notMembers].sort((a, b) => itemOf(a) - itemOf(b));
}
