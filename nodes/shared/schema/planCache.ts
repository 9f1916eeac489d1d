import type { IDataObject } from 'n8n-workflow';

/** Describes are fetched again after this long, so that new fields and changed picklists show up. */
export const PLAN_TTL_MS = 24 * 60 * 60 * 1000;

/** A checked query plan kept in a trigger's static data, with the choice it was built for. */
export interface CachedPlan<P extends IDataObject> extends IDataObject {
	key: string;
	expiresAt: number;
	plan: P;
}

/** The key of a choice: a plan built by another version of the code, or for another choice, is built again. */
export function planKey(version: number, choice: IDataObject): string {
	return JSON.stringify({ version, ...choice });
}

/** The kept plan when it was built for this key and has not expired. */
export function freshPlan<P extends IDataObject>(
	cached: CachedPlan<P> | undefined,
	key: string,
	now: number,
): CachedPlan<P> | undefined {
	return cached && cached.key === key && cached.expiresAt > now ? cached : undefined;
}

/** A plan to keep for a day. */
export function keepPlan<P extends IDataObject>(plan: P, key: string, now: number): CachedPlan<P> {
	return { key, expiresAt: now + PLAN_TTL_MS, plan };
}
