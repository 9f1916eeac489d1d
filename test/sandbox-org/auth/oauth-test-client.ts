import { createHash, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { TestOrg } from '../testing';

// An OAuth client for the tests, driving the sandbox over HTTP the way n8n's OAuth2 "Connect" button
// and a browser do: no shortcuts into the org.

export const CALLBACK_URL = 'http://localhost:5678/rest/oauth2-credential/callback';

export interface HttpResult {
	status: number;
	headers: Headers;
	text: string;
	/** The body as JSON, when it is JSON. */
	json: Record<string, unknown> | undefined;
}

async function request(url: string, init: RequestInit = {}): Promise<HttpResult> {
	const res = await fetch(url, { redirect: 'manual', ...init });
	const text = await res.text();
	let json: Record<string, unknown> | undefined;
	try {
		json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** POSTs a form, as OAuth clients do. */
export function postForm(
	url: string,
	fields: Record<string, string | undefined>,
	headers: Record<string, string> = {},
): Promise<HttpResult> {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) if (v !== undefined) body.set(k, v);
	return request(url, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'application/json',
			...headers,
		},
		body: body.toString(),
	});
}

export function get(url: string, headers: Record<string, string> = {}): Promise<HttpResult> {
	return request(url, { headers });
}

/** `Basic base64(id:secret)`, as n8n's client-oauth2 builds it (no form encoding). */
export function basicAuth(clientId: string, clientSecret: string): string {
	return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

export interface Pkce {
	verifier: string;
	challenge: string;
}

export function newPkce(): Pkce {
	const verifier = randomBytes(48).toString('base64url');
	return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorize URL n8n builds: client_id, redirect_uri, response_type, state, scope (and PKCE). */
export function authorizeUrl(t: TestOrg, params: Record<string, string | undefined>): string {
	const url = new URL('/services/oauth2/authorize', t.url);
	for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
	return url.toString();
}

/** What a browser submits from the login page: its hidden fields as they are, plus what the person typed and clicked. */
export function formFieldsOf(html: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
		fields[unescapeHtml(m[1])] = unescapeHtml(m[2]);
	return fields;
}

export async function submitLoginPage(
	t: TestOrg,
	pageHtml: string,
	input: { username?: string; password?: string; decision: 'allow' | 'deny' },
): Promise<HttpResult> {
	const action = /<form[^>]*action="([^"]+)"/.exec(pageHtml)?.[1];
	if (!action) throw new Error('the page has no form');
	return postForm(new URL(action, t.url).toString(), {
		...formFieldsOf(pageHtml),
		username: input.username,
		password: input.password,
		decision: input.decision,
	});
}

/** The query of a redirect's Location, read as n8n's callback reads it. */
export function callbackQuery(result: HttpResult): URLSearchParams {
	const location = result.headers.get('location');
	if (!location)
		throw new Error(`expected a redirect, got ${result.status}: ${result.text.slice(0, 200)}`);
	return new URL(location).searchParams;
}

/** Logs in on the page and allows access; returns the callback's query (code and state). */
export async function authorizeAndAllow(
	t: TestOrg,
	params: Record<string, string | undefined>,
): Promise<URLSearchParams> {
	const page = await get(authorizeUrl(t, params));
	if (page.status !== 200)
		throw new Error(`authorize page answered ${page.status}: ${page.text.slice(0, 200)}`);
	const submitted = await submitLoginPage(t, page.text, {
		username: t.identity.username,
		password: t.identity.password,
		decision: 'allow',
	});
	return callbackQuery(submitted);
}

export function tokenUrl(t: TestOrg): string {
	return `${t.url}/services/oauth2/token`;
}

/** Signs a JWT bearer assertion with a PEM private key (PKCS#8 or PKCS#1). */
export function signAssertion(
	privateKeyPath: string,
	claims: Record<string, unknown>,
	header: Record<string, unknown> = { alg: 'RS256' },
): string {
	const encode = (part: Record<string, unknown>) =>
		Buffer.from(JSON.stringify(part)).toString('base64url');
	const signingInput = `${encode(header)}.${encode(claims)}`;
	const signature = sign(
		'RSA-SHA256',
		Buffer.from(signingInput),
		readFileSync(privateKeyPath, 'utf8'),
	).toString('base64url');
	return `${signingInput}.${signature}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

function unescapeHtml(value: string): string {
	return value.replace(
		/&(?:#(\d+)|(\w+));/g,
		(whole, code: string | undefined, name: string | undefined) =>
			code ? String.fromCharCode(Number(code)) : (ENTITIES[name ?? ''] ?? whole),
	);
}

/**
 * A REST API call with an access token. The session check comes before routing, so any status but
 * 401 means the token was taken, whether or not the resource exists yet.
 */
export async function dataApiCall(
	t: TestOrg,
	accessToken: string,
): Promise<{ status: number; body: unknown }> {
	const res = await get(`${t.dataUrl}/limits`, { Authorization: `Bearer ${accessToken}` });
	return { status: res.status, body: res.text ? (JSON.parse(res.text) as unknown) : undefined };
}

/** What n8n's "Connect" button ends with: the web-server flow run through, the token response's body. */
export async function connect(
	t: TestOrg,
	scope = 'full refresh_token',
	clientId = t.identity.clientId,
	clientSecret = t.identity.clientSecret,
): Promise<Record<string, string>> {
	const query = await authorizeAndAllow(t, {
		client_id: clientId,
		redirect_uri: CALLBACK_URL,
		response_type: 'code',
		state: 'state-1',
		scope,
	});
	const res = await postForm(
		tokenUrl(t),
		{ code: query.get('code') ?? '', grant_type: 'authorization_code', redirect_uri: CALLBACK_URL },
		{ Authorization: basicAuth(clientId, clientSecret) },
	);
	if (res.status !== 200 || !res.json)
		throw new Error(`code exchange answered ${res.status}: ${res.text}`);
	return res.json as Record<string, string>;
}

/** A refresh as n8n's client-oauth2 sends it: grant_type and refresh_token in the body, the client in a Basic header. */
export function refresh(
	t: TestOrg,
	refreshToken: string,
	clientId = t.identity.clientId,
	clientSecret: string | undefined = t.identity.clientSecret,
): Promise<HttpResult> {
	const headers: Record<string, string> =
		clientSecret === undefined ? {} : { Authorization: basicAuth(clientId, clientSecret) };
	return postForm(
		tokenUrl(t),
		{
			refresh_token: refreshToken,
			grant_type: 'refresh_token',
			client_id: clientSecret === undefined ? clientId : undefined,
		},
		headers,
	);
}
