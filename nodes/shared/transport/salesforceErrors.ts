import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { ApiUsage } from './limitInfo';

/** Thrown by the transport when the org's daily API allowance is spent: never retried. */
export class ApiLimitError extends Error {
	readonly errorCode = 'REQUEST_LIMIT_EXCEEDED';

	constructor(
		readonly salesforceMessage: string,
		readonly usage: ApiUsage | undefined,
	) {
		super(salesforceMessage);
	}
}

/**
 * Salesforce answered a REST request with an error: its `errorCode` (the error's name too, as
 * jsforce names it), `message` and `fields`, and the HTTP status.
 */
export class SalesforceApiError extends Error {
	readonly errorCode: string;
	readonly fields: string[];
	readonly statusCode: number;
	readonly data: unknown;

	constructor(p: {
		errorCode: string;
		message: string;
		fields: string[];
		statusCode: number;
		data?: unknown;
	}) {
		super(p.message);
		this.name = p.errorCode;
		this.errorCode = p.errorCode;
		this.fields = p.fields;
		this.statusCode = p.statusCode;
		this.data = p.data;
	}
}

/** The org has no object of this name (Salesforce answered its describe with NOT_FOUND). */
export class UnknownObjectError extends Error {
	constructor(
		readonly objectName: string,
		readonly salesforceMessage: string,
	) {
		super(
			`There is no object named "${objectName}" in your org (or the connected user cannot see it)`,
		);
	}
}

/** A request that got no answer (after the retries it was allowed). Carries no request data. */
export class SalesforceNetworkError extends Error {
	constructor(
		readonly code: string,
		readonly host: string,
		readonly attempts: number,
	) {
		super(`Could not reach Salesforce at ${host} (${code || 'no answer'})`);
	}
}

/**
 * n8n could not sign the request: the credential's session could not be started or renewed (a
 * revoked OAuth2 refresh token, a JWT or client credentials login that Salesforce refused). Carries
 * only the message n8n or the credential gave, never the request.
 */
export class SalesforceCredentialError extends Error {
	readonly errorCode = 'CREDENTIAL_ERROR';

	constructor(
		message: string,
		/** The HTTP status of the token endpoint's answer, when it gave one. */
		readonly loginStatus?: number,
	) {
		super(message);
	}
}

interface SalesforceErrorShape {
	errorCode?: string;
	message?: string;
	fields?: string[];
	data?: { fields?: string[]; errorCode?: string; message?: string };
}

/** What a no-code operator should read for an error code: a title and what to do. */
const PLAIN_WORDS: Record<string, { title: string; advice: string }> = {
	INVALID_SESSION_ID: {
		title: 'The Salesforce session ended and could not be renewed',
		advice:
			'Open the credential and reconnect it (OAuth2), or check that the connected app still lets this user log in (JWT, client credentials).',
	},
	API_DISABLED_FOR_ORG: {
		title: 'The Salesforce user of this credential may not use the API',
		advice:
			'Give the user the "API Enabled" permission (in their profile or a permission set). Some Salesforce editions have no API access at all.',
	},
	API_CURRENTLY_DISABLED: {
		title: 'The Salesforce API is switched off for this user',
		advice: 'Give the user the "API Enabled" permission (in their profile or a permission set).',
	},
	INSUFFICIENT_ACCESS_OR_READONLY: {
		title: 'The Salesforce user of this credential may not do this',
		advice:
			'Give the user access to the object and records involved (profile, permission set or sharing).',
	},
	INVALID_FIELD: {
		title: 'Salesforce does not know a field of this request',
		advice: 'Check the field names against the object in Salesforce Setup > Object Manager.',
	},
	INVALID_TYPE: {
		title: 'Salesforce does not know this object',
		advice: 'Check the object name; custom objects end in __c.',
	},
	MALFORMED_QUERY: {
		title: 'Salesforce could not read the query',
		advice: 'Check the SOQL query or the filter values.',
	},
	NOT_FOUND: {
		title: 'Salesforce found no such record',
		advice: 'The record may have been deleted, or the Id or external ID is wrong.',
	},
	REQUEST_LIMIT_EXCEEDED: {
		title: 'Salesforce is running too many long requests of your org at once',
		advice:
			"Salesforce refused this request until some of the org's long-running requests finish; it was tried again with pauses and still refused. Run the workflow again in a few minutes.",
	},
	ENTITY_IS_DELETED: {
		title: 'The record was deleted',
		advice: 'Restore it from the Recycle Bin or use another record.',
	},
	REQUIRED_FIELD_MISSING: {
		title: 'A required field is empty',
		advice: 'Fill in the fields Salesforce names.',
	},
	INVALID_EMAIL_ADDRESS: {
		title: 'An email address is not valid',
		advice: 'Correct the email address.',
	},
	DUPLICATE_VALUE: {
		title: 'Another record already has this unique value',
		advice: 'Use another value, or update the existing record instead.',
	},
	FIELD_CUSTOM_VALIDATION_EXCEPTION: {
		title: 'A validation rule of your org refused the record',
		advice: "Change the values so that the org's validation rule accepts them.",
	},
	UNABLE_TO_LOCK_ROW: {
		title: 'Salesforce kept the record locked',
		advice: 'Another process was changing it; run the workflow again later.',
	},
	SERVER_UNAVAILABLE: {
		title: 'Salesforce is not available right now',
		advice: 'Salesforce answered "server unavailable" to every try; run the workflow again later.',
	},
};

/**
 * Turns any error of a Salesforce call into an n8n NodeApiError with the error code, the fields
 * involved, Salesforce's message and a plain-words description. Nothing of the request (headers,
 * tokens, bodies) is carried over.
 */
export function toNodeApiError(node: INode, error: unknown, itemIndex?: number): NodeApiError {
	if (error instanceof NodeApiError && (error.context?.errorCode as string | undefined))
		return error;
	if (error instanceof ApiLimitError) {
		const usage = error.usage
			? ` (${error.usage.used.toLocaleString('en-US')} of ${error.usage.max.toLocaleString('en-US')} calls used in the last 24 hours)`
			: '';
		return build(node, {
			errorCode: error.errorCode,
			salesforceMessage: error.salesforceMessage,
			fields: [],
			httpCode: '403',
			title: "Your Salesforce org's daily API allowance is spent",
			advice: `Salesforce refuses API calls from every app of the org until its usage falls below the daily allowance${usage}; retrying soon does not help. Ask your Salesforce admin (Setup > Company Information > API Requests, Last 24 Hours).`,
			itemIndex,
		});
	}
	if (error instanceof SalesforceNetworkError) {
		return build(node, {
			errorCode: error.code || 'NETWORK_ERROR',
			salesforceMessage: error.message,
			fields: [],
			title: 'Could not reach Salesforce',
			advice: `No answer from ${error.host} after ${error.attempts} ${error.attempts === 1 ? 'try' : 'tries'}. Check the credential's environment or My Domain URL, and this server's connection.`,
			itemIndex,
		});
	}
	if (
		error instanceof SalesforceCredentialError &&
		error.loginStatus !== undefined &&
		error.loginStatus >= 500
	) {
		return build(node, {
			errorCode: `LOGIN_HTTP_${error.loginStatus}`,
			salesforceMessage: error.message,
			fields: [],
			title:
				"The Salesforce credential could not renew its session: Salesforce's login service is not answering",
			advice:
				"This is on Salesforce's side, not in the credential: run the workflow again later. If it keeps failing, open the credential and reconnect it.",
			itemIndex,
		});
	}
	if (error instanceof SalesforceCredentialError) {
		return build(node, {
			errorCode: error.errorCode,
			salesforceMessage: error.message,
			fields: [],
			title: 'The Salesforce credential could not start a session',
			advice:
				'Open the credential: an OAuth2 credential needs "Reconnect"; for JWT and client credentials, its Test button says what to fix.',
			itemIndex,
		});
	}
	const e = (error ?? {}) as SalesforceErrorShape & Error;
	const errorCode =
		e.errorCode ??
		e.data?.errorCode ??
		(e.name && /^[A-Z_]+$/.test(e.name) ? e.name : 'UNKNOWN_ERROR');
	const fields = e.fields ?? e.data?.fields ?? [];
	const salesforceMessage = e.message ?? e.data?.message ?? String(error);
	const plain = PLAIN_WORDS[errorCode] ?? { title: 'Salesforce refused the request', advice: '' };
	return build(node, {
		errorCode,
		salesforceMessage,
		fields,
		title: plain.title,
		advice: plain.advice,
		itemIndex,
	});
}

function build(
	node: INode,
	p: {
		errorCode: string;
		salesforceMessage: string;
		fields: string[];
		title: string;
		advice: string;
		httpCode?: string;
		itemIndex?: number;
	},
): NodeApiError {
	const fieldsText = p.fields.length > 0 ? ` Fields: ${p.fields.join(', ')}.` : '';
	const err = new NodeApiError(
		node,
		{ errorCode: p.errorCode, message: p.salesforceMessage, fields: p.fields } as JsonObject,
		{
			message: `${p.title} [${p.errorCode}]`,
			description: `Salesforce said: ${p.salesforceMessage.replace(/\.$/, '')}.${fieldsText}${p.advice ? ` ${p.advice}` : ''}`,
			httpCode: p.httpCode,
			itemIndex: p.itemIndex,
		},
	);
	// NodeApiError rewrites the message of known network codes (ECONNREFUSED, ...); ours is meant.
	err.message = `${p.title} [${p.errorCode}]`;
	err.context.errorCode = p.errorCode;
	err.context.fields = p.fields;
	err.context.salesforceMessage = p.salesforceMessage;
	return err;
}
