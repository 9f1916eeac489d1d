/** The end-to-end suite (`npm run e2e`): a real n8n per version, one test file at a time (scripts/e2e.sh). */
const base = require('./jest.config');

/** test/e2e/queue.e2e.ts and queue-*.e2e.ts, which `npm run e2e:queue` runs (it overrides this list). */
const QUEUE_E2E = '/queue(-[\\w-]+)?\\.e2e\\.ts$';

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// Queue mode (Postgres, Redis, workers) runs on its own: scripts/e2e-queue.sh.
	testPathIgnorePatterns: ['/node_modules/', QUEUE_E2E],
	testTimeout: 15 * 60 * 1000,
	maxWorkers: 1,
};
