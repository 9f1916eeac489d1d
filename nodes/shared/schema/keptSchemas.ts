import type { IExecuteFunctions } from 'n8n-workflow';

import type { MappingDescribe } from '../fieldMapping/fieldRules';
import { checkedObjectName } from '../soql/objectNames';
import type { SalesforceConnection } from '../transport/connection';
import { mappingDescribeOf, writeSchemaOf, type WriteSchema } from './writeSchema';

/*
 * Describes kept across executions for the write path, so that a workflow writing every minute
 * spends one call per 1,000 records (the Composite request) instead of two (a describe first).
 *
 * They are kept in the memory of the process that runs the execution (n8n's main process, or each
 * worker in queue mode), in their compact form (writeSchema.ts), filed under the connection's
 * identity (org, user, API version: another credential or org starts afresh) and the object's
 * name. Not in workflow static data: in queue mode a worker starts every execution from empty
 * static data and saves what a node changed in place of the workflow's, so a describe kept there
 * would never be read back and would erase the cursor of a trigger in the same workflow. Each
 * process describes an object once a day, and executions that start together share that describe.
 * A copy in one process is as good as one in another: it is what Salesforce answers for that
 * identity, and it is checked against Salesforce's answers as below.
 *
 * A kept describe is used for a day. It can be out of date sooner (a field added in Salesforce, a
 * picklist value, a permission): the callers describe again, once, when an item is refused by a
 * check against a kept describe, or when Salesforce refuses a record for a reason such a check
 * covers (see writeItems). Manual executions ("Execute step") do not read it: a user trying the
 * node sees the org as it is now (and the describe they fetch is kept for the others).
 */

/** How long a kept describe is used. */
export const KEPT_DESCRIBE_TTL_MS = 24 * 60 * 60 * 1000;
/** Most describes kept in one process, across all workflows and credentials (the latest used). */
export const MAX_KEPT_OBJECTS = 200;
/** Most characters of one kept describe (Case keeps about 3,500, Task about 12,000 with its 473 picklist values). */
export const MAX_KEPT_CHARS = 64 * 1024;

interface KeptEntry {
	/** When it was described (ms since 1970). */
	at: number;
	s: WriteSchema;
}

/** The kept describes of this process, the least recently used first. */
const kept = new Map<string, KeptEntry>();
/** Describes under way in this process, which executions starting together wait for. */
const describing = new Map<string, Promise<WriteSchema>>();

/** An object's describe for the write path. */
export interface ObjectSchema {
	describe: MappingDescribe;
	/** Kept from an earlier execution, so possibly out of date: a refusal it causes is worth one fresh describe. */
	kept: boolean;
}

type Context = Pick<IExecuteFunctions, 'getMode'>;
type Connection = Pick<SalesforceConnection, 'describes' | 'identity'>;

/**
 * The object's describe: the kept one when it is fresh, else one call (and kept for the next
 * executions). A name that cannot be an object's is an ObjectNameError, an object the org does
 * not have an UnknownObjectError, as from the describe itself.
 */
export async function objectSchema(
	ctx: Context,
	sf: Connection,
	objectName: string,
	now = Date.now(),
): Promise<ObjectSchema> {
	const name = checkedObjectName(objectName);
	if (ctx.getMode() === 'manual')
		return { describe: await freshSchema(sf, name, now), kept: false };
	const key = keyOf(sf, name);
	const entry = kept.get(key);
	if (entry && entry.at <= now && now - entry.at < KEPT_DESCRIBE_TTL_MS) {
		// Used again: the last to be let go.
		kept.delete(key);
		kept.set(key, entry);
		return { describe: mappingDescribeOf(entry.s), kept: true };
	}
	const underWay = describing.get(key);
	if (underWay) {
		// Another execution's describe: its failure (its own session, say) is not this one's.
		const schema = await underWay.catch(() => undefined);
		if (schema) return { describe: mappingDescribeOf(schema), kept: false };
	}
	return { describe: await freshSchema(sf, name, now), kept: false };
}

/**
 * A fresh describe of the object, kept in place of the one before: for a kept describe that
 * refused an item or let Salesforce refuse one. It costs a call once per execution (the
 * connection's describes are fetched once).
 */
export async function freshSchema(
	sf: Connection,
	objectName: string,
	now = Date.now(),
): Promise<MappingDescribe> {
	const name = checkedObjectName(objectName);
	const key = keyOf(sf, name);
	const described = sf.describes.describe(name).then(writeSchemaOf);
	describing.set(key, described);
	try {
		const schema = await described;
		keep(key, schema, now);
		// The kept form is used whether or not it is kept, so that every execution checks items alike.
		return mappingDescribeOf(schema);
	} finally {
		if (describing.get(key) === described) describing.delete(key);
	}
}

/** Forgets the kept describe of the object, so that the next execution describes it again. */
export function forgetSchema(sf: Connection, objectName: string): void {
	kept.delete(keyOf(sf, objectName));
}

function keep(key: string, schema: WriteSchema, now: number): void {
	kept.delete(key);
	// Too large to keep: described in every execution, as without keeping.
	if (JSON.stringify(schema).length > MAX_KEPT_CHARS) return;
	kept.set(key, { at: now, s: schema });
	for (const oldest of kept.keys()) {
		if (kept.size <= MAX_KEPT_OBJECTS) break;
		kept.delete(oldest);
	}
}

function keyOf(sf: Connection, objectName: string): string {
	return `${sf.identity}:${objectName.toLowerCase()}`;
}
