import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Expression, LoggerProxy } from 'n8n-workflow';

/**
 * What n8n's host process sets up before n8n-core can run a node, done once per test file.
 *
 * - n8n-core reads its settings from `@n8n/config` classes that the DI container builds from
 *   `process.env` the first time they are asked for. `InstanceSettings` (built by every node
 *   context) reads or creates `<N8N_USER_FOLDER>/.n8n/config`, so the user folder is pointed at a
 *   fresh temporary directory: tests never touch `~/.n8n`.
 * - `OutboundHttp` (every `httpRequest`), `LockService` (the OAuth2 refresh lock), `Logger`,
 *   `InstanceSettings`, `PollTriggerExecutor` are `@Service()` classes that `Container.get`
 *   builds on demand; none needs a database. SSRF protection is off by default
 *   (`N8N_SSRF_PROTECTION_ENABLED`), as in n8n, so requests to the sandbox org on 127.0.0.1 pass.
 * - Expressions: n8n-workflow's own default engine is `legacy` (in-process, no native module);
 *   the harness uses it unless `N8N_EXPRESSION_ENGINE=vm`. The n8n 2.x CLI defaults to `vm`
 *   (isolated-vm), which isolated-vm 7.0.1's linux-x64 prebuild for Node 24 runs without any
 *   build. `Expression.initExpressionEngine` loads the runtime with a dynamic `import()`, which
 *   jest refuses without --experimental-vm-modules, so the vm engine is started here the same
 *   way with `require`. Call `disposeN8nEnvironment()` in `afterAll` when it is on.
 */

export type ExpressionEngine = 'legacy' | 'vm';

let prepared: Promise<void> | undefined;

/** Sets the environment variables n8n-core reads; runs on import, before any `Container.get`. */
function setProcessEnvironment(): void {
	const env = process.env;
	env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-harness-'));
	// A fixed key: InstanceSettings writes it to the settings file instead of generating one.
	env.N8N_ENCRYPTION_KEY ??= 'n8n-harness-test-encryption-key';
	// n8n-core's error reporter logs every node error with its stack; set N8N_LOG_LEVEL to see it.
	env.N8N_LOG_LEVEL ??= 'silent';
	env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
	env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
}

setProcessEnvironment();

export function expressionEngine(): ExpressionEngine {
	return process.env.N8N_EXPRESSION_ENGINE === 'vm' ? 'vm' : 'legacy';
}

/** What `Expression.initExpressionEngine({ engine: 'vm', ... })` does, with the CLI's defaults. */
async function startVmEngine(): Promise<void> {
	// Loaded only for the vm engine (TypeScript compiles these imports to `require`).
	const { ExpressionEvaluator, IsolatedVmBridge } = await import('@n8n/expression-runtime');
	const { expressionSandboxHooks } = await import('n8n-workflow/dist/cjs/expression-sandboxing.js');
	const evaluator = new ExpressionEvaluator({
		createBridge: () =>
			new IsolatedVmBridge({ timeout: 5000, memoryLimit: 128, logger: LoggerProxy }),
		maxCodeCacheSize: 1024,
		poolSize: 1,
		hooks: expressionSandboxHooks,
		logger: LoggerProxy,
	});
	await evaluator.initialize();
	Expression.setExpressionEngine('vm');
	Object.assign(Expression, { vmEvaluator: evaluator });
}

/** Prepares the process once (idempotent). Every harness entry point awaits it. */
export async function prepareN8nEnvironment(): Promise<void> {
	prepared ??= (async () => {
		if (expressionEngine() === 'vm') await startVmEngine();
	})();
	await prepared;
}

/** Releases the expression isolates (a no-op with the legacy engine). */
export async function disposeN8nEnvironment(): Promise<void> {
	const wasPrepared = prepared;
	prepared = undefined;
	await wasPrepared?.catch(() => undefined);
	await Expression.disposeExpressionEngine();
	Expression.setExpressionEngine('legacy');
}
