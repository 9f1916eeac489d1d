import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The recorded real-org responses live beside the repository (`../shared/fixtures/salesforce`);
 * SALESFORCE_FIXTURES overrides the folder.
 */
export const FIXTURES_DIR = process.env.SALESFORCE_FIXTURES ?? resolve(__dirname, '../../../../shared/fixtures/salesforce');

export const fixturesAvailable = existsSync(FIXTURES_DIR);

/** Names of the recorded response files (SOURCES.txt aside). */
export function fixtureNames(): string[] {
	return readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.json')).sort();
}

export function fixture<T = unknown>(name: string): T {
	return JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8')) as T;
}
