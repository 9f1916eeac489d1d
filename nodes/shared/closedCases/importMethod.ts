import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { SalesforceConnection } from '../transport/connection';
import { queryFirstPage } from '../transport/salesforceApi';
import type { BulkJobState } from './bulkCaseSource';
import { backfillCountQuery, type CaseQueryPlan } from './caseQuery';
import type { ClosureCursorState } from './closureCursor';

/**
 * REST API is the default: Bulk API costs about as many calls and needs the user's Bulk API access.
 * Above this many cases, "Automatic" imports through a Bulk API 2.0 query job (Salesforce's guidance
 * for Bulk API 2.0 query is 10,000 records and more) and goes on by REST if the job fails. The calls
 * are about the same either way (each poll reads a set of results or a page, and its cases' details:
 * 294 and 286 calls for the bench's 81,936 cases); the job spares the org a query per poll over a
 * large span, and costs 4 calls of its own (the count, create, state, delete), not repaid below the
 * threshold.
 */
export const BULK_IMPORT_THRESHOLD = 10_000;

export type ImportMethod = 'auto' | 'rest' | 'bulk';

/** What the import keeps in static data (`closedCasesImport`). */
export interface ImportState extends IDataObject {
	/** The method decided when the backfill started (for "Automatic"). */
	method: 'rest' | 'bulk';
	/** The cases counted when it was decided (Automatic only). */
	counted?: number;
	job: BulkJobState | null;
	/** Why Automatic left Bulk API for REST API partway (the failed job's state and reason). */
	bulkFailure?: string;
}

export const importMethodProperty: INodeProperties = {
	displayName: 'Import Method',
	name: 'importMethod',
	type: 'options',
	options: [
		{
			name: 'Automatic',
			value: 'auto',
			description: `Bulk API when more than ${BULK_IMPORT_THRESHOLD.toLocaleString('en-US')} cases are to be imported, otherwise REST API (one count first). If the Bulk API job fails, the import goes on by REST API from where it stopped.`,
		},
		{
			name: 'Bulk API (for Large Orgs)',
			value: 'bulk',
			description:
				'One Bulk API 2.0 query job reads the cases once; each poll reads its next page. Needs the Bulk API permission (API Enabled).',
		},
		{
			name: 'REST API',
			value: 'rest',
			description: 'Each poll asks for its page of cases with a REST query',
		},
	],
	default: 'rest',
	displayOptions: { hide: { importFrom: ['none'] } },
	description:
		'How the existing cases are read from Salesforce. New closings are always read with REST queries.',
};

/**
 * The method of this poll's backfill: the user's choice, or for "Automatic" the one decided when the
 * backfill started (a `SELECT COUNT()` of its span, once). A backfill that began before this choice
 * existed goes on with REST.
 */
export async function importMethodOf(
	sf: SalesforceConnection,
	plan: CaseQueryPlan,
	choice: ImportMethod,
	cursor: ClosureCursorState,
	stored: ImportState | undefined,
): Promise<ImportState> {
	const job = stored?.job ?? null;
	if (choice === 'rest' || choice === 'bulk') return { ...stored, method: choice, job };
	if (stored) return stored;
	if (cursor.backfill !== null) return { method: 'rest', job: null };
	const count = await queryFirstPage(sf, backfillCountQuery(plan, cursor.start, cursor.liveFrom));
	const counted = Number(count.totalSize ?? 0);
	return { method: counted > BULK_IMPORT_THRESHOLD ? 'bulk' : 'rest', counted, job: null };
}
