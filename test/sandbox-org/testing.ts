import type { FieldSpec } from './core/fields';
import { startSandboxOrg, type RunningSandboxOrg, type StartOptions } from './index';

/** A running sandbox org for a test, with a session for the demo user and a small fetch helper. */
export interface TestOrg extends RunningSandboxOrg {
	/** An access token of the demo user, issued directly (no token request is counted). */
	token: string;
	/** `/services/data/v62.0` under the org's URL. */
	dataUrl: string;
	/** Calls the org: `path` is absolute (`/services/...`) or relative to the data URL (`/query?q=...`). */
	api(
		method: string,
		path: string,
		body?: unknown,
		headers?: Record<string, string>,
	): Promise<{ status: number; body: any; headers: Headers }>;
}

export const API_VERSION = '62.0';

/** A unique external ID text field (80 characters unless `more` says otherwise), for upsert tests. */
export function externalIdField(name = 'Ext_Id__c', more: Partial<FieldSpec> = {}): FieldSpec {
	return { name, type: 'string', externalId: true, unique: true, length: 80, ...more };
}

export async function startTestOrg(options: StartOptions = {}): Promise<TestOrg> {
	const running = await startSandboxOrg({ cases: 0, ...options });
	const session = running.org.sessions.issue(running.identity.userId, running.identity.clientId, [
		'api',
		'refresh_token',
	]);
	const dataUrl = `${running.url}/services/data/v${API_VERSION}`;
	const api: TestOrg['api'] = async (method, path, body, headers = {}) => {
		const url =
			path.startsWith('/services/') || path.startsWith('/__sandbox/') || path.startsWith('/id/')
				? `${running.url}${path}`
				: `${dataUrl}${path}`;
		const res = await fetch(url, {
			method,
			headers: {
				Authorization: `Bearer ${session.accessToken}`,
				...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
				...headers,
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			/* not JSON: keep the text */
		}
		return { status: res.status, body: parsed, headers: res.headers };
	};
	return { ...running, token: session.accessToken, dataUrl, api };
}
