import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { shortHash as hash } from '../shortHash';
import { unknownOutcome } from './outcomes';
import type { WriteLedgerScope, WriteRecord, WriteRequest, WriteResult } from './types';

/*
 * The write ledger: what earlier tries of this node, in this execution, did with each record, so
 * that n8n's Retry On Fail never writes a record twice.
 *
 * Retry On Fail (n8n-core's WorkflowExecute) calls the node's execute() again, with the same input
 * and the same run index, in the same execution, after it threw (or after it returned an error as
 * its first item). n8n keeps nothing of a failed try's output, so the node has to remember. It
 * keeps the ledger in the node's execution context (getContext('node')): n8n-core hands every try
 * of one execution the same context, and a worker in queue mode runs the whole execution, retries
 * included, in one process. Not in the workflow's static data: in queue mode a worker starts from
 * empty static data and saves what a node changed in place of the workflow's, which would erase
 * the cursor of a trigger in the same workflow. The context is saved with the execution only, so
 * the ledger keeps the current run's entries and is emptied once the node ends without a retry.
 *
 * It is used only when the node's Retry On Fail is on: otherwise no try repeats and nothing is kept.
 */

const KEY = 'writeLedger';

/** Per record: a fingerprint of the values sent, and the Id written or `u` for an unknown outcome. */
interface Entry {
	f: string;
	id?: string;
	created?: boolean;
	u?: 1;
}

type Scopes = Record<string, Record<string, Entry>>;

/** The ledger of one try: a scope per kind of write (operation, object, match field). */
export interface WriteLedger {
	scope(
		request: Pick<WriteRequest, 'operation' | 'objectName' | 'externalIdField'>,
	): WriteLedgerScope;
}

/** The ledger of this try, or undefined when Retry On Fail is off. */
export function openWriteLedger(ctx: IExecuteFunctions): WriteLedger | undefined {
	if (ctx.getNode().retryOnFail !== true) return undefined;
	const data = ctx.getContext('node');
	const key = executionKey(ctx);
	const stored = data[KEY] as Record<string, Scopes> | undefined;
	// Entries of other executions are dropped: a new execution is new work.
	if (stored) for (const other of Object.keys(stored)) if (other !== key) delete stored[other];
	// Created on the first note only, so that a try that writes nothing leaves the context untouched.
	const entriesOf = (name: string, create: boolean): Record<string, Entry> | undefined => {
		if (!create) return (data[KEY] as Record<string, Scopes> | undefined)?.[key]?.[name];
		const all = (data[KEY] ??= {}) as Record<string, Scopes>;
		const scopes = (all[key] ??= {});
		return (scopes[name] ??= {});
	};
	return {
		scope(request) {
			const name = `${request.operation}:${request.objectName}:${request.externalIdField ?? ''}`;
			const fingerprint = (record: WriteRecord) => hash(`${name}\n${stableJson(record.fields)}`);
			return {
				earlier(record: WriteRecord): WriteResult | undefined {
					const entry = entriesOf(name, false)?.[String(record.itemIndex)];
					if (!entry || entry.f !== fingerprint(record)) return undefined;
					if (entry.u)
						return unknownOutcome(
							record,
							'an earlier try of this node got no clear answer for it, so it was not sent again',
						);
					return {
						itemIndex: record.itemIndex,
						success: true,
						id: entry.id ?? '',
						...(entry.created === undefined ? {} : { created: entry.created }),
					};
				},
				note(records: WriteRecord[], results: WriteResult[]): void {
					if (!results.some((r) => r.success || r.outcome === 'unknown')) return;
					const entries = entriesOf(name, true) as Record<string, Entry>;
					records.forEach((record, i) => {
						const result = results[i];
						if (result.success)
							entries[String(record.itemIndex)] = {
								f: fingerprint(record),
								id: result.id,
								...(result.created === undefined ? {} : { created: result.created }),
							};
						// Only a create could be duplicated; an update, upsert or delete may be sent again.
						else if (result.outcome === 'unknown' && request.operation === 'create')
							entries[String(record.itemIndex)] = { f: fingerprint(record), u: 1 };
					});
				},
			};
		},
	};
}

/**
 * Empties the ledger once the node returns output n8n will not retry (its first item is not an
 * error), so that the saved execution does not carry it.
 */
export function closeWriteLedger(ctx: IExecuteFunctions, output: INodeExecutionData[]): void {
	if (ctx.getNode().retryOnFail !== true) return;
	if (
		output[0]?.json?.error !== undefined &&
		output[0]?.json?.error !== null &&
		output[0]?.json?.error !== false
	)
		return;
	const data = ctx.getContext('node');
	if (data[KEY] !== undefined) delete data[KEY];
}

function executionKey(ctx: IExecuteFunctions): string {
	let runIndex = 0;
	try {
		runIndex = Number(ctx.getWorkflowDataProxy(0).$runIndex) || 0;
	} catch {
		// No data proxy: one run.
	}
	return `${ctx.getExecutionId() ?? ''}:${runIndex}`;
}

/** JSON with keys in a fixed order, so that the same values give the same text. */
function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const o = value as IDataObject;
		return `{${Object.keys(o)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}
