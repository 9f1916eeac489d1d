import type { SalesforceConnection } from '../../../shared/transport/connection';
import { queryFirstPage } from '../../../shared/transport/salesforceApi';

interface CaseStatusRow {
	MasterLabel: string;
	IsClosed: boolean;
}

/** The org's case statuses that close a case, in the org's order (`CaseStatus` with IsClosed). */
export async function closedCaseStatuses(sf: SalesforceConnection): Promise<string[]> {
	const soql = 'SELECT MasterLabel, IsClosed FROM CaseStatus ORDER BY SortOrder';
	const result = await queryFirstPage<CaseStatusRow>(sf, soql);
	return result.records.filter((r) => r.IsClosed).map((r) => r.MasterLabel);
}
