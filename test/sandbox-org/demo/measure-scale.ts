// Measures demo data generation at benchmark scale: wall time and the heap it leaves behind.
//   node --expose-gc --import tsx test/sandbox-org/demo/measure-scale.ts [cases=100000] [seed=1]

import { SandboxOrg } from '../org';
import { generateDemoData } from './generate';
import { setUpDemoIdentity } from './identity';

function heapMb(): number {
	(globalThis as { gc?: () => void }).gc?.();
	return process.memoryUsage().heapUsed / 1e6;
}

const cases = Number(process.argv[2] ?? 100000);
const seed = Number(process.argv[3] ?? 1);
if (!(globalThis as { gc?: unknown }).gc)
	console.warn('run with node --expose-gc for a heap figure after garbage collection');

const before = heapMb();
const org = new SandboxOrg();
setUpDemoIdentity(org);
const started = process.hrtime.bigint();
const summary = generateDemoData(org, { seed, cases });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const after = heapMb();

// A reader (the REST API serializing a page, a regex in a test) flattens the bodies that
// generation left as shared concatenations: this is the heap once every body has been read.
let textChars = 0;
for (const m of org.store.rows('EmailMessage')) {
	for (const body of [m.TextBody, m.HtmlBody])
		if (typeof body === 'string' && /\u0000/.test(body) === false) textChars += body.length;
}
const flattened = heapMb();

// What the same rows would take in V8's fast (compact) object layout: Store.insert builds a row by
// assigning its fields one by one, which leaves rows of 16+ fields in dictionary mode (~4x larger);
// a spread copy is compact. Diagnostic only: reaches into the store's private tables.
const tables = (
	org.store as unknown as { tables: Map<string, Map<string, Record<string, unknown>>> }
).tables;
for (const table of tables.values()) for (const [id, row] of table) table.set(id, { ...row });
const compactRows = heapMb();

console.log(
	JSON.stringify(
		{
			cases,
			seed,
			seconds: Math.round(seconds * 10) / 10,
			heapMbBefore: Math.round(before),
			heapMbAfterGeneration: Math.round(after),
			heapMbAfterReadingEveryBody: Math.round(flattened),
			heapMbWithCompactRows: Math.round(compactRows),
			casesInOrg: org.store.count('Case'),
			emailBodyMegachars: Math.round(textChars / 1e6),
			rssMb: Math.round(process.memoryUsage().rss / 1e6),
			counts: summary.counts,
		},
		null,
		2,
	),
);
