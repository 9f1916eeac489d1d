import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { registerOAuthRoutes } from './auth/oauth';
import { Sessions } from './auth/sessions';
import { Clock } from './core/clock';
import { makeId } from './core/ids';
import { demoFlows, flowDefinitionRow, type SandboxFlow } from './core/flows';
import { Counters, type Faults } from './core/observe';
import { caseStatusRows, standardSchema } from './core/objects';
import type { Schema } from './core/schema';
import { Store } from './core/store';
import { Router } from './http/router';
import { registerBulkQueryRoutes } from './rest/bulk-query';
import { organizationRow } from './core/organization-object';
import { registerCollectionRoutes } from './rest/collections';
import { registerCompositeRoutes } from './rest/composite';
import { registerConnectRoutes } from './rest/connect';
import { registerFlowActionRoutes } from './rest/flow-actions';
import { ConnectRateLimit } from './rest/connect-rate-limit';
import { registerLimitsRoutes } from './rest/limits';
import { registerReplicationRoutes } from './rest/replication';
import { registerSObjectRoutes } from './rest/sobjects';
import { registerQueryRoutes } from './soql/routes';

export const DEMO_KEYS_DIR = join(__dirname, 'demo-keys');

/** A connected app (or External Client App) as the org's admin set it up. */
export interface ConnectedApp {
	name: string;
	clientId: string;
	clientSecret: string;
	/** Allowed callback URLs; empty allows any (the sandbox's default, so n8n's callback works on any port). */
	callbackUrls: string[];
	/** PEM certificates uploaded for the JWT bearer flow. */
	certificates: string[];
	/** Users pre-authorized for the JWT bearer and client credentials flows ("Admin approved users are pre-authorized"). */
	preAuthorizedUserIds: Set<string>;
	/** The run-as user of the client credentials flow; the flow is off without one. */
	clientCredentialsUserId?: string;
	/** When on, each refresh issues a new refresh token and the old one stops working. */
	rotateRefreshTokens?: boolean;
	/** "Require Secret for Web Server Flow": on unless set to false (Salesforce's default); off lets a PKCE client exchange a code without the secret. */
	requireSecretForWebServerFlow?: boolean;
}

export interface OrgUserLogin {
	userId: string;
	username: string;
	password: string;
	/** When false, the user lacks the "API Enabled" permission: sessions work, REST calls answer API_DISABLED_FOR_ORG. */
	apiEnabled: boolean;
}

/** One message of a messaging conversation. */
export interface ConversationEntry {
	identifier: string;
	/** EndUser, Agent, Chatbot or System. */
	senderRole: 'EndUser' | 'Agent' | 'Chatbot' | 'System';
	/** Display name of the sender. */
	senderName: string;
	/** The sender's record (a User Id for agents, a MessagingEndUser Id for customers). */
	senderSubject: string;
	messageText: string;
	/** Epoch ms when the server received it. */
	timestamp: number;
	/** Records the entry relates to (the MessagingSession Id). */
	relatedRecords: string[];
}

export interface SandboxOrgOptions {
	/** Seed of the demo data (same seed, same data). */
	seed?: number;
	/** How many demo cases; 0 for an org with only its users, queues and connected app. */
	cases?: number;
	/** The org's daily API allowance (Sforce-Limit-Info's MAX). */
	dailyApiLimit?: number;
	/** How long a session lasts before 401 INVALID_SESSION_ID. */
	sessionLifetimeMs?: number;
	/** Fix the clock at this time (epoch ms) instead of real time. */
	frozenAt?: number;
}

export const DEMO = {
	username: 'agent@sandbox-org.example',
	password: 'sandbox-demo-password',
	clientId: '3MVG9SandboxOrgDemoConnectedAppConsumerKey.n8nNodesSalesforceServiceCloud',
	clientSecret: 'SANDBOXDEMOSECRET0123456789ABCDEF0123456789ABCDEF',
} as const;

/**
 * A Salesforce org, in memory: schema, data, sessions and connected apps, fault injection and
 * counters. `server.ts` puts it on HTTP; tests may also reach into it directly.
 */
export class SandboxOrg {
	readonly clock = new Clock();
	readonly schema: Schema = standardSchema();
	readonly store: Store;
	readonly orgId = makeId('00D', 42);
	readonly sessions: Sessions;
	readonly counters = new Counters();
	readonly faults: Faults = { latencyMs: 0, failNext: { count: 0, kind: 'SERVER_UNAVAILABLE' } };
	readonly apps: ConnectedApp[] = [];
	readonly logins: OrgUserLogin[] = [];
	/** Salesforce's daily API allowance; Developer Edition orgs have 15,000. */
	dailyApiLimit: number;
	/** API calls used today before the sandbox started counting (Sforce-Limit-Info's USED = this + counters.apiCalls). */
	apiUsageOffset = 0;
	/** Pending authorization codes of the web-server flow. */
	readonly authorizationCodes = new Map<
		string,
		{
			clientId: string;
			userId: string;
			redirectUri: string;
			scopes: string[];
			codeChallenge?: string;
			codeChallengeMethod?: string;
			expiresAt: number;
		}
	>();

	/**
	 * Messaging conversation entries by Conversation.ConversationIdentifier, as the Connect API serves
	 * them (the ConversationEntry object does not carry the message text).
	 */
	readonly conversations = new Map<string, ConversationEntry[]>();
	/** The Connect REST API's calls per user and app in the last hour, and its hourly limit. */
	readonly connectRateLimit = new ConnectRateLimit(() => this.clock.now());

	/** The org's flows (FlowDefinitionView has a row for each); the autolaunched ones run through `/actions/custom/flow/`. */
	readonly flows: SandboxFlow[] = demoFlows();

	readonly dataRouter = new Router();
	readonly authRouter = new Router();

	constructor(options: SandboxOrgOptions = {}) {
		if (options.frozenAt !== undefined) this.clock.freeze(options.frozenAt);
		this.store = new Store(this.schema, this.clock);
		this.sessions = new Sessions(this.clock, this.orgId);
		if (options.sessionLifetimeMs !== undefined)
			this.sessions.lifetimeMs = options.sessionLifetimeMs;
		this.dailyApiLimit = options.dailyApiLimit ?? 15000;

		this.syncCaseStatuses();
		for (const flow of this.flows) this.store.insert('FlowDefinitionView', flowDefinitionRow(flow));
		this.store.insert('Organization', organizationRow('Sandbox Org'), { id: this.orgId });

		registerQueryRoutes(this.dataRouter);
		// Before the sObject routes: `/sobjects/T/updated` would otherwise read as a record Id.
		registerReplicationRoutes(this.dataRouter);
		registerSObjectRoutes(this.dataRouter);
		registerCollectionRoutes(this.dataRouter);
		registerCompositeRoutes(this.dataRouter);
		registerLimitsRoutes(this.dataRouter);
		registerConnectRoutes(this.dataRouter);
		registerFlowActionRoutes(this.dataRouter);
		registerBulkQueryRoutes(this.dataRouter);
		registerOAuthRoutes(this.authRouter);
	}

	/**
	 * The CaseStatus rows (how a real org lists which Case statuses close a case), rewritten from the
	 * Case Status picklist and `store.closedStatuses`; call again after changing the closed statuses.
	 */
	syncCaseStatuses(): void {
		for (const row of this.store.rows('CaseStatus'))
			this.store.delete('CaseStatus', row.Id as string);
		for (const row of caseStatusRows(this.schema, this.store.closedStatuses))
			this.store.insert('CaseStatus', row);
	}

	/** API calls counted today, as Sforce-Limit-Info reports them. */
	get apiUsage(): number {
		return this.apiUsageOffset + this.counters.apiCalls;
	}

	/** Adds an active user who can log in, and returns its Id. */
	addUser(user: {
		firstName: string;
		lastName: string;
		email: string;
		username?: string;
		password?: string;
		title?: string;
		apiEnabled?: boolean;
		active?: boolean;
	}): string {
		const username = user.username ?? user.email;
		const id = this.store.insert('User', {
			FirstName: user.firstName,
			LastName: user.lastName,
			Email: user.email,
			Username: username,
			Alias: (user.firstName.charAt(0) + user.lastName).slice(0, 8).toLowerCase(),
			IsActive: user.active ?? true,
			Title: user.title ?? null,
			UserType: 'Standard',
		});
		if (!this.store.defaultUserId) this.store.defaultUserId = id;
		this.logins.push({
			userId: id,
			username,
			password: user.password ?? `${username}-password`,
			apiEnabled: user.apiEnabled ?? true,
		});
		return id;
	}

	/** Adds a case queue (a Group of type Queue with a QueueSobject row for Case) and returns its Id. */
	addQueue(
		name: string,
		developerName = name.replace(/[^A-Za-z0-9]+/g, '_'),
		sobjectTypes: string[] = ['Case'],
	): string {
		const id = this.store.insert('Group', {
			Name: name,
			DeveloperName: developerName,
			Type: 'Queue',
		});
		for (const t of sobjectTypes)
			this.store.insert('QueueSobject', { QueueId: id, SobjectType: t });
		return id;
	}

	/** Registers a connected app. */
	addConnectedApp(
		app: Partial<ConnectedApp> & Pick<ConnectedApp, 'clientId' | 'clientSecret'>,
	): ConnectedApp {
		const full: ConnectedApp = {
			name: 'Connected App',
			callbackUrls: [],
			certificates: [],
			preAuthorizedUserIds: new Set(),
			...app,
		};
		this.apps.push(full);
		return full;
	}

	app(clientId: string): ConnectedApp | undefined {
		return this.apps.find((a) => a.clientId === clientId);
	}

	login(userId: string): OrgUserLogin | undefined {
		return this.logins.find((l) => l.userId === userId);
	}

	/** The demo key pair and certificate for the JWT bearer flow (generated once, committed: a demo key for a local org only). */
	static demoKeyPaths(): { privateKeyPath: string; certificatePath: string } {
		return {
			privateKeyPath: join(DEMO_KEYS_DIR, 'demo-private-key.pem'),
			certificatePath: join(DEMO_KEYS_DIR, 'demo-certificate.pem'),
		};
	}

	static demoCertificate(): string {
		return readFileSync(SandboxOrg.demoKeyPaths().certificatePath, 'utf8');
	}
}
