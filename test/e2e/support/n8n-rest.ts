// n8n's own REST API (the one its editor calls), signed in as the instance owner.

/** The owner account the suite and `npm start` create. n8n wants 8+ characters with a number and a capital letter. */
export const OWNER = {
	email: 'demo@sandbox-org.example',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'SandboxDemo1',
};

/** n8n ties a session cookie to the browser that signed in; the suite is one "browser". */
const BROWSER_ID = 'e2e-suite-browser';

export class N8nRestClient {
	private cookie = '';

	constructor(private readonly baseUrl: string) {}

	async request<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		const res = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON (an icon, a page)
		}
		return { status: res.status, body: parsed as T };
	}

	/** GET/POST that must answer 2xx; returns n8n's `data` envelope's content. */
	async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await this.request<{ data?: T } | T>(method, path, body);
		if (res.status < 200 || res.status > 299)
			throw new Error(
				`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 1000)}`,
			);
		const payload = res.body as { data?: T };
		return (
			payload && typeof payload === 'object' && 'data' in payload ? payload.data : res.body
		) as T;
	}

	/** Creates the owner on a new instance (or signs in when it has one). */
	async signInAsOwner(): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', OWNER);
		if (setup.status >= 200 && setup.status < 300) return;
		const login = await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
		if (login.status !== 200)
			throw new Error(
				`cannot sign in to n8n: setup ${setup.status} ${JSON.stringify(setup.body)}, login ${login.status} ${JSON.stringify(login.body)}`,
			);
	}

	/** Raw bytes and content type of a path (icons). */
	async fetchRaw(path: string): Promise<{ status: number; type: string; body: string }> {
		const res = await fetch(`${this.baseUrl}${path}`, {
			headers: { 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}) },
		});
		return {
			status: res.status,
			type: res.headers.get('content-type') ?? '',
			body: await res.text(),
		};
	}
}
