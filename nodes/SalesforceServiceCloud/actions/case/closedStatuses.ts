import type { SalesforceConnection } from '../../../shared/transport/connection';

interface CaseStatusRow {
	MasterLabel: string;
	IsClosed: boolean;
}

/** The org's case statuses that close a case, in the org's order (`CaseStatus` with IsClosed). */
export async function closedCaseStatuses(sf: SalesforceConnection): Promise<string[]> {
	const soql = 'SELECT MasterLabel, IsClosed FROM CaseStatus ORDER BY SortOrder';
	const result = await sf.conn.request<{ records: CaseStatusRow[] }>({ method: 'GET', url: `/services/data/v${sf.apiVersion}/query?q=${encodeURIComponent(soql)}` });
	return result.records.filter((r) => r.IsClosed).map((r) => r.MasterLabel);
}
