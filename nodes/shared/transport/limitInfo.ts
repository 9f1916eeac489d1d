/** API usage from the `Sforce-Limit-Info` header: `api-usage=USED/MAX` (more may follow after `;`). */
export interface ApiUsage {
	used: number;
	max: number;
}

export function parseLimitInfo(header: string | undefined): ApiUsage | undefined {
	const m = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
	return m ? { used: Number(m[1]), max: Number(m[2]) } : undefined;
}
