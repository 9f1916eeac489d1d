import { Connection } from '@jsforce/jsforce-node';
import { distance } from 'fastest-levenshtein';

import {
	emailSubquery,
	shapeEmails,
	type CaseThreadRecord,
	type EmailMessageRecord,
	type ShapedEmail,
} from '../../nodes/shared/thread';
import type { MailDraft } from '../sandbox-org/demo/mail-format';
import { API_VERSION, startTestOrg, type TestOrg } from '../sandbox-org/testing';

// Measures the new-text extraction on every email of a 200-case demo org (seed 1), read through the
// REST API with the trigger's subquery. The demo generator composes each body from parts (greeting,
// paragraphs, closing, signature, threading token, then the quoted predecessor in the sender's mail
// client's style); recording those parts gives the text a reader would call new.
//
// An extraction is exact when, whitespace aside, it is the message with or without its closing line
// ("Thanks,") and the name signed under it (the extraction keeps "Thanks,\nMia Clarke" and cuts the
// title, company and phone under the name). It is near-exact when within 10% edit distance of
// the nearest of these. Leaks are checked separately and must be none: no paragraph of an earlier
// mail of the reply chain, no quote header, `>` line or threading token.
//
// Every email is measured twice: from TextBody, and from HtmlBody alone (TextBody blanked), the
// path for mail that Salesforce stored without a text body.

const mockDrafts = new Map<string, MailDraft>();
jest.mock('../sandbox-org/demo/mail-format', () => {
	const actual = jest.requireActual<typeof import('../sandbox-org/demo/mail-format')>(
		'../sandbox-org/demo/mail-format',
	);
	return {
		...actual,
		composeBody: (d: MailDraft) => {
			const body = actual.composeBody(d);
			mockDrafts.set(body.text, d);
			return body;
		},
	};
});

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The acceptable extractions: the message, with its closing, with its closing and signed name. */
function acceptable(d: MailDraft): string[] {
	const message = [d.greeting, ...d.paragraphs].filter((p) => p !== '').join('\n\n');
	const name = d.signature.text.split('\n')[0];
	const out = [message];
	if (d.closing) out.push(`${message}\n${d.closing}`);
	if (name) out.push(d.closing ? `${message}\n${d.closing}\n${name}` : `${message}\n${name}`);
	return out.map(norm);
}

/** Paragraphs and signature lines of a mail, as they would appear if quoted. */
function quotable(d: MailDraft): string[] {
	return [
		d.greeting,
		...d.paragraphs.flatMap((p) => p.split('\n\n')),
		...d.signature.text.split('\n').slice(1),
	]
		.map(norm)
		.filter((p) => p.length >= 20);
}

const QUOTE_MARKS = /\bwrote:|Original Message|^(?:From|Sent|To|Subject):|^>|ref:[_!]|thread::/m;

interface Measure {
	emails: number;
	exact: number;
	near: number;
	leaks: string[];
	signatureLeaks: string[];
	byClient: Record<string, { emails: number; exact: number; near: number }>;
}

/** The text each email of a case gets, by Id. */
type Extract = (records: readonly EmailMessageRecord[]) => Map<string, string>;

const fromTextBody: Extract = (records) =>
	new Map(shapeEmails(records, { includeDrafts: true }).map((e: ShapedEmail) => [e.id, e.text]));
const fromHtmlBody: Extract = (records) =>
	fromTextBody(records.map((r) => ({ ...r, TextBody: '' })));
/** No extraction at all: shows that the checks see quoted history when it is there. */
const wholeBody: Extract = (records) => new Map(records.map((r) => [r.Id, r.TextBody ?? '']));

function measure(cases: readonly CaseThreadRecord[], extract: Extract): Measure {
	const m: Measure = { emails: 0, exact: 0, near: 0, leaks: [], signatureLeaks: [], byClient: {} };
	for (const c of cases) {
		const records: EmailMessageRecord[] = c.EmailMessages?.records ?? [];
		const byId = new Map(records.map((r) => [r.Id, r]));
		const texts = extract(records);
		for (const record of records) {
			const draft = mockDrafts.get(record.TextBody ?? '') as MailDraft;
			const text = texts.get(record.Id) ?? '';
			const out = norm(text);
			const targets = acceptable(draft);
			const client = (m.byClient[draft.client] ??= { emails: 0, exact: 0, near: 0 });
			m.emails++;
			client.emails++;
			if (targets.includes(out)) {
				m.exact++;
				client.exact++;
			} else if (
				Math.max(...targets.map((x) => 1 - distance(x, out) / Math.max(x.length, out.length, 1))) >=
				0.9
			) {
				m.near++;
				client.near++;
			}
			// The reply chain: what this mail's body quotes, unless its own text says the same.
			const own = new Set(quotable(draft));
			for (
				let up = byId.get(record.ReplyToEmailMessageId ?? '');
				up;
				up = byId.get(up.ReplyToEmailMessageId ?? '')
			) {
				const quoted = quotable(mockDrafts.get(up.TextBody ?? '') as MailDraft).find(
					(p) => !own.has(p) && out.includes(p),
				);
				if (quoted) m.leaks.push(`${record.Id}: "${quoted}"`);
			}
			if (QUOTE_MARKS.test(text)) m.leaks.push(`${record.Id}: ${JSON.stringify(text.slice(-200))}`);
			const outLines = new Set(text.split('\n').map(norm));
			const signatureLine = draft.signature.text
				.split('\n')
				.slice(1)
				.map(norm)
				.find((l) => l.length > 3 && outLines.has(l));
			if (signatureLine)
				m.signatureLeaks.push(`${record.Id} (${draft.client}): "${signatureLine}"`);
		}
	}
	return m;
}

function report(label: string, m: Measure): void {
	const pct = (n: number) => `${((100 * n) / m.emails).toFixed(1)}%`;
	const clients = Object.entries(m.byClient)
		.map(([k, v]) => `${k} ${v.exact}+${v.near}/${v.emails}`)
		.join(', ');
	console.log(
		`${label}: ${m.emails} emails, exact ${m.exact} (${pct(m.exact)}), near-exact ${m.near} (${pct(m.near)}), together ${pct(m.exact + m.near)}; ` +
			`quoted-history leaks ${m.leaks.length}; signature lines left ${m.signatureLeaks.length}\nby client (exact+near/all): ${clients}`,
	);
}

describe('new text of every email of a 200-case demo org (seed 1)', () => {
	let t: TestOrg;
	let cases: CaseThreadRecord[];

	beforeAll(async () => {
		t = await startTestOrg({ cases: 200, seed: 1 });
		const conn = new Connection({ instanceUrl: t.url, accessToken: t.token, version: API_VERSION });
		const result = await conn.query<CaseThreadRecord>(`SELECT Id, ${emailSubquery()} FROM Case`, {
			autoFetch: true,
			maxFetch: 100000,
		});
		cases = result.records;
	}, 60_000);
	afterAll(async () => {
		await t.close();
	});

	it('reads every stored email, each with the parts it was composed of', () => {
		const read = cases.flatMap((c) => c.EmailMessages?.records ?? []);
		expect(read.length).toBe(t.org.store.rows('EmailMessage').length);
		expect(read.length).toBeGreaterThan(500);
		expect(read.filter((r) => !mockDrafts.has(r.TextBody ?? ''))).toEqual([]);
	});

	it.each([
		['from TextBody', fromTextBody],
		['from HtmlBody alone', fromHtmlBody],
	])('%s: at least 98%% exact, no quoted history or signature line anywhere', (label, extract) => {
		const m = measure(cases, extract);
		report(label, m);
		expect(m.leaks).toEqual([]);
		expect(m.exact / m.emails).toBeGreaterThanOrEqual(0.98);
		// Also the auto-response's web address under its team name, which signs without a sign-off line.
		expect(m.signatureLeaks).toEqual([]);
	});

	it('finds the quoted history and signatures when nothing is removed', () => {
		const m = measure(cases, wholeBody);
		const flagged = new Set(m.leaks.map((l) => l.split(':')[0]));
		const quoting = cases
			.flatMap((c) => c.EmailMessages?.records ?? [])
			.filter((r) => mockDrafts.get(r.TextBody ?? '')?.quoted);
		expect(quoting.length).toBeGreaterThan(300);
		expect(quoting.filter((r) => !flagged.has(r.Id)).map((r) => r.Id)).toEqual([]);
		expect(m.signatureLeaks.length).toBeGreaterThan(400);
		expect(m.exact / m.emails).toBeLessThan(0.1);
	});
});
