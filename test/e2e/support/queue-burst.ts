import { readFileSync } from 'node:fs';

import { credentialData } from '../../connection/credentialData';
import { JWT_BEARER_GRANT } from '../../sandbox-org/auth/grant-jwt-bearer';
import type { TestOrg } from '../../sandbox-org/testing';
import {
	CREDENTIAL_TYPES,
	LEAD_EXTERNAL_ID_FIELD,
	NODE_TYPES,
	type Authentication,
	type WorkflowJson,
} from './e2e-env';
import type { N8nInstance } from './n8n-instance';

// Many executions of one workflow at once in queue mode, all with one credential: a Webhook
// workflow per credential kind that makes N leads keyed by the call's `run`, upserts them by
// External ID and answers with a summary. Used by test/e2e/queue.e2e.ts and `npm run bench -- --queue`.

export interface Burst {
	authentication: Authentication;
	workflowId: string;
	path: string;
	credential: { id: string; name: string };
	/** The External ID prefix of this burst's leads. */
	keyPrefix: string;
	/** The token endpoint's grant type this credential kind renews its session with. */
	grant: string;
}

const IDS: Record<Authentication, { workflow: string; credential: string; webhook: string }> = {
	clientCredentials: {
		workflow: 'e2eQueueBurstCc1',
		credential: 'sfQueueBurstCc01',
		webhook: '6f1d5a8e-2c1b-4f5e-9a3d-7b2c1e0f9a11',
	},
	jwt: {
		workflow: 'e2eQueueBurstJwt',
		credential: 'sfQueueBurstJwt1',
		webhook: '6f1d5a8e-2c1b-4f5e-9a3d-7b2c1e0f9a12',
	},
	oAuth2: {
		workflow: 'e2eQueueBurstOa2',
		credential: 'sfQueueBurstOa21',
		webhook: '6f1d5a8e-2c1b-4f5e-9a3d-7b2c1e0f9a13',
	},
};

const GRANTS: Record<Authentication, string> = {
	clientCredentials: 'client_credentials',
	jwt: JWT_BEARER_GRANT,
	oAuth2: 'refresh_token',
};

export function burstOf(authentication: Authentication): Burst {
	const ids = IDS[authentication];
	return {
		authentication,
		workflowId: ids.workflow,
		path: `queue-burst-${authentication.toLowerCase()}`,
		credential: { id: ids.credential, name: `Sandbox org (${authentication}, burst)` },
		keyPrefix: `queue-${authentication}-`,
		grant: GRANTS[authentication],
	};
}

/** The External ID of lead `n` (1-based) of call `run`. */
export function burstKey(burst: Burst, run: number, n: number): string {
	return `${burst.keyPrefix}${run}-${String(n).padStart(4, '0')}`;
}

/** The burst's own credential, as `n8n import:credentials` reads it: no session cached in it yet (OAuth2: just connected). */
export async function burstCredential(t: TestOrg, burst: Burst): Promise<object> {
	return {
		...burst.credential,
		type: CREDENTIAL_TYPES[burst.authentication],
		data: await credentialData(t, burst.authentication),
	};
}

/** A Webhook (POST {run}) that makes `leads` leads keyed by the run, upserts them, and answers with a summary. */
export function burstWorkflow(burst: Burst, leads: number): WorkflowJson {
	const generate = `const run = Number($json.body.run);
return Array.from({ length: ${leads} }, (_, i) => {
  const n = String(i + 1).padStart(4, '0');
  return { json: {
    ${LEAD_EXTERNAL_ID_FIELD}: \`${burst.keyPrefix}\${run}-\${n}\`,
    LastName: \`Burst \${run}-\${n}\`,
    Company: 'Queue Mode Test',
    Email: \`lead.\${run}.\${n}@queue.example\`,
  } };
});`;
	const summarize = `const results = $input.all().map((i) => i.json);
return [{ json: {
  run: Number($('Webhook').first().json.body.run),
  executionId: $execution.id,
  written: results.length,
  succeeded: results.filter((r) => r.success === true).length,
} }];`;
	const upsert = 'Create or Update Leads';
	return {
		id: burst.workflowId,
		name: `Queue mode: ${leads} leads per webhook call (${burst.authentication})`,
		versionId: `${burst.workflowId}-v1`.padEnd(36, '0'),
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: IDS[burst.authentication].webhook,
				parameters: {
					httpMethod: 'POST',
					path: burst.path,
					responseMode: 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
			},
			{
				name: 'Generate Leads',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: generate },
			},
			{
				name: upsert,
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					authentication: burst.authentication,
					resource: 'lead',
					operation: 'upsert',
					columns: {
						mappingMode: 'autoMapInputData',
						value: null,
						matchingColumns: [LEAD_EXTERNAL_ID_FIELD],
					},
				},
				credentials: { [CREDENTIAL_TYPES[burst.authentication]]: burst.credential },
			},
			{
				name: 'Summarize',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [660, 0],
				parameters: { jsCode: summarize },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Generate Leads', type: 'main', index: 0 }]] },
			'Generate Leads': { main: [[{ node: upsert, type: 'main', index: 0 }]] },
			[upsert]: { main: [[{ node: 'Summarize', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

export const BURST_UPSERT_NODE = 'Create or Update Leads';

export interface BurstAnswer {
	status: number;
	body: { run?: unknown; written?: unknown; succeeded?: unknown } | null;
}

/** Calls the burst's webhook once per run, all at once; the answers in run order and the wall time. */
export async function fireBurst(
	main: N8nInstance,
	burst: Burst,
	runs: number[],
): Promise<{ answers: BurstAnswer[]; seconds: number }> {
	const started = Date.now();
	const answers = await Promise.all(
		runs.map(async (run) => {
			const res = await fetch(`${main.url}/webhook/${burst.path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run }),
			});
			return {
				status: res.status,
				body: (await res.json().catch(() => null)) as BurstAnswer['body'],
			};
		}),
	);
	return { answers, seconds: (Date.now() - started) / 1000 };
}

/**
 * Ends every session of the org once the org has counted `afterApiCalls` more API calls (the sandbox
 * control "end sessions", as a session timeout or an admin's "revoke" does in the middle of a run).
 */
export function endSessionsAfter(t: TestOrg, afterApiCalls: number): { stop(): boolean } {
	const from = t.org.counters.apiCalls;
	let ended = false;
	const timer = setInterval(() => {
		if (!ended && t.org.counters.apiCalls - from >= afterApiCalls) {
			t.org.sessions.expireAll();
			ended = true;
		}
	}, 5);
	return {
		stop: () => {
			clearInterval(timer);
			return ended;
		},
	};
}

/** Token requests answered with an error (`invalid_grant` and others) since `from` in the org's request log. */
export function refusedTokenRequests(t: TestOrg, fromLogIndex: number): number {
	return t.org.counters.log
		.slice(fromLogIndex)
		.filter((e) => e.path.startsWith('/services/oauth2/token') && e.status >= 400).length;
}

/** The process's peak resident memory (VmHWM, MB), from /proc (Linux); undefined elsewhere. */
export function peakRssMb(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Math.round(Number(match[1]) / 1024) : undefined;
	} catch {
		return undefined;
	}
}
