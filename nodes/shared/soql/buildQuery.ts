/** The parts of a SELECT. Field names and conditions must already be checked and escaped. */
export interface QueryParts {
	fields: string[];
	from: string;
	/** Conditions joined with AND, each already SOQL (from conditions.ts or built from literals.ts). */
	where?: string[];
	orderBy?: string[];
	limit?: number;
}

export function buildQuery(parts: QueryParts): string {
	const fields = [...new Set(parts.fields)];
	let soql = `SELECT ${fields.join(', ')} FROM ${parts.from}`;
	const where = (parts.where ?? []).filter((w) => w.trim() !== '');
	if (where.length > 0)
		soql += ` WHERE ${where.length > 1 ? where.map((w) => `(${w})`).join(' AND ') : where[0]}`;
	if (parts.orderBy && parts.orderBy.length > 0) soql += ` ORDER BY ${parts.orderBy.join(', ')}`;
	if (parts.limit !== undefined) soql += ` LIMIT ${Math.max(0, Math.floor(parts.limit))}`;
	return soql;
}
