// npm run bench [-- --json] [-- --skip-100k] [-- --queue | --queue-only]: the trigger's cost against
// the sandbox org, the action node's write costs, the write path's reliability under random faults,
// and the conversation text (`thread`: new-text scores on the corpus next to the libraries alone, and
// its speed). `queue.*` (n8n in queue mode with Postgres, Redis and workers, scripts/benchQueue.ts)
// only with --queue (in addition) or --queue-only (nothing else): it starts real n8n processes.
// The sandbox runs in a child process, so that this process's memory is the trigger's alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import type {
	IDataObject,
	INodeCredentials,
	INodeExecutionData,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';

import { SalesforceServiceCloudClientCredentialsApi } from '../credentials/SalesforceServiceCloudClientCredentialsApi.credentials';
import { useFilesystemBinaryData } from '../test/n8n/binary-data';
import { N8nHarness } from '../test/n8n/harness';
import type { PollOutcome } from '../test/n8n/poll';
import { measureReliability } from '../test/reliability/faultInjection';
import { externalIdField } from '../test/sandbox-org/testing';
import { benchRedaction } from '../test/thread/redaction/benchRedaction';
import { benchQueue, queueFiguresSkipped } from './benchQueue';
import { benchThread } from './benchThread';

// tsx resolves `….node` to the node's codex file (`….node.json`), so the TypeScript files are named.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SalesforceServiceCloudTrigger } =
	require('../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node.ts') as typeof import('../nodes/SalesforceServiceCloudTrigger/SalesforceServiceCloudTrigger.node');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SalesforceServiceCloud } =
	require('../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node.ts') as typeof import('../nodes/SalesforceServiceCloud/SalesforceServiceCloud.node');

/** Latency added to every request of the action benchmark, as a real org's round trip. */
const LATENCY_MS = 50;

interface Sandbox {
	url: string;
	clientId: string;
	clientSecret: string;
	child: ChildProcess;
}

const { values: args } = parseArgs({
	options: {
		json: { type: 'boolean', default: false },
		'skip-100k': { type: 'boolean', default: false },
		queue: { type: 'boolean', default: false },
		'queue-only': { type: 'boolean', default: false },
		/** Only the 100,000-case imports (REST and Bulk API), for measuring them alone. */
		'only-100k': { type: 'boolean', default: false },
		/** With --only-100k: only this import method (bulk or rest). */
		'import-method': { type: 'string' },
	},
});
const log = (line: string) => {
	if (!args.json) console.log(line);
};

/** n8n's engine with the client-credentials credential of the sandbox org, for `node`. */
function harnessFor(sandbox: Sandbox, node: INodeType | IVersionedNodeType) {
	const n8n = new N8nHarness({
		credentials: [new SalesforceServiceCloudClientCredentialsApi()],
		nodes: [node],
	});
	const ref = n8n.addCredential('salesforceServiceCloudClientCredentialsApi', {
		myDomainUrl: sandbox.url,
		clientId: sandbox.clientId,
		clientSecret: sandbox.clientSecret,
	});
	const credentials: INodeCredentials = { salesforceServiceCloudClientCredentialsApi: ref };
	return { n8n, credentials };
}

async function startSandbox(cases: number): Promise<Sandbox> {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			join(__dirname, '../test/sandbox-org/cli.ts'),
			'--json',
			'--port',
			'0',
			'--cases',
			String(cases),
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
	return { ...(JSON.parse(line) as Omit<Sandbox, 'child'>), child };
}

async function control(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<Record<string, unknown>> {
	const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await res.json()) as Record<string, unknown>;
}

const apiCalls = async (sandbox: Sandbox) =>
	Number((await control(sandbox, 'GET', '/counters')).apiCalls);
const describeCalls = async (sandbox: Sandbox) =>
	Number(
		((await control(sandbox, 'GET', '/counters')).apiCallsByKind as Record<string, number>)
			.describe,
	);

/** 1,000 cases with 5 emails each (customer and agent in turn, replies quoting the previous mail), all closed. */
async function seedClosedCases(
	sandbox: Sandbox,
	count: number,
	emailsPerCase: number,
): Promise<string[]> {
	const now = Date.now();
	const all: string[] = [];
	for (let offset = 0; offset < count; offset += 500) {
		const cases = Array.from({ length: Math.min(500, count - offset) }, (_, i) => ({
			Subject: `Benchmark case ${offset + i}`,
			Status: 'New',
			Origin: 'Email',
			Priority: 'Medium',
		}));
		const { ids } = (await control(sandbox, 'POST', '/records/Case', { records: cases })) as {
			ids: string[];
		};
		const emails = ids.flatMap((id, c) =>
			Array.from({ length: emailsPerCase }, (_, e) => {
				const incoming = e % 2 === 0;
				const body = `${incoming ? 'The invoice is still wrong.' : 'We corrected the invoice.'} (message ${e + 1} of case ${offset + c})`;
				return {
					ParentId: id,
					Incoming: incoming,
					Status: incoming ? '1' : '3',
					Subject: `Re: Benchmark case ${offset + c}`,
					FromAddress: incoming ? 'customer@example.com' : 'support@example.com',
					FromName: incoming ? 'Jo Customer' : 'Sam Agent',
					ToAddress: incoming ? 'support@example.com' : 'customer@example.com',
					MessageDate: new Date(now + e * 60_000).toISOString(),
					TextBody:
						e === 0
							? body
							: `${body}\n\nOn Mon, 4 May 2026 at 10:00, ${incoming ? 'Sam Agent' : 'Jo Customer'} wrote:\n> earlier message`,
				};
			}),
		);
		for (let i = 0; i < emails.length; i += 1000)
			await control(sandbox, 'POST', '/records/EmailMessage', {
				records: emails.slice(i, i + 1000),
			});
		for (const id of ids) await control(sandbox, 'POST', `/cases/${id}/close`);
		all.push(...ids);
	}
	// The trigger emits a closing once its second and the next are over (Salesforce keeps date-times to the second).
	await control(sandbox, 'POST', '/clock', { advanceMs: 2000 });
	return all;
}

function activate(
	sandbox: Sandbox,
	maxCasesPerPoll: number,
	importFrom: string,
	extra: IDataObject = {},
) {
	return activateWith(sandbox, { importFrom, maxCasesPerPoll, ...extra });
}

function activateWith(sandbox: Sandbox, parameters: IDataObject) {
	const trigger = new SalesforceServiceCloudTrigger();
	const { n8n, credentials } = harnessFor(sandbox, trigger);
	return n8n.activatePoll({
		type: trigger,
		parameters: { authentication: 'clientCredentials', ...parameters },
		credentials,
	});
}

/**
 * Polls until a poll emits nothing. Counts the API calls of the polls that emitted cases, apart
 * from the describe the first poll makes (kept for a day), and the calls of the quiet poll after.
 */
async function drain(
	sandbox: Sandbox,
	maxCasesPerPoll: number,
	importFrom: string,
	onPoll?: () => void,
	extra: IDataObject = {},
) {
	const poller = activate(sandbox, maxCasesPerPoll, importFrom, extra);
	const callsBefore = await apiCalls(sandbox);
	const describesBefore = await describeCalls(sandbox);
	const started = performance.now();
	let emitted = 0;
	let polls = 0;
	let calls = 0;
	let quietCalls = 0;
	for (;;) {
		const before = await apiCalls(sandbox);
		const outcome = await poller.poll();
		if (outcome.error) throw outcome.error;
		onPoll?.();
		const n = outcome.emitted?.[0]?.length ?? 0;
		if (n === 0) {
			quietCalls = (await apiCalls(sandbox)) - before;
			break;
		}
		polls++;
		emitted += n;
		calls = (await apiCalls(sandbox)) - callsBefore;
	}
	const seconds = (performance.now() - started) / 1000;
	const describes = (await describeCalls(sandbox)) - describesBefore;
	return { emitted, calls: calls - describes, describes, seconds, polls, quietCalls };
}

/** 1,000 leads, created now (in batches, as a data load would). */
async function seedLeads(sandbox: Sandbox, count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let offset = 0; offset < count; offset += 500) {
		const records = Array.from({ length: Math.min(500, count - offset) }, (_, i) => ({
			LastName: `Lead ${offset + i}`,
			Company: 'Benchmark Inc',
		}));
		const out = (await control(sandbox, 'POST', '/records/Lead', { records })) as { ids: string[] };
		ids.push(...out.ids);
	}
	return ids;
}

/** `count` cases, each with a customer's first email and an agent's reply (before the trigger is activated). */
async function seedOpenCases(sandbox: Sandbox, count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let offset = 0; offset < count; offset += 500) {
		const cases = Array.from({ length: Math.min(500, count - offset) }, (_, i) => ({
			Subject: `Benchmark open case ${offset + i}`,
			Status: 'New',
			Origin: 'Email',
			SuppliedEmail: 'customer@example.com',
		}));
		const out = (await control(sandbox, 'POST', '/records/Case', { records: cases })) as {
			ids: string[];
		};
		ids.push(...out.ids);
	}
	await control(sandbox, 'POST', '/records/EmailMessage', {
		records: ids.flatMap((ParentId) => [
			{ ParentId, Incoming: true, FromAddress: 'customer@example.com', TextBody: 'It broke.' },
			{ ParentId, Incoming: false, FromAddress: 'support@example.com', TextBody: 'Try again?' },
		]),
	});
	await control(sandbox, 'POST', '/clock', { advanceMs: 60_000 });
	return ids;
}

/** `count` incoming emails from the customer on the given cases, in turn (two per case for 500 cases). */
async function seedIncomingEmails(sandbox: Sandbox, caseIds: string[], count: number) {
	const records = Array.from({ length: count }, (_, i) => ({
		ParentId: caseIds[i % caseIds.length],
		Incoming: true,
		Status: '0',
		FromAddress: 'customer@example.com',
		FromName: 'Jo Customer',
		ToAddress: 'support@example.com',
		Subject: 'Re: Benchmark open case',
		TextBody: `Still broken (message ${i}).\n\nOn Mon, 4 May 2026 at 10:00, Sam Agent wrote:\n> Try again?`,
	}));
	for (let i = 0; i < records.length; i += 1000)
		await control(sandbox, 'POST', '/records/EmailMessage', {
			records: records.slice(i, i + 1000),
		});
}

/** `count` chats that ended now (LiveChatTranscript Completed, a six-line Body, a case, a contact and a visitor). */
async function seedEndedChats(sandbox: Sandbox, count: number): Promise<void> {
	const { now } = (await control(sandbox, 'POST', '/clock', { advanceMs: 1000 })) as {
		now: string;
	};
	const end = Date.parse(now);
	const start = end - 5 * 60_000;
	const one = async (type: string, values: IDataObject) =>
		(
			(await control(sandbox, 'POST', `/records/${type}`, { records: [values] })) as {
				ids: string[];
			}
		).ids[0];
	const ContactId = await one('Contact', { LastName: 'Customer', FirstName: 'Jo' });
	const CaseId = await one('Case', { Subject: 'Benchmark chat case', Status: 'New', ContactId });
	const LiveChatVisitorId = await one('LiveChatVisitor', { SessionKey: 'benchmark' });
	let Body =
		'<p align="center">Chat Started: Saturday, December 05, 2026, 09:00:00 (-0500)</p><p align="center">Chat Origin: Website Support Chat</p><p align="center">Agent Sam A</p>';
	for (let l = 0; l < 6; l++)
		Body += `( ${l * 20 + 5}s ) ${l % 2 === 0 ? 'Sam A' : 'Jo Customer'}: Message ${l + 1} of the chat<br>`;
	for (let offset = 0; offset < count; offset += 500) {
		const records = Array.from({ length: Math.min(500, count - offset) }, (_, i) => ({
			Status: 'Completed',
			ChatKey: `benchmark-${offset + i}`,
			StartTime: new Date(start).toISOString(),
			EndTime: new Date(end).toISOString(),
			EndedBy: 'Visitor',
			Body,
			CaseId,
			ContactId,
			LiveChatVisitorId,
		}));
		await control(sandbox, 'POST', '/records/LiveChatTranscript', { records });
	}
}

/**
 * `count` messaging sessions that ended `endedAgoMs` ago (Status Ended, a case, an end user with a
 * contact), each on its own conversation with six messages (customer and agent in turn) served by
 * the Connect API.
 */
async function seedEndedSessions(
	sandbox: Sandbox,
	count: number,
	endedAgoMs: number,
	tag: string,
): Promise<void> {
	const { now } = (await control(sandbox, 'POST', '/clock', { advanceMs: 1000 })) as {
		now: string;
	};
	const end = Date.parse(now) - endedAgoMs;
	const start = end - 5 * 60_000;
	const insert = async (type: string, records: IDataObject[]) =>
		((await control(sandbox, 'POST', `/records/${type}`, { records })) as { ids: string[] }).ids;
	const [ContactId] = await insert('Contact', [{ LastName: 'Customer', FirstName: 'Jo' }]);
	const [CaseId] = await insert('Case', [
		{ Subject: 'Benchmark messaging case', Status: 'New', ContactId },
	]);
	const [MessagingChannelId] = await insert('MessagingChannel', [
		{ MasterLabel: 'Web', MessageType: 'EmbeddedMessaging' },
	]);
	const [MessagingEndUserId] = await insert('MessagingEndUser', [
		{ Name: 'Jo Customer', MessagingChannelId, ContactId, MessageType: 'EmbeddedMessaging' },
	]);
	for (let offset = 0; offset < count; offset += 500) {
		const n = Math.min(500, count - offset);
		const identifiers = Array.from({ length: n }, (_, i) => `${tag}-${offset + i}`);
		const conversations = await insert(
			'Conversation',
			identifiers.map((ConversationIdentifier) => ({
				Name: ConversationIdentifier,
				ConversationIdentifier,
			})),
		);
		const sessions = await insert(
			'MessagingSession',
			conversations.map((ConversationId) => ({
				Status: 'Ended',
				StartTime: new Date(start).toISOString(),
				EndTime: new Date(end).toISOString(),
				ChannelType: 'EmbeddedMessaging',
				MessagingChannelId,
				MessagingEndUserId,
				EndUserContactId: ContactId,
				ConversationId,
				CaseId,
			})),
		);
		for (let i = 0; i < n; i++)
			await control(sandbox, 'POST', `/conversations/${encodeURIComponent(identifiers[i])}`, {
				entries: Array.from({ length: 6 }, (_, l) => ({
					identifier: `${identifiers[i]}-${l}`,
					senderRole: l % 2 === 0 ? 'EndUser' : 'Agent',
					senderName: '',
					senderSubject: l % 2 === 0 ? MessagingEndUserId : '',
					messageText: `Message ${l + 1} of the session`,
					timestamp: start + (l + 1) * 20_000,
					relatedRecords: [sessions[i]],
				})),
			});
	}
}

/**
 * A 5,000-session backfill with the default budget (500 Connect calls per hour): n8n polls every 5
 * minutes (the sandbox clock moves on between polls) until every session is emitted. Returns the
 * Connect calls per 1,000 sessions and the most Connect calls the org saw in any hour.
 */
async function benchMessagingBackfill(sandbox: Sandbox): Promise<Record<string, number>> {
	log('Measuring a backfill of 5,000 messaging sessions within the default Connect budget...');
	await seedEndedSessions(sandbox, 5000, 2 * 60 * 60_000, 'backfill');
	await control(sandbox, 'POST', '/reset');
	const poller = activateWith(sandbox, {
		event: 'messagingSessionEnded',
		recordImportFrom: 'last24Hours',
	});
	const connect = async () =>
		Number(
			((await control(sandbox, 'GET', '/counters')).apiCallsByKind as Record<string, number>)
				.connect ?? 0,
		);
	const seen = new Set<string>();
	let polls = 0;
	while (seen.size < 5000) {
		if (++polls > 2000)
			throw new Error(`messaging backfill: ${seen.size} of 5,000 after 2,000 polls`);
		const outcome = await poller.poll();
		if (outcome.error) throw outcome.error;
		for (const item of outcome.emitted?.[0] ?? []) {
			if (seen.has(String(item.json.Id)))
				throw new Error(`messaging backfill: ${String(item.json.Id)} twice`);
			seen.add(String(item.json.Id));
		}
		await control(sandbox, 'POST', '/clock', { advanceMs: 5 * 60_000 });
	}
	const state = await control(sandbox, 'GET', '/state');
	return {
		connectCallsPer1000Sessions: (await connect()) / 5,
		connectCallsPeakPerHour: Number(state.connectCallsPeakPerHour),
		pollsBackfill5000Sessions: polls,
		sandboxHoursBackfill5000Sessions: round((polls * 5) / 60),
	};
}

/**
 * An event's cost with its default maximum per poll: the trigger is activated (that poll and its
 * describe not counted), `happen` makes 1,000 events, then polls run until one emits nothing.
 * Returns the API calls of the polls that emitted, and those of the quiet poll after.
 */
async function eventCost(
	sandbox: Sandbox,
	parameters: IDataObject,
	happen: () => Promise<void>,
	onEmit?: (outcome: PollOutcome) => void,
): Promise<{ apiCallsPer1000: number; apiCallsPerQuietPoll: number }> {
	const poller = activateWith(sandbox, parameters);
	const first = await poller.poll();
	if (first.error) throw first.error;
	await happen();
	// Events are emitted once their second and the next are over (Salesforce keeps date-times to the second).
	await control(sandbox, 'POST', '/clock', { advanceMs: 2000 });
	const callsBefore = await apiCalls(sandbox);
	let emitted = 0;
	let calls = 0;
	for (;;) {
		const before = await apiCalls(sandbox);
		const outcome = await poller.poll();
		if (outcome.error) throw outcome.error;
		onEmit?.(outcome);
		const n = outcome.emitted?.[0]?.length ?? 0;
		if (n === 0) {
			if (emitted !== 1000)
				throw new Error(`${String(parameters.event)}: emitted ${emitted}, not 1,000`);
			return { apiCallsPer1000: calls, apiCallsPerQuietPoll: (await apiCalls(sandbox)) - before };
		}
		emitted += n;
		calls = (await apiCalls(sandbox)) - callsBefore;
	}
}

/** Per event of the trigger: API calls per 1,000 events emitted (default maximum per poll) and per quiet poll. */
async function benchEvents(sandbox: Sandbox): Promise<Record<string, Record<string, number>>> {
	log(
		'Measuring each event live: 1,000 closings (5 emails each), 1,000 new leads, 1,000 lead changes, 1,000 new emails on 500 open cases, 1,000 ended chats, 1,000 ended messaging sessions...',
	);
	const caseClosed = await eventCost(
		sandbox,
		{ event: 'caseClosed' },
		async () => void (await seedClosedCases(sandbox, 1000, 5)),
	);
	const recordParameters = { objectName: 'Lead', recordFields: ['LastName', 'Company', 'Status'] };
	const recordCreated = await eventCost(
		sandbox,
		{ event: 'recordCreated', ...recordParameters },
		async () => void (await seedLeads(sandbox, 1000)),
	);
	const leads = await seedLeads(sandbox, 1000);
	await control(sandbox, 'POST', '/clock', { advanceMs: 60_000 });
	const recordUpdated = await eventCost(
		sandbox,
		{ event: 'recordUpdated', ...recordParameters },
		async () => {
			for (const id of leads)
				await control(sandbox, 'PATCH', `/records/Lead/${id}`, {
					values: { Status: 'Working - Contacted' },
				});
		},
	);
	const openCases = await seedOpenCases(sandbox, 500);
	const newEmail = await eventCost(sandbox, { event: 'newEmail' }, () =>
		seedIncomingEmails(sandbox, openCases, 1000),
	);
	const chatEnded = await eventCost(sandbox, { event: 'chatEnded' }, () =>
		seedEndedChats(sandbox, 1000),
	);
	// 1,000 sessions fit one hour only with the highest budget (1,000 Connect calls); the default
	// budget's pacing is measured by benchMessagingBackfill.
	await control(sandbox, 'POST', '/reset');
	const messagingSessionEnded = await eventCost(
		sandbox,
		{ event: 'messagingSessionEnded', connectCallsPerHour: 1000 },
		() => seedEndedSessions(sandbox, 1000, 0, 'live'),
	);
	return {
		caseClosed,
		recordCreated,
		recordUpdated,
		newEmail,
		chatEnded,
		messagingSessionEnded,
	};
}

/**
 * Record Created importing 100,000 leads created before the activation ("Import Existing Records
 * From", default maximum per poll): the polls' peak heap and RSS above the level before the
 * activation (sampled every 10 ms and after each poll), the API calls, the polls, that each
 * lead was emitted once, and the largest static data a poll saved (it must not grow with the
 * import). The sandbox runs in its own process, so the memory is the trigger's.
 */
async function benchRecordCreatedBackfill100k(): Promise<Record<string, number>> {
	const count = 100_000;
	log(`Seeding ${count.toLocaleString('en')} leads, then importing them with Record Created...`);
	const sandbox = await startSandbox(0);
	try {
		const seen = new Map<string, number>();
		for (let offset = 0; offset < count; offset += 5000) {
			const records = Array.from({ length: Math.min(5000, count - offset) }, (_, i) => ({
				LastName: `Lead ${offset + i}`,
				Company: 'Benchmark Inc',
			}));
			const out = (await control(sandbox, 'POST', '/records/Lead', { records })) as {
				ids: string[];
			};
			for (const id of out.ids) seen.set(id, 0);
		}
		// Created an hour before the activation, imported with "Last 24 Hours".
		await control(sandbox, 'POST', '/clock', { advanceMs: 60 * 60_000 });
		const poller = activateWith(sandbox, {
			event: 'recordCreated',
			objectName: 'Lead',
			recordFields: ['LastName', 'Company', 'Status'],
			recordImportFrom: 'last24Hours',
		});
		const callsBefore = await apiCalls(sandbox);
		const heapBefore = process.memoryUsage().heapUsed;
		const rssBefore = process.memoryUsage().rss;
		let heapPeak = heapBefore;
		let rssPeak = rssBefore;
		let stateBytesPeak = 0;
		const sample = () => {
			const m = process.memoryUsage();
			heapPeak = Math.max(heapPeak, m.heapUsed);
			rssPeak = Math.max(rssPeak, m.rss);
		};
		const timer = setInterval(sample, 10);
		const started = performance.now();
		let polls = 0;
		let emitted = 0;
		let repeated = 0;
		let unknown = 0;
		try {
			for (;;) {
				const outcome = await poller.poll();
				if (outcome.error) throw outcome.error;
				sample();
				polls++;
				stateBytesPeak = Math.max(stateBytesPeak, JSON.stringify(poller.storedStaticData).length);
				const items = outcome.emitted?.[0] ?? [];
				for (const item of items) {
					const id = String(item.json.Id);
					const n = seen.get(id);
					if (n === undefined) unknown++;
					else {
						if (n > 0) repeated++;
						seen.set(id, n + 1);
					}
				}
				emitted += items.length;
				if (items.length === 0) break;
				// The org's clock moves on between polls, as it would a minute apart.
				await control(sandbox, 'POST', '/clock', { advanceMs: 60_000 });
			}
		} finally {
			clearInterval(timer);
		}
		const seconds = (performance.now() - started) / 1000;
		const missed = [...seen.values()].filter((n) => n === 0).length;
		if (emitted !== count || repeated || unknown || missed)
			throw new Error(
				`Record Created backfill: emitted ${emitted} of ${count} (repeated ${repeated}, unknown ${unknown}, missed ${missed})`,
			);
		const mb = (bytes: number) => round(bytes / 1048576);
		return {
			peakHeapMbIncrease: mb(heapPeak - heapBefore),
			peakRssMbIncrease: mb(rssPeak - rssBefore),
			// RSS seldom shrinks: after the other measures the process may hold the room already.
			rssMbBefore: mb(rssBefore),
			peakRssMb: mb(rssPeak),
			apiCalls: (await apiCalls(sandbox)) - callsBefore,
			polls,
			emitted,
			emittedOnce: count - repeated - missed,
			staticDataBytesPeak: stateBytesPeak,
			wallSeconds: round(seconds),
		};
	} finally {
		sandbox.child.kill('SIGTERM');
	}
}

/** Runs the action node once over `input` items and returns the API calls and seconds it took. */
async function runAction(
	sandbox: Sandbox,
	parameters: Record<string, unknown>,
	input: Array<Record<string, unknown>>,
) {
	const node = new SalesforceServiceCloud();
	const { n8n, credentials } = harnessFor(sandbox, node);
	// The first execution logs in and reads the describe; the measured one starts from there.
	await n8n.execute({
		type: node,
		parameters: {
			authentication: 'clientCredentials',
			resource: 'record',
			operation: 'soqlQuery',
			query: 'SELECT Id FROM User LIMIT 1',
		},
		credentials,
	});
	const before = await apiCalls(sandbox);
	const started = performance.now();
	const run = await n8n.execute({
		type: node,
		parameters: { authentication: 'clientCredentials', ...parameters },
		credentials,
		input: input.map((json) => ({ json: json as IDataObject })),
	});
	const seconds = (performance.now() - started) / 1000;
	if (run.error) throw run.error;
	const ok = (run.output?.[0] ?? []).filter(
		(i) => i.json.success !== false && !('error' in i.json),
	).length;
	if (ok !== input.length)
		throw new Error(`${String(parameters.operation)}: ${ok} of ${input.length} items succeeded`);
	return { calls: (await apiCalls(sandbox)) - before, seconds: round(seconds) };
}

/** A sandbox org answering after LATENCY_MS, whose Contact has an external ID field Ext_Id__c. */
async function startWriteSandbox(): Promise<Sandbox> {
	const sandbox = await startSandbox(0);
	try {
		await control(sandbox, 'POST', '/schema/fields', {
			object: 'Contact',
			field: externalIdField(),
		});
		await control(sandbox, 'POST', '/faults', { latencyMs: LATENCY_MS });
		return sandbox;
	} catch (error) {
		sandbox.child.kill('SIGTERM');
		throw error;
	}
}

/**
 * `scale`: the same workflow run 10 times in a row in one process (as a schedule would, on n8n's
 * main process or on one worker), each execution upserting 1,000 contacts, with the workflow's
 * static data carried from one execution to the next as n8n saves it. The first execution
 * describes Contact and keeps the describe in the process (nodes/shared/schema/keptSchemas.ts);
 * the nine after it do not. `apiCallsPer1000UpsertsSteadyState` counts the nine;
 * `apiCallsFor10Executions1000Upserts` all ten.
 */
async function benchSteadyStateWrites(
	result: Record<string, Record<string, number | null>>,
): Promise<void> {
	const sandbox = await startWriteSandbox();
	try {
		const node = new SalesforceServiceCloud();
		const { n8n, credentials } = harnessFor(sandbox, node);
		const executions = 10;
		let staticData: IDataObject = {};
		const callsBefore = await apiCalls(sandbox);
		let callsAfterFirst = callsBefore;
		const describesBefore = await describeCalls(sandbox);
		for (let n = 0; n < executions; n++) {
			const run = await n8n.execute({
				type: node,
				parameters: {
					authentication: 'clientCredentials',
					resource: 'record',
					operation: 'upsert',
					objectName: 'Contact',
					columns: {
						mappingMode: 'autoMapInputData',
						value: null,
						matchingColumns: ['Ext_Id__c'],
					},
				},
				credentials,
				staticData,
				input: Array.from({ length: 1000 }, (_, i) => ({
					json: { Ext_Id__c: `steady-${n}-${i}`, LastName: `Customer ${n}-${i}` },
				})),
			});
			if (run.error) throw run.error;
			staticData = run.staticData;
			if (n === 0) callsAfterFirst = await apiCalls(sandbox);
		}
		const after = await apiCalls(sandbox);
		const calls = after - callsBefore;
		result.scale = {
			...(result.scale ?? {}),
			// Steady state: the executions after the first (which keeps the describe).
			apiCallsPer1000UpsertsSteadyState: round((after - callsAfterFirst) / (executions - 1)),
			apiCallsFor10Executions1000Upserts: calls,
			describeCallsFor10Executions1000Upserts: (await describeCalls(sandbox)) - describesBefore,
		};
	} finally {
		sandbox.child.kill('SIGTERM');
	}
}

async function benchActions(result: Record<string, Record<string, number | null>>): Promise<void> {
	const sandbox = await startWriteSandbox();
	try {
		const autoMap = { mappingMode: 'autoMapInputData', value: null };
		const leads = Array.from({ length: 1000 }, (_, i) => ({
			LastName: `Visitor ${i}`,
			Company: 'Web chat',
			Email: `visitor${i}@example.com`,
		}));
		const creates = await runAction(
			sandbox,
			{ resource: 'record', operation: 'create', objectName: 'Lead', columns: autoMap },
			leads,
		);
		const contacts = Array.from({ length: 1000 }, (_, i) => ({
			Ext_Id__c: `crm/${i} #x`,
			LastName: `Customer ${i}`,
			Email: `customer${i}@example.com`,
		}));
		const upserts = await runAction(
			sandbox,
			{
				resource: 'record',
				operation: 'upsert',
				objectName: 'Contact',
				columns: { ...autoMap, matchingColumns: ['Ext_Id__c'] },
			},
			contacts,
		);
		await control(sandbox, 'POST', '/schema/fields', {
			object: 'Account',
			field: externalIdField(),
		});
		const accountUpserts = await runAction(
			sandbox,
			{
				resource: 'account',
				operation: 'upsert',
				columns: { ...autoMap, matchingColumns: ['Ext_Id__c'] },
			},
			Array.from({ length: 1000 }, (_, i) => ({ Ext_Id__c: `erp-${i}`, Name: `Account ${i}` })),
		);
		const campaign = (await control(sandbox, 'POST', '/records/Campaign', {
			records: [{ Name: 'Benchmark campaign' }],
		})) as { ids: string[] };
		const members = (await seedLeads(sandbox, 1000)).map((memberId) => ({
			campaignId: campaign.ids[0],
			memberId,
		}));
		const memberAdds = await runAction(
			sandbox,
			{
				resource: 'campaign',
				operation: 'addMember',
				campaignId: '={{ $json.campaignId }}',
				memberId: '={{ $json.memberId }}',
			},
			members,
		);
		result.actions = {
			apiCallsPer1000Creates: creates.calls,
			wallSecondsPer1000Creates: creates.seconds,
			apiCallsPer1000Upserts: upserts.calls,
			wallSecondsPer1000Upserts: upserts.seconds,
			apiCallsPer1000AccountUpserts: accountUpserts.calls,
			apiCallsPer1000CampaignMembers: memberAdds.calls,
			wallSecondsPer1000CampaignMembers: memberAdds.seconds,
			latencyMsPerRequest: LATENCY_MS,
		};
		const node = new SalesforceServiceCloud();
		const hasFindOrCreate = (
			node
				.getNodeType()
				.description.properties.find(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('contact'),
				)?.options ?? []
		).some((o) => 'value' in o && o.value === 'findOrCreate');
		if (hasFindOrCreate) {
			const found = await benchFindOrCreate();
			Object.assign(result.actions, {
				apiCallsPer1000FindOrCreate: found.calls,
				wallSecondsPer1000FindOrCreate: found.seconds,
			});
		}
	} finally {
		sandbox.child.kill('SIGTERM');
	}
}

/**
 * Find or Create on 1,000 contacts, half of which exist. On an org of its own: the Contact upsert
 * before it would leave its describe kept in this process, and the figure is that of an execution
 * that describes, as the other action figures are.
 */
async function benchFindOrCreate(): Promise<{ calls: number; seconds: number }> {
	const sandbox = await startWriteSandbox();
	try {
		await control(sandbox, 'POST', '/records/Contact', {
			records: Array.from({ length: 500 }, (_, i) => ({
				LastName: `Customer ${2 * i + 1}`,
				Email: `customer${2 * i + 1}@example.com`,
			})),
		});
		const people = Array.from({ length: 1000 }, (_, i) => ({
			LastName: `Person ${i}`,
			Email: i % 2 ? `customer${i}@example.com` : `newcomer${i}@example.com`,
		}));
		return await runAction(
			sandbox,
			{
				resource: 'contact',
				operation: 'findOrCreate',
				columns: { mappingMode: 'autoMapInputData', value: null },
			},
			people,
		);
	} finally {
		sandbox.child.kill('SIGTERM');
	}
}

/**
 * The File resource: API calls to upload 100 files of 1 MB, and this process's peak memory while
 * uploading and downloading one file of 100 MB, with n8n's binary data in its server default (the
 * filesystem mode: the node reads and writes files through n8n's store). The sandbox org keeps its
 * copy in its own process.
 */
async function benchFiles(result: Record<string, Record<string, number | null>>): Promise<void> {
	const sandbox = await startSandbox(0);
	try {
		const store = await useFilesystemBinaryData();
		const location = { type: 'execution' as const, workflowId: 'bench', executionId: 'files' };
		const storedFile = async (size: number, fileName: string): Promise<INodeExecutionData> => ({
			json: {},
			binary: {
				data: await store.store(location, Buffer.alloc(size, fileName.length), {
					data: '',
					mimeType: 'application/octet-stream',
					fileName,
				}),
			},
		});
		const small = [];
		for (let i = 0; i < 100; i++) small.push(await storedFile(1024 * 1024, `small-${i}.bin`));
		const upload = await runFileAction(sandbox, { operation: 'upload' }, small);
		const large = [await storedFile(100 * 1024 * 1024, 'large.bin')];
		const uploadLarge = await runFileAction(sandbox, { operation: 'upload' }, large);
		const fileId = String(uploadLarge.items[0].json.contentDocumentId);
		const download = await runFileAction(sandbox, { operation: 'download', fileId }, [
			{ json: {} },
		]);
		if (download.items[0].binary?.data.bytes !== 100 * 1024 * 1024)
			throw new Error('the 100 MB download did not come back whole');
		result.files = {
			apiCallsUpload100x1MB: upload.calls,
			wallSecondsUpload100x1MB: upload.seconds,
			apiCallsUpload100MB: uploadLarge.calls,
			peakRssMbUpload100MB: uploadLarge.peakRssMb,
			rssMbBeforeUpload100MB: uploadLarge.rssMbBefore,
			apiCallsDownload100MB: download.calls,
			peakRssMbDownload100MB: download.peakRssMb,
			rssMbBeforeDownload100MB: download.rssMbBefore,
		};
	} finally {
		sandbox.child.kill('SIGTERM');
	}
}

/**
 * Case Closed with Include Attachments: 1,000 closings (5 emails each, default maximum per poll),
 * 100 of them with a 100 KB file: the API calls per 1,000 closings (the file lists and one download
 * per file on top of the event's own) and the files that came as binary data.
 */
async function benchAttachments(result: Record<string, Record<string, number | null>>) {
	log('Measuring Case Closed with Include Attachments: 1,000 closings, 100 with a file...');
	const sandbox = await startSandbox(0);
	try {
		const store = await useFilesystemBinaryData();
		const location = { type: 'execution' as const, workflowId: 'bench', executionId: 'attach' };
		let files = 0;
		const cost = await eventCost(
			sandbox,
			{ event: 'caseClosed', includeAttachments: true },
			async () => {
				const ids = await seedClosedCases(sandbox, 1000, 5);
				const items: INodeExecutionData[] = [];
				for (const caseId of ids.slice(0, 100))
					items.push({
						json: { caseId },
						binary: {
							data: await store.store(location, Buffer.alloc(100 * 1024, 1), {
								data: '',
								mimeType: 'application/pdf',
								fileName: `invoice-${caseId}.pdf`,
							}),
						},
					});
				await runFileAction(
					sandbox,
					{ operation: 'upload', recordId: '={{ $json.caseId }}' },
					items,
				);
			},
			(outcome) => {
				for (const item of outcome.emitted?.[0] ?? [])
					files += Object.keys(item.binary ?? {}).length;
			},
		);
		if (files !== 100) throw new Error(`Include Attachments: ${files} files, not 100`);
		result.attachments = {
			apiCallsPer1000ClosedCasesWith100Files: cost.apiCallsPer1000,
			filesEmittedOf100: files,
		};
	} finally {
		sandbox.child.kill('SIGTERM');
	}
}

/** Runs the File resource once (after a login run) with API calls, seconds and this process's peak RSS. */
async function runFileAction(
	sandbox: Sandbox,
	parameters: Record<string, unknown>,
	input: INodeExecutionData[],
) {
	const node = new SalesforceServiceCloud();
	const { n8n, credentials } = harnessFor(sandbox, node);
	const base = { authentication: 'clientCredentials', resource: 'file' };
	await n8n.execute({
		type: node,
		parameters: { ...base, operation: 'getMany', recordId: '005000000000001' },
		credentials,
	});
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	let peak = rssBefore;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	const before = await apiCalls(sandbox);
	const started = performance.now();
	const run = await n8n.execute({
		type: node,
		parameters: { ...base, ...parameters },
		credentials,
		input,
	});
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	if (run.error) throw run.error;
	const items = run.output?.[0] ?? [];
	if (items.some((i) => 'error' in i.json))
		throw new Error(`file ${String(parameters.operation)} failed`);
	return {
		items,
		calls: (await apiCalls(sandbox)) - before,
		seconds: round(seconds),
		peakRssMb: Math.round(peak / 1048576),
		rssMbBefore: Math.round(rssBefore / 1048576),
	};
}

/** Random faults over many write runs, counted against the org: the counts of what went wrong must be 0. */
async function benchReliability(
	result: Record<string, Record<string, number | null>>,
): Promise<void> {
	log('Running 80 write runs with random faults...');
	const figures = await measureReliability({ seed: 20261205, runs: 80 });
	result.reliability = {
		runs: figures.runs,
		itemsSent: figures.itemsSent,
		faultsInjected: figures.faultsInjected,
		duplicates: figures.duplicates,
		writtenButUnreported: figures.writtenButUnreported,
		reportedButUnwritten: figures.reportedButUnwritten,
		unknownReported: figures.unknownReported,
	};
}

/** The figures: groups of measures, and the trigger's events one level deeper (`trigger.events.<event>.<measure>`). */
interface Figures {
	[key: string]: number | null | Figures;
}

/** Each figure as `a.b.c`, for the text table. */
function flatten(figures: Figures, prefix = ''): Array<[string, number | null]> {
	return Object.entries(figures).flatMap(([key, value]) =>
		value !== null && typeof value === 'object'
			? flatten(value, `${prefix}${key}.`)
			: [[`${prefix}${key}`, value] as [string, number | null]],
	);
}

async function main(): Promise<void> {
	const result: Record<string, Record<string, number | null>> & {
		trigger: Figures;
		thread?: Figures;
	} = {
		trigger: {},
	};
	if (args['queue-only']) {
		result.queue = await benchQueue(log);
		return report(result);
	}
	if (args['only-100k']) {
		result.scale = await benchBackfill100k();
		console.log(JSON.stringify(result.scale, null, args.json ? undefined : 2));
		return;
	}
	log('Scoring the new-text extraction on the thread corpus...');
	result.thread = benchThread();
	await benchActions(result);
	await benchSteadyStateWrites(result);
	await benchFiles(result);
	await benchAttachments(result);
	await benchReliability(result);
	result.redaction = benchRedaction(log);
	const sandbox = await startSandbox(0);
	try {
		log('Seeding 1,000 closed cases with 5 emails each...');
		await seedClosedCases(sandbox, 1000, 5);
		const big = await drain(sandbox, 1000, 'last24Hours');
		const small = await drain(sandbox, 100, 'last24Hours');
		if (big.emitted !== 1000 || small.emitted !== 1000)
			throw new Error(`expected 1,000 cases, emitted ${big.emitted} and ${small.emitted}`);
		Object.assign(result.trigger, {
			apiCallsPer1000ClosedCases: big.calls,
			wallSecondsPer1000ClosedCases: round(big.seconds),
			pollsPer1000ClosedCases: big.polls,
			apiCallsPer1000ClosedCasesDefaultMax: small.calls,
			wallSecondsPer1000ClosedCasesDefaultMax: round(small.seconds),
			pollsPer1000ClosedCasesDefaultMax: small.polls,
			apiCallsPerQuietPoll: big.quietCalls,
			describeCallsPerActivation: big.describes,
		});
		result.trigger.events = await benchEvents(sandbox);
		result.trigger.messaging = await benchMessagingBackfill(sandbox);
	} finally {
		sandbox.child.kill('SIGTERM');
	}

	const events = result.trigger.events as Figures | undefined;
	if (events?.recordCreated && typeof events.recordCreated === 'object')
		events.recordCreated.backfill100k = args['skip-100k']
			? null
			: await benchRecordCreatedBackfill100k();

	if (!args['skip-100k']) {
		result.trigger.peakRssMbBackfill100k = null;
		result.scale = { ...(result.scale ?? {}), ...(await benchBackfill100k()) };
		// The REST import's figures under their first names too.
		Object.assign(result.trigger, {
			peakRssMbBackfill100k: result.scale.peakRssMbBackfill100kRest,
			casesEmittedBackfill100k: result.scale.casesEmittedBackfill100kRest,
			apiCallsBackfill100k: result.scale.apiCallsBackfill100kRest,
			wallSecondsBackfill100k: result.scale.wallSecondsBackfill100kRest,
		});
	} else {
		result.trigger.peakRssMbBackfill100k = null;
		// Skipped, not zero: the keys stay so that a reader sees what --skip-100k left out.
		result.scale = {
			...(result.scale ?? {}),
			apiCallsBackfill100kBulk: null,
			apiCallsBackfill100kRest: null,
			peakRssMbBackfill100kBulk: null,
		};
	}

	if (args.queue) result.queue = await benchQueue(log);
	else {
		result.queue = queueFiguresSkipped();
		const note =
			'queue.*: not measured; `npm run bench -- --queue` (or --queue-only) starts n8n in queue mode to measure them';
		if (args.json) console.error(note);
		else log(note);
	}
	report(result);
}

function report(result: Figures): void {
	if (args.json) {
		console.log(JSON.stringify(result));
		return;
	}
	console.log('\n| measure | value |\n| --- | --- |');
	for (const [key, value] of flatten(result)) console.log(`| ${key} | ${value ?? 'skipped'} |`);
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The import of a year of 100,000 demo closed cases ("Import Existing Cases From": Last Year, Max
 * Cases per Poll 1,000, Connect API Calls per Hour 1,000) by Bulk API and by REST API, each on a
 * fresh sandbox org, Bulk API first (the peak memory of this process only grows). About 8% of the
 * demo cases have messaging sessions, whose messages cost a Connect API call each within the hourly
 * budget: when a poll emits nothing the sandbox clock moves on 61 minutes (past the rolling hour of
 * the budget and of the org's Connect limit), and the import ends at the third empty poll in a row. API calls exclude the describes and the Connect calls (counted apart).
 */
async function benchBackfill100k(): Promise<Record<string, number>> {
	const figures: Record<string, number> = {};
	const methods = [
		['bulk', 'Bulk'],
		['rest', 'Rest'],
	] as const;
	for (const [method, name] of methods.filter(
		([m]) => !args['import-method'] || m === args['import-method'],
	)) {
		log(`Starting a sandbox org with 100,000 demo cases (about 20 s) for the ${method} import...`);
		const large = await startSandbox(100_000);
		try {
			const kinds = async () =>
				(await control(large, 'GET', '/counters')).apiCallsByKind as Record<string, number>;
			const total = (k: Record<string, number>) => Object.values(k).reduce((a, b) => a + b, 0);
			const poller = activate(large, 1000, 'lastYear', {
				importMethod: method,
				connectCallsPerHour: 1000,
			});
			const rssBefore = process.memoryUsage().rss;
			let peak = rssBefore;
			const before = await kinds();
			const started = performance.now();
			let emitted = 0;
			let polls = 0;
			let quietInARow = 0;
			while (quietInARow < 3) {
				const outcome = await poller.poll();
				if (outcome.error) throw outcome.error;
				peak = Math.max(peak, process.memoryUsage().rss);
				const n = outcome.emitted?.[0]?.length ?? 0;
				if (n === 0) {
					quietInARow++;
					await control(large, 'POST', '/clock', { advanceMs: 61 * 60_000 });
					continue;
				}
				quietInARow = 0;
				polls++;
				emitted += n;
			}
			const seconds = (performance.now() - started) / 1000;
			const after = await kinds();
			const diff = (kind: string) => (after[kind] ?? 0) - (before[kind] ?? 0);
			Object.assign(figures, {
				[`apiCallsBackfill100k${name}`]:
					total(after) - total(before) - diff('connect') - diff('describe'),
				[`connectCallsBackfill100k${name}`]: diff('connect'),
				[`wallSecondsBackfill100k${name}`]: round(seconds),
				[`pollsBackfill100k${name}`]: polls,
				[`casesEmittedBackfill100k${name}`]: emitted,
				[`peakRssMbBackfill100k${name}`]: Math.round(peak / 1048576),
				[`rssMbBeforeBackfill100k${name}`]: Math.round(rssBefore / 1048576),
			});
		} finally {
			large.child.kill('SIGTERM');
		}
	}
	return figures;
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
