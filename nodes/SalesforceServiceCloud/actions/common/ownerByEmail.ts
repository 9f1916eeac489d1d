import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isWellFormedId, STANDARD_KEY_PREFIXES } from '../../../shared/salesforceIds';
import { soqlString } from '../../../shared/soql/literals';
import { queryAll } from '../../../shared/soql/queryPages';
import { splitInList } from '../../../shared/soql/urlBudget';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import type { WriteFailure, WriteRecord } from '../../../shared/writes';

/** "Owner Email" and its fallback "Default Owner", for the creates of a resource whose records have an owner. */
export const ownerByEmailProperties = (
	resource: string,
	operations: string[],
): INodeProperties[] => [
	{
		displayName: 'Owner Email',
		name: 'ownerEmail',
		type: 'string',
		placeholder: 'agent@example.com',
		default: '',
		description:
			'The email of the agent who should own the record. The node finds the active Salesforce user with this email and makes them the owner (OwnerId). Empty: the owner is left as mapped, or Salesforce picks it.',
		displayOptions: { show: { resource: [resource], operation: operations } },
	},
	{
		displayName: 'Default Owner',
		name: 'defaultOwnerId',
		type: 'string',
		placeholder: '005Sb00000XyZ12AAB',
		default: '',
		description:
			'The user ID (starting with 005) that owns the record when no active user has the Owner Email. Empty: such an item fails.',
		displayOptions: { show: { resource: [resource], operation: operations } },
	},
];

/** User.Email holds at most 128 characters: a longer one is no user's, and is not looked up. */
const MAX_EMAIL_LENGTH = 128;

/**
 * The active users with these emails, as a map from the lower-cased email to the user's Id: as few
 * queries as fit in Salesforce's URL limit. When several active users share an email, the first by Id wins.
 */
export async function activeUsersByEmail(
	sf: SalesforceConnection,
	emails: string[],
): Promise<Map<string, string>> {
	const distinct = [
		...new Set(
			emails
				.map((e) => e.trim().toLowerCase())
				.filter((e) => e !== '' && e.length <= MAX_EMAIL_LENGTH),
		),
	];
	const found = new Map<string, string>();
	const queryOf = (list: string[]) =>
		`SELECT Id, Email FROM User WHERE IsActive = true AND Email IN (${list.join(', ')}) ORDER BY Id`;
	// An email too long for any query is no user's: its item gets the Default Owner or fails alone.
	const { queries } = splitInList(distinct.map(soqlString), queryOf);
	for (const { soql } of queries) {
		for (const row of await queryAll<{ Id: string; Email: string | null }>(sf, soql)) {
			const email = (row.Email ?? '').toLowerCase();
			if (email && !found.has(email)) found.set(email, row.Id);
		}
	}
	return found;
}

/**
 * Sets OwnerId on each record whose item gives an Owner Email: the active user with that email
 * (whatever its case), else the Default Owner. Records whose item gives no email are left as they
 * are. Answers the records to write and the failures of items that have no owner to give.
 */
export async function fillOwnerIds(
	ctx: IExecuteFunctions,
	sf: SalesforceConnection,
	records: WriteRecord[],
): Promise<{ records: WriteRecord[]; refused: WriteFailure[] }> {
	const emailOf = (r: WriteRecord) =>
		String(ctx.getNodeParameter('ownerEmail', r.itemIndex, '') ?? '').trim();
	const wanted = records.filter((r) => emailOf(r) !== '');
	if (wanted.length === 0) return { records, refused: [] };
	const users = await activeUsersByEmail(sf, wanted.map(emailOf));
	const kept: WriteRecord[] = [];
	const refused: WriteFailure[] = [];
	for (const record of records) {
		const email = emailOf(record);
		if (email === '') {
			kept.push(record);
			continue;
		}
		const ownerId = users.get(email.toLowerCase()) ?? defaultOwnerOf(ctx, record.itemIndex);
		if (typeof ownerId === 'string')
			kept.push({ ...record, fields: { ...record.fields, OwnerId: ownerId } });
		else
			refused.push({
				itemIndex: record.itemIndex,
				success: false,
				...ownerId,
				checkedLocally: true,
			});
	}
	return { records: kept, refused };
}

type OwnerProblem = Pick<WriteFailure, 'errorCode' | 'message' | 'fields'>;

/** The item's Default Owner, or why there is none to use. */
function defaultOwnerOf(ctx: IExecuteFunctions, itemIndex: number): string | OwnerProblem {
	const email = String(ctx.getNodeParameter('ownerEmail', itemIndex, '')).trim();
	const id = String(ctx.getNodeParameter('defaultOwnerId', itemIndex, '') ?? '').trim();
	if (id === '') {
		return {
			errorCode: 'OWNER_NOT_FOUND',
			message: `No active Salesforce user has the email "${email}", and no Default Owner is set`,
			fields: ['OwnerId'],
		};
	}
	if (!isWellFormedId(id) || !id.startsWith(STANDARD_KEY_PREFIXES.User)) {
		return {
			errorCode: 'MALFORMED_ID',
			message: `Default Owner "${id}" is not a Salesforce user ID (15 or 18 letters and digits, starting with 005)`,
			fields: ['OwnerId'],
		};
	}
	return id;
}
