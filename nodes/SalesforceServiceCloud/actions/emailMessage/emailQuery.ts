import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { buildQuery } from '../../../shared/soql/buildQuery';
import { queryAll } from '../../../shared/soql/queryPages';
import { soqlString } from '../../../shared/soql/literals';
import { EMAIL_FIELDS, type EmailMessageRecord } from '../../../shared/thread';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import { switchOf } from '../common/parameters';
import { perItem } from '../common/perItem';

export const includeOriginalBodiesProperty = (operations: string[]): INodeProperties => ({
	displayName: 'Include Original Email Bodies',
	name: 'includeOriginalBodies',
	type: 'boolean',
	default: false,
	description:
		'Whether each email also carries its full bodies as Salesforce stores them (textBody, htmlBody), quoted replies included',
	displayOptions: { show: { resource: ['emailMessage'], operation: operations } },
});

/** The emails whose `field` equals `id`, oldest first, every page. */
export async function emailsWhere(
	sf: SalesforceConnection,
	field: 'Id' | 'ParentId',
	id: string,
): Promise<EmailMessageRecord[]> {
	const soql = buildQuery({
		fields: [...EMAIL_FIELDS, 'ParentId'],
		from: 'EmailMessage',
		where: [`${field} = ${soqlString(id)}`],
		orderBy: ['MessageDate ASC', 'Id ASC'],
	});
	return queryAll<EmailMessageRecord>(sf, soql);
}

/** Emails found for an item, shaped as in a case's conversation, with the Id of their case. */
export interface FoundEmails {
	emails: object[];
	caseId: string | null;
}

/**
 * For each input item, the emails `find` gives (told whether to keep the original bodies), one
 * output item each carrying its case's Id; an item that fails stops the node or, when the node
 * continues on fail, becomes an error item.
 */
export async function emailItems(
	ctx: IExecuteFunctions,
	find: (itemIndex: number, options: { includeOriginalBodies: boolean }) => Promise<FoundEmails>,
): Promise<INodeExecutionData[]> {
	return perItem(ctx, async (itemIndex) => {
		const includeOriginalBodies = switchOf(ctx, 'includeOriginalBodies', itemIndex);
		const { emails, caseId } = await find(itemIndex, { includeOriginalBodies });
		return emails.map((email) => ({
			json: { ...email, caseId } as unknown as IDataObject,
			pairedItem: { item: itemIndex },
		}));
	});
}
