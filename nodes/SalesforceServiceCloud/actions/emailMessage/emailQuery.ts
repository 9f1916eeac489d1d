import type { INodeProperties } from 'n8n-workflow';

import { buildQuery } from '../../../shared/soql/buildQuery';
import { queryAll } from '../../../shared/soql/queryPages';
import { soqlString } from '../../../shared/soql/literals';
import { EMAIL_FIELDS, type EmailMessageRecord } from '../../../shared/thread';
import type { SalesforceConnection } from '../../../shared/transport/connection';

export const includeOriginalBodiesProperty = (operations: string[]): INodeProperties => ({
	displayName: 'Include Original Bodies',
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
