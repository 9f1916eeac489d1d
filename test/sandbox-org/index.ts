import type { Server } from 'node:http';

import { setUpDemoIdentity, type DemoIdentity } from './demo/identity';
import { generateDemoData, type DemoDataSummary } from './demo/generate';
import { baseUrlOf, createOrgServer } from './http/server';
import { SandboxOrg, type SandboxOrgOptions } from './org';

export { SandboxOrg } from './org';
export type { SandboxOrgOptions } from './org';

export interface StartOptions extends SandboxOrgOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	host?: string;
}

export interface RunningSandboxOrg {
	/** Where the org answers: login, token and instance URL alike. */
	url: string;
	org: SandboxOrg;
	identity: DemoIdentity;
	data: DemoDataSummary;
	close(): Promise<void>;
}

/** Starts a sandbox org with its demo identity and `cases` demo cases (default 50), on HTTP. */
export async function startSandboxOrg(options: StartOptions = {}): Promise<RunningSandboxOrg> {
	const org = new SandboxOrg(options);
	const identity = setUpDemoIdentity(org);
	const data = generateDemoData(org, { seed: options.seed ?? 1, cases: options.cases ?? 50 });
	org.counters.reset();
	const server: Server = createOrgServer(org);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	return {
		url: baseUrlOf(server),
		org,
		identity,
		data,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
