/** The end-to-end suite (`npm run e2e`): a real n8n per version, one test file at a time (scripts/e2e.sh). */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	testTimeout: 15 * 60 * 1000,
	maxWorkers: 1,
};
