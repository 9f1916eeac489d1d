import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MappingDescribe } from '../fieldMapping/fieldRules';
import { checkedObjectName } from '../soql/objectNames';
import type { SalesforceConnection } from '../transport/connection';
import { mappingDescribeOf, writeSchemaOf, type WriteSchema } from './writeSchema';

/*
 * Describes kept across executions for the write path, so that a workflow writing every minute
 * spends one call per 1,000 records (the Composite request) instead of two (a describe first).
 *
 * They live in the node's static data (getWorkflowStaticData('node')), which n8n saves after every
 * execution that is not a manual one, and loads with the workflow in every process: in queue mode
 * a worker runs the execution and saves it, so what one worker kept, the next one finds. A
 * describe is kept in its compact form (writeSchema.ts), filed under the connection's identity
 * (org, user, API version: another credential or org starts afresh) and the object's name.
 *
 * A kept describe is used for a day. It can be out of date sooner (a field added in Salesforce, a
 * picklist value, a permission): the callers describe again, once, when an item is refused by a
 * check against a kept describe, or when Salesforce refuses a record for a reason such a check
 * covers (see writeItems). Manual executions ("Execute step") neither read nor keep: n8n does not
 * save their static data, and a user trying the node sees the org as it is now.
 */

const KEY = 'keptDescribes';
/** The kept form's version: entries of another version are described again. */
const VERSION = 1;
/** How long a kept describe is used. */
export const KEPT_DESCRIBE_TTL_MS = 24 * 60 * 60 * 1000;
/** Most objects kept per node (a node writes one object; an expression may pick a few). */
export const MAX_KEPT_OBJECTS = 4;
/** Most characters of one kept describe (Case keeps about 3,500, Task about 12,000 with its 473 picklist values). */
export const MAX_KEPT_CHARS = 64 * 1024;

interface KeptEntry extends IDataObject {
	v: number;
	/** When it was described (ms since 1970). */
	at: number;
	s: WriteSchema;
}

/** An object's describe for the write path. */
export interface ObjectSchema {
	describe: MappingDescribe;
	/** Kept from an earlier execution, so possibly out of date: a refusal it causes is worth one fresh describe. */
	kept: boolean;
}

type Context = Pick<IExecuteFunctions, 'getMode' | 'getWorkflowStaticData'>;
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
	const entries = keeps(ctx) ? keptEntries(ctx) : undefined;
	const entry = entries?.[keyOf(sf, name)];
	if (isEntry(entry) && entry.at <= now && now - entry.at < KEPT_DESCRIBE_TTL_MS)
		return { describe: mappingDescribeOf(entry.s), kept: true };
	return { describe: await describeAndKeep(ctx, sf, name, now), kept: false };
}

/**
 * A fresh describe of the object, kept in place of the one before: for a kept describe that
 * refused an item or let Salesforce refuse one. It costs a call once per execution (the
 * connection's describes are fetched once).
 */
export async function freshSchema(
	ctx: Context,
	sf: Connection,
	objectName: string,
	now = Date.now(),
): Promise<MappingDescribe> {
	return describeAndKeep(ctx, sf, checkedObjectName(objectName), now);
}

/** Forgets the kept describe of the object, so that the next execution describes it again. */
export function forgetSchema(ctx: Context, sf: Connection, objectName: string): void {
	if (!keeps(ctx)) return;
	const entries = keptEntries(ctx);
	const key = keyOf(sf, objectName);
	if (entries?.[key] !== undefined) delete entries[key];
}

async function describeAndKeep(
	ctx: Context,
	sf: Connection,
	name: string,
	now: number,
): Promise<MappingDescribe> {
	const schema = writeSchemaOf(await sf.describes.describe(name));
	if (keeps(ctx)) keep(ctx, keyOf(sf, name), schema, now);
	// The kept form is used whether or not it is kept, so that every execution checks items alike.
	return mappingDescribeOf(schema);
}

function keep(ctx: Context, key: string, schema: WriteSchema, now: number): void {
	const data = ctx.getWorkflowStaticData('node');
	if (JSON.stringify(schema).length > MAX_KEPT_CHARS) {
		// Too large to keep: described in every execution, as without keeping.
		const entries = keptEntries(ctx);
		if (entries?.[key] !== undefined) delete entries[key];
		return;
	}
	const entries = (data[KEY] ??= {}) as Record<string, KeptEntry>;
	entries[key] = { v: VERSION, at: now, s: schema };
	// The oldest go first, and anything that is not an entry of this version.
	const keys = Object.keys(entries).filter((k) => isEntry(entries[k]));
	for (const k of Object.keys(entries)) if (!keys.includes(k)) delete entries[k];
	keys
		.sort((a, b) => entries[b].at - entries[a].at)
		.slice(MAX_KEPT_OBJECTS)
		.forEach((k) => delete entries[k]);
}

/**
 * Off. In n8n's queue mode (read in 2.41.1: the execution's stored snapshot has no static data, and a
 * new execution does not reload it), a worker runs every execution with empty static data and, when a
 * node changed it, saves that in place of the workflow's: keeping a describe would erase the cursor
 * of a trigger in the same workflow, and never be read back. Until a store that is safe in queue
 * mode exists, every execution describes its object (2 calls per 1,000 writes).
 */
export const KEEP_DESCRIBES: boolean = false;

/** Only executions whose static data n8n saves would keep describes (and only with KEEP_DESCRIBES). */
function keeps(ctx: Context): boolean {
	return KEEP_DESCRIBES && ctx.getMode() !== 'manual';
}

function keptEntries(ctx: Context): Record<string, unknown> | undefined {
	const stored = ctx.getWorkflowStaticData('node')[KEY];
	return stored !== null && typeof stored === 'object' && !Array.isArray(stored)
		? (stored as Record<string, unknown>)
		: undefined;
}

function keyOf(sf: Connection, objectName: string): string {
	return `${sf.identity}:${objectName.toLowerCase()}`;
}

function isEntry(value: unknown): value is KeptEntry {
	const entry = value as Partial<KeptEntry> | null | undefined;
	return (
		typeof entry === 'object' &&
		entry !== null &&
		entry.v === VERSION &&
		typeof entry.at === 'number' &&
		typeof entry.s === 'object' &&
		entry.s !== null &&
		typeof entry.s.n === 'string' &&
		Array.isArray(entry.s.f)
	);
}
