import { addressValue, attributes, blobUrl, jsonValue } from '../core/records';
import type { SObjectType } from '../core/schema';
import type { Row } from '../core/store';
import { childRows, type Snapshot } from './execute';
import { nameFieldValue, parentOf } from './paths';
import type { ChildQuery, CompiledQuery, SelectNode } from './types';

// One page of query results as JSON. Each record starts with `attributes`; a parent reached
// through a relationship is a nested record (`attributes.type` is `Name` for a polymorphic one),
// or null; a subquery gives `{totalSize, done, nextRecordsUrl?, records}` or null when the parent
// has no children. Child rows count toward the page size.

/** Child rows returned inline under each parent; the rest page through the child result's nextRecordsUrl. */
export const CHILD_INLINE_LIMIT = 200;

export interface PageWriter {
	/** API version of the request (`62.0`), for the URLs in the records. */
	version: string;
	snapshot: Snapshot;
	/** Opens a cursor over the rest of a child result and returns its nextRecordsUrl. */
	openChildCursor(child: ChildQuery, rows: readonly Row[], from: number): string;
}

/** A row with its subquery results worked out, and what it costs in the page's row budget. */
interface Expanded {
	row: Row;
	cost: number;
	children: Map<ChildQuery, { all: readonly Row[]; inline: Expanded[] }>;
}

/** Records from `from` on while they fit in `batchSize` rows (at least one); `next` is where the next page starts. */
export function buildPage(
	rows: readonly Row[],
	query: CompiledQuery,
	type: SObjectType,
	from: number,
	batchSize: number,
	writer: PageWriter,
) {
	const records: Array<Record<string, unknown>> = [];
	let used = 0;
	let next = from;
	for (; next < rows.length; next++) {
		const expanded = expand(rows[next], query, writer.snapshot);
		if (used > 0 && used + expanded.cost > batchSize) break;
		used += expanded.cost;
		records.push(recordJson(expanded, query, type, writer));
	}
	return { records, next };
}

function expand(row: Row, query: CompiledQuery, snapshot: Snapshot): Expanded {
	let cost = 1;
	const children = new Map<ChildQuery, { all: readonly Row[]; inline: Expanded[] }>();
	for (const child of query.children) {
		const all = childRows(child, row, snapshot);
		const inline = all.slice(0, CHILD_INLINE_LIMIT).map((r) => expand(r, child.query, snapshot));
		for (const e of inline) cost += e.cost;
		children.set(child, { all, inline });
	}
	return { row, cost, children };
}

function recordJson(
	expanded: Expanded,
	query: CompiledQuery,
	type: SObjectType,
	writer: PageWriter,
): Record<string, unknown> {
	const out: Record<string, unknown> = {
		attributes: attributes(type, expanded.row.Id, writer.version),
	};
	writeNodes(out, query.select, { row: expanded.row, type, viaName: false }, expanded, writer);
	return out;
}

interface At {
	row: Row;
	/** The row's actual object. */
	type: SObjectType;
	/** Reached through a polymorphic relationship: fields are the `Name` object's. */
	viaName: boolean;
}

function writeNodes(
	out: Record<string, unknown>,
	nodes: SelectNode[],
	at: At,
	expanded: Expanded | undefined,
	writer: PageWriter,
): void {
	const { schema, store } = writer.snapshot.ctx;
	for (const node of nodes) {
		if (node.kind === 'field') {
			if (node.field.type === 'address') out[node.key] = addressValue(node.field.name, at.row);
			else if (node.field.type === 'location') out[node.key] = null;
			else if (node.field.type === 'base64')
				out[node.key] = blobUrl(at.type, at.row, node.field.name, writer.version);
			else
				out[node.key] = jsonValue(
					node.field,
					at.viaName ? nameFieldValue(at.type, at.row, node.field.name) : at.row[node.field.name],
				);
		} else if (node.kind === 'parent') {
			const parent = parentOf(schema, store, node.hop, at.row);
			if (!parent) {
				out[node.key] = null;
				continue;
			}
			const polymorphic = node.hop.target.kind === 'name';
			const nested: Record<string, unknown> = {
				attributes: {
					type: polymorphic ? 'Name' : parent.type.name,
					url: attributes(parent.type, parent.row.Id, writer.version).url,
				},
			};
			writeNodes(
				nested,
				node.children,
				{ row: parent.row, type: parent.type, viaName: polymorphic },
				undefined,
				writer,
			);
			out[node.key] = nested;
		} else {
			const result = expanded?.children.get(node.child);
			out[node.key] =
				result && result.all.length > 0
					? childResult(node.child, result.all, result.inline, writer)
					: null;
		}
	}
}

function childResult(
	child: ChildQuery,
	all: readonly Row[],
	inline: Expanded[],
	writer: PageWriter,
): Record<string, unknown> {
	const done = all.length <= inline.length;
	const result: Record<string, unknown> = { totalSize: all.length, done };
	if (!done) result.nextRecordsUrl = writer.openChildCursor(child, all, inline.length);
	result.records = inline.map((e) => recordJson(e, child.query, child.childType, writer));
	return result;
}
