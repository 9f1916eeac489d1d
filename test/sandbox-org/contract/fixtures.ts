import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The recorded real-org responses, kept in the repository with their provenance (`recorded/SOURCES.txt`
 * says where each came from, REAL or HAND).
 */
export const FIXTURES_DIR = resolve(__dirname, 'recorded');

/** Names of the recorded response files (SOURCES.txt aside). */
export function fixtureNames(): string[] {
	return readdirSync(FIXTURES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
}

export function fixture<T = unknown>(name: string): T {
	return JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8')) as T;
}
