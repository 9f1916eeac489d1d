import { parseDateTime } from './core/format';
import type { FieldSpec } from './core/fields';
import type { PlannedFault } from './core/observe';
import { fromJson } from './core/values';
import { sfError } from './http/errors';
import type { SfRequest, SfResponse } from './http/types';
import type { ConversationEntry, SandboxOrg } from './org';

/**
 * Control and observation of the org, for tests and benchmarks, under `/__sandbox/` (a path no
 * real org has). Every action here is also a method an in-process test can call on the org.
 */
export async function handleControl(req: SfRequest): Promise<SfResponse> {
	const org = req.org;
	const body = (req.body ?? {}) as Record<string, unknown>;
	const path = req.path.replace(/^\/__sandbox/, '').replace(/\/$/, '');
	const ok = (extra: Record<string, unknown> = {}): SfResponse => ({
		status: 200,
		body: { ok: true, ...extra },
	});
	try {
		switch (`${req.method} ${path.split('/').slice(0, 2).join('/')}`) {
			case 'GET /state':
				return { status: 200, body: controlState(org) };
			case 'GET /counters':
				return { status: 200, body: org.counters.snapshot() };
			case 'GET /requests':
				return { status: 200, body: org.counters.log };
			case 'POST /reset':
				org.counters.reset();
				org.connectRateLimit.reset();
				org.faults.latencyMs = 0;
				org.faults.failNext = { count: 0, kind: 'SERVER_UNAVAILABLE' };
				org.faults.plan = [];
				org.faults.tokenUnavailable = 0;
				return ok();
			case 'POST /faults':
				setFaults(org, body);
				return ok({ state: controlState(org) });
			case 'POST /sessions': // POST /sessions/expire
				org.sessions.expireAll();
				return ok();
			case 'POST /clock':
				setClock(org, body);
				return ok({ now: new Date(org.clock.now()).toISOString() });
			case 'POST /records': {
				const type = org.schema.get(path.split('/')[2] ?? '');
				if (!type) return sfError(404, 'NOT_FOUND', `no object ${path.split('/')[2]}`);
				const records = (body.records ?? [body]) as Array<Record<string, unknown>>;
				const audit = auditOf(body);
				const ids = records.map((r) => org.store.insert(type.name, fromJson(type, r), { audit }));
				return ok({ ids });
			}
			case 'PATCH /records': {
				const [, , typeName, id] = path.split('/');
				const type = org.schema.get(typeName ?? '');
				if (!type || !id) return sfError(404, 'NOT_FOUND', 'no such record');
				const found = org.store.update(
					type.name,
					id,
					fromJson(type, (body.values ?? {}) as Record<string, unknown>),
					{ audit: auditOf(body) },
				);
				return found ? ok() : sfError(404, 'NOT_FOUND', 'no such record');
			}
			case 'POST /conversations': {
				// POST /conversations/:identifier {entries: ConversationEntry[]}: messages the Connect API serves.
				const identifier = decodeURIComponent(path.split('/')[2] ?? '');
				const entries = (body.entries ?? []) as ConversationEntry[];
				org.conversations.set(identifier, [
					...(org.conversations.get(identifier) ?? []),
					...entries,
				]);
				return ok({ entries: org.conversations.get(identifier)?.length ?? 0 });
			}
			case 'POST /cases': {
				// POST /cases/:id/close {status?, closedDate?}  POST /cases/:id/reopen {status?}
				const [, , id, action] = path.split('/');
				const status =
					typeof body.status === 'string'
						? body.status
						: action === 'close'
							? [...org.store.closedStatuses][0]
							: 'Working';
				const closedDate =
					typeof body.closedDate === 'string' ? parseDateTime(body.closedDate) : undefined;
				const found = org.store.update(
					'Case',
					id ?? '',
					{ Status: status },
					closedDate !== undefined ? { audit: { ClosedDate: closedDate } } : {},
				);
				return found ? ok() : sfError(404, 'NOT_FOUND', 'no such case');
			}
			case 'POST /schema': {
				// POST /schema/objects {name, label, fields}   POST /schema/fields {object, field}
				if (path === '/schema/objects') {
					const t = org.schema.addCustomObject(
						String(body.name),
						String(body.label ?? body.name),
						(body.fields ?? []) as FieldSpec[],
					);
					return ok({ name: t.name, keyPrefix: t.keyPrefix });
				}
				const f = org.schema.addCustomField(String(body.object), body.field as FieldSpec);
				return ok({ name: f.name });
			}
			default:
				return sfError(404, 'NOT_FOUND', `no control action ${req.method} ${req.path}`);
		}
	} catch (e) {
		return sfError(400, 'SANDBOX_CONTROL_ERROR', (e as Error).message);
	}
}

export function controlState(org: SandboxOrg) {
	return {
		now: new Date(org.clock.now()).toISOString(),
		clockFrozen: org.clock.frozen,
		apiUsage: org.apiUsage,
		dailyApiLimit: org.dailyApiLimit,
		sessionLifetimeMs: org.sessions.lifetimeMs,
		rotateRefreshTokens: org.sessions.rotateRefreshTokens,
		commitLagMs: org.store.commitLagMs,
		connectHourlyLimit: org.connectRateLimit.hourlyLimit,
		connectCallsPeakLastHour: org.connectRateLimit.peak(),
		connectCallsPeakPerHour: org.connectRateLimit.highestPerHour,
		closedStatuses: [...org.store.closedStatuses],
		latencyMs: org.faults.latencyMs,
		failNext: org.faults.failNext,
		plan: org.faults.plan ?? [],
		tokenUnavailable: org.faults.tokenUnavailable ?? 0,
		pendingCommits: org.store.pendingCount,
		counters: org.counters.snapshot(),
	};
}

/** Applies the fault settings present in `body`; absent keys keep their value. */
export function setFaults(org: SandboxOrg, body: Record<string, unknown>): void {
	if (typeof body.latencyMs === 'number') org.faults.latencyMs = body.latencyMs;
	if (body.failNext && typeof body.failNext === 'object') {
		const f = body.failNext as { count?: number; kind?: string };
		org.faults.failNext = {
			count: f.count ?? 1,
			kind: f.kind === 'UNABLE_TO_LOCK_ROW' ? 'UNABLE_TO_LOCK_ROW' : 'SERVER_UNAVAILABLE',
		};
	}
	if (Array.isArray(body.plan)) org.faults.plan = body.plan as PlannedFault[];
	if (typeof body.tokenUnavailable === 'number')
		org.faults.tokenUnavailable = body.tokenUnavailable;
	if (body.apiAllowanceSpent === true)
		org.apiUsageOffset = org.dailyApiLimit - org.counters.apiCalls;
	if (body.apiAllowanceSpent === false) org.apiUsageOffset = 0;
	if (typeof body.dailyApiLimit === 'number') org.dailyApiLimit = body.dailyApiLimit;
	if (typeof body.apiUsage === 'number') org.apiUsageOffset = body.apiUsage - org.counters.apiCalls;
	if (typeof body.commitLagMs === 'number') org.store.commitLagMs = body.commitLagMs;
	if (typeof body.connectHourlyLimit === 'number' || body.connectHourlyLimit === null)
		org.connectRateLimit.hourlyLimit = body.connectHourlyLimit;
	if (typeof body.rotateRefreshTokens === 'boolean')
		org.sessions.rotateRefreshTokens = body.rotateRefreshTokens;
	if (typeof body.sessionLifetimeMs === 'number') org.sessions.lifetimeMs = body.sessionLifetimeMs;
	if (body.expireSessions === true) org.sessions.expireAll();
	if (Array.isArray(body.closedStatuses)) {
		org.store.closedStatuses = new Set(body.closedStatuses.map(String));
		org.syncCaseStatuses();
	}
}

/** `{advanceMs}` moves the clock on; `{freeze: true|false, at?}` stops or restarts it. */
export function setClock(org: SandboxOrg, body: Record<string, unknown>): void {
	if (body.freeze === true)
		org.clock.freeze(typeof body.at === 'string' ? parseDateTime(body.at) : undefined);
	if (body.freeze === false) org.clock.unfreeze();
	if (typeof body.advanceMs === 'number') org.clock.advance(body.advanceMs);
}

function auditOf(body: Record<string, unknown>) {
	const a = body.audit as { CreatedDate?: string; ClosedDate?: string } | undefined;
	if (!a) return undefined;
	return {
		...(a.CreatedDate ? { CreatedDate: parseDateTime(a.CreatedDate) } : {}),
		...(a.ClosedDate ? { ClosedDate: parseDateTime(a.ClosedDate) } : {}),
	};
}
