import type { MappingDescribe } from '../../../shared/fieldMapping/fieldRules';
import { forgetSchema, freshSchema, type ObjectSchema } from '../../../shared/schema/keptSchemas';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import type { WriteFailure, WriteResult } from '../../../shared/writes';

/** Items checked against a describe, and whether that describe may be out of date. */
export interface SchemaChecked<T> {
	describe: MappingDescribe;
	checked: T;
	/** Kept from an earlier execution and not described since: Salesforce's refusals are worth explaining. */
	mayBeStale: boolean;
}

/**
 * The items checked against the object's describe. When the describe was kept from an earlier
 * execution (so may be out of date) and `refuses` what the check found, the object is described
 * again, once, and the items are checked against the fresh describe: a field added in Salesforce
 * since is found, and whatever is refused, is refused by the org as it is now.
 */
export async function checkAgainstSchema<T>(
	sf: SalesforceConnection,
	objectName: string,
	schema: ObjectSchema,
	check: (describe: MappingDescribe) => T,
	refuses: (checked: T) => boolean,
): Promise<SchemaChecked<T>> {
	const checked = check(schema.describe);
	if (!schema.kept || !refuses(checked))
		return { describe: schema.describe, checked, mayBeStale: schema.kept };
	const describe = await freshSchema(sf, objectName);
	return { describe, checked: check(describe), mayBeStale: false };
}

/**
 * Salesforce's refusals of a record that a check against an up-to-date describe would have made
 * before sending it (an unknown or read-only field, a required field, a picklist value, a type, a
 * length). MALFORMED_ID is left out: that is the value's fault, not the describe's.
 */
const DESCRIBE_CODES = new Set([
	'INVALID_FIELD',
	'INVALID_FIELD_FOR_INSERT_UPDATE',
	'REQUIRED_FIELD_MISSING',
	'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
	'INVALID_TYPE_ON_FIELD_IN_RECORD',
	'STRING_TOO_LONG',
]);

/**
 * After a write whose items were checked against a describe kept from an earlier execution (which
 * may be out of date): when Salesforce refused rows for a reason such a check covers, the object
 * is described again (and kept so for the next executions), and `explain` checks those items
 * against the fresh describe. A refusal it finds replaces Salesforce's answer, in plain words; the
 * record is never sent again. A describe that fails leaves the answers as they are (what was
 * written must come out) and forgets the kept describe, so that the next execution describes.
 */
export async function explainRefusals(
	sf: SalesforceConnection,
	objectName: string,
	results: WriteResult[],
	explain: (fresh: MappingDescribe, itemIndexes: Set<number>) => WriteFailure[],
): Promise<WriteResult[]> {
	const refused = results.filter(
		(r) =>
			!r.success &&
			(r.outcome ?? 'failed') === 'failed' &&
			!r.checkedLocally &&
			DESCRIBE_CODES.has(r.errorCode),
	);
	if (refused.length === 0) return results;
	let fresh: MappingDescribe;
	try {
		fresh = await freshSchema(sf, objectName);
	} catch {
		forgetSchema(sf, objectName);
		return results;
	}
	const explained = new Map(
		explain(fresh, new Set(refused.map((r) => r.itemIndex))).map((f) => [
			f.itemIndex,
			{ ...f, checkedLocally: false },
		]),
	);
	return results.map((r) => (r.success ? r : (explained.get(r.itemIndex) ?? r)));
}
