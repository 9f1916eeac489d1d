// Writes corpus.json: replies in 18 languages as the mail clients of each locale write them, each
// with the text a reader would call new. Run `npx tsx test/thread/corpus/generate.ts` (deterministic:
// the same seed writes the same file). See README.md for what the cases are and where the formats
// come from.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { HANDWRITTEN } from './handwritten';
import { LOCALES, type Locale, type When } from './locales';

export interface CorpusEmail {
	id: string;
	lang: string;
	client: string;
	/** top (reply above the quote), bottom, inline, forward, none (no quote). */
	style: string;
	format: 'text' | 'html';
	body: string;
	expected: string;
	/** Pieces of the quoted history and signature: one of these in the result is a leak. */
	leaks: string[];
	/** Pieces of the new text: one of these missing from the result is a loss. */
	keep: string[];
}

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function rng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = rng(20260514);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const chance = (p: number) => random() < p;
const shuffled = <T>(list: readonly T[]): T[] =>
	list
		.map((v) => ({ v, k: random() }))
		.sort((a, b) => a.k - b.k)
		.map((x) => x.v);

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SUPPORT = 'support@voltaris.example';

/** Wraps a line at `width` the way plain-text clients do (at a space, words never split). */
function wrap(line: string, width: number): string[] {
	if (line.length <= width) return [line];
	const out: string[] = [];
	let rest = line;
	while (rest.length > width) {
		let at = rest.lastIndexOf(' ', width);
		if (at <= 0) at = rest.indexOf(' ', width);
		if (at <= 0) break;
		out.push(rest.slice(0, at));
		rest = rest.slice(at + 1);
	}
	out.push(rest);
	return out;
}
const quote = (lines: string[], width = 0) =>
	lines
		.flatMap((l) => (width > 0 ? wrap(l, width - 2) : [l]))
		.map((l) => (l === '' ? '>' : `> ${l}`));

function when(): When {
	return {
		y: 2026,
		m: 1 + Math.floor(random() * 12),
		d: 1 + Math.floor(random() * 28),
		wd: Math.floor(random() * 7),
		hh: 7 + Math.floor(random() * 12),
		mm: Math.floor(random() * 60),
	};
}
const emailOf = (name: string) =>
	`${
		name
			.normalize('NFD')
			.replace(/[^\p{L}\s]/gu, '')
			.replace(/[^a-z\s]/gi, '')
			.trim()
			.toLowerCase()
			.replace(/\s+/g, '.') || 'kunde'
	}@customer.example`;

interface Message {
	greeting: string;
	paragraphs: string[];
	closing: string;
	name: string;
	/** A postscript after the name: new text that must survive the sign-off. */
	ps: string;
}

function newMessage(loc: Locale, to: string, signed: boolean): Message {
	const sentences = shuffled(loc.customer).slice(0, 2 + Math.floor(random() * 3));
	const paragraphs: string[] = [];
	for (let i = 0; i < sentences.length; ) {
		const size = chance(0.5) ? 1 : 2;
		paragraphs.push(sentences.slice(i, i + size).join(' '));
		i += size;
	}
	const hasClosing = chance(0.8);
	return {
		greeting: chance(0.8) ? loc.greet(to) : '',
		paragraphs: [...new Set(paragraphs)],
		closing: hasClosing ? pick(loc.closings) : '',
		name: signed || hasClosing || chance(0.5) ? pick(loc.names) : '',
		ps: loc.code === 'en' && chance(0.15) ? 'P.S. The serial number is HB10-2487-34399.' : '',
	};
}

function messageLines(m: Message): string[] {
	const lines: string[] = [];
	if (m.greeting) lines.push(m.greeting, '');
	for (const p of m.paragraphs) lines.push(p, '');
	if (m.closing) lines.push(m.closing);
	if (m.name) lines.push(m.name);
	if (m.ps) lines.push('', m.ps);
	while (lines.at(-1) === '') lines.pop();
	return lines;
}

/** The agent's earlier mail, as it is quoted under the reply. */
function agentMail(
	loc: Locale,
	customer: string,
	agent: string,
): { lines: string[]; sentences: string[] } {
	const sentences = shuffled(loc.agent).slice(0, 3);
	const lines = [
		loc.greet(customer.split(' ')[0]),
		'',
		sentences[0],
		sentences.slice(1).join(' '),
		'',
		pick(loc.closings),
		agent,
		'Voltaris Energy Support | www.voltaris.example',
	];
	return { lines, sentences };
}

interface Signature {
	lines: string[];
	leaks: string[];
}

/** What follows the sender's name: nothing, a contact block, a "-- " block, a footer. */
function signature(loc: Locale, m: Message, kind: string): Signature {
	const title = pick(loc.titles);
	switch (kind) {
		case 'block':
			return {
				lines: [
					title,
					loc.company,
					loc.phone,
					loc.address,
					`www.${
						loc.company
							.split(/\s/)[0]
							.toLowerCase()
							.replace(/[^a-z]/g, '') || 'firma'
					}.example`,
				].slice(0, 3 + Math.floor(random() * 3)),
				leaks: [title, loc.phone],
			};
		case 'dashes':
			return {
				lines: ['', '-- ', m.name || pick(loc.names), title, loc.phone],
				leaks: [title, loc.phone],
			};
		case 'footer':
			return { lines: ['', loc.footer], leaks: [loc.footer.slice(0, 40)] };
		case 'list':
			return {
				lines: [
					'',
					'_______________________________________________',
					'Voltaris-users mailing list',
					'voltaris-users@lists.voltaris.example',
					'https://lists.voltaris.example/mailman/listinfo/voltaris-users',
				],
				leaks: ['listinfo', 'mailing list'],
			};
		default:
			return { lines: [], leaks: [] };
	}
}

/** The attribution line as a client writes it, optionally wrapped. */
function attribution(client: string, loc: Locale, w: When, agent: string): string[] {
	switch (client) {
		case 'gmail':
			// Gmail's plain text wraps at 78 columns, attribution line included.
			return wrap(loc.gmail(w, agent, SUPPORT), chance(0.5) ? 78 : 60);
		case 'apple':
		case 'ios':
			return [loc.apple(w, agent, SUPPORT)];
		case 'thunderbird':
			return wrap(loc.thunderbird(w, agent), 72);
		case 'eudora':
			return [
				`At ${w.m}/${w.d}/${w.y} ${String(((w.hh + 11) % 12) + 1).padStart(2, '0')}:${String(w.mm).padStart(2, '0')} ${w.hh < 12 ? 'AM' : 'PM'}, you wrote:`,
			];
		default:
			return [loc.gmail(w, agent, SUPPORT)];
	}
}

function outlookHeader(
	loc: Locale,
	w: When,
	agent: string,
	customer: string,
	subject: string,
): string[] {
	const o = loc.outlook;
	const date = `${w.d}.${w.m}.${w.y} ${String(w.hh).padStart(2, '0')}:${String(w.mm).padStart(2, '0')}`;
	const lines = [
		`${o.from}: ${agent} <${SUPPORT}>`,
		`${o.sent}: ${date}`,
		`${o.to}: ${customer} <${emailOf(customer)}>`,
	];
	if (chance(0.3)) lines.push(`${o.cc}: billing@voltaris.example`);
	lines.push(`${o.subject}: ${loc.re} ${subject}`);
	return lines;
}

const CLIENTS = [
	'outlook',
	'outlook-original',
	'outlook-html',
	'owa-html',
	'gmail',
	'gmail-html',
	'apple',
	'apple-html',
	'thunderbird',
	'ios',
	'android',
	'quote-only',
];

function makeCase(index: number): CorpusEmail {
	const loc = LOCALES[index % LOCALES.length];
	let client = CLIENTS[Math.floor(index / LOCALES.length) % CLIENTS.length];
	if (loc.code === 'en' && index % 54 === 0) client = 'eudora';
	const roll = random();
	let style =
		roll < 0.62
			? 'top'
			: roll < 0.72
				? 'bottom'
				: roll < 0.86
					? 'inline'
					: roll < 0.94
						? 'forward'
						: 'none';
	if (client.endsWith('html') && style === 'inline') style = 'top';
	if (client.startsWith('outlook') || client === 'owa-html' || client === 'android') {
		if (style === 'bottom' || style === 'inline') style = 'top';
	}
	const agent = pick(loc.agents);
	const sigKind =
		client === 'ios' || client === 'android'
			? 'mobile'
			: pick(['none', 'none', 'block', 'block', 'dashes', 'footer', 'list']);
	// A contact block is signed: it starts under the sender's name.
	const m = newMessage(loc, agent.split(' ')[0], sigKind === 'block');
	const customer = m.name || pick(loc.names);
	const w = when();
	const prior = agentMail(loc, customer, agent);
	const leaks = [...prior.sentences];
	const sig = signature(loc, m, sigKind === 'mobile' ? 'none' : sigKind);
	leaks.push(...sig.leaks);
	const mine = messageLines(m);
	let expectedLines = [...mine];
	let newLines = [...mine, ...sig.lines];
	if (sigKind === 'mobile') {
		const line = pick(loc.mobile);
		newLines.push('', line);
		leaks.push(line);
	}

	// The quoted part, per client.
	let quoted: string[] = [];
	let html = '';
	const header = outlookHeader(
		loc,
		w,
		agent,
		customer,
		'Case 00012345 [ ref:_00D5e1Kcg._5005e2BSHop:ref ]',
	);
	leaks.push(SUPPORT);
	if (style === 'forward') {
		const note = m.paragraphs[0];
		const fwd = shuffled(loc.customer)[0];
		const forwarded = [
			client.startsWith('apple') || client === 'ios' ? loc.forwardApple : loc.forwardGmail,
			`${loc.outlook.from}: Northstar Freight <noreply@northstar.example>`,
			`${loc.outlook.sent}: ${w.d}.${w.m}.${w.y}`,
			`${loc.outlook.subject}: SO-2026-024560`,
			`${loc.outlook.to}: <${emailOf(customer)}>`,
			'',
			fwd,
		];
		const top = [note, '', m.name].filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== ''));
		newLines = [...top, '', ...forwarded];
		expectedLines = [...top, '', ...forwarded];
		leaks.length = 0;
		return finish(
			index,
			loc,
			client.replace(/-html$/, ''),
			style,
			newLines.join('\n'),
			'',
			expectedLines,
			leaks,
			[note, fwd],
		);
	}
	if (style === 'none') {
		leaks.length = 0;
		leaks.push(...sig.leaks);
		if (sigKind === 'mobile') leaks.push(newLines.at(-1) ?? '');
		return finish(
			index,
			loc,
			client,
			style,
			newLines.join('\n'),
			'',
			expectedLines,
			leaks,
			keepOf(m),
		);
	}

	switch (client) {
		case 'outlook':
			quoted = [
				chance(0.6) ? '________________________________' : '',
				...header,
				'',
				...prior.lines,
			];
			break;
		case 'outlook-original':
			quoted = [loc.outlook.original, ...header, '', ...prior.lines];
			break;
		case 'android':
			quoted = [
				'-------- ' + loc.outlook.original.replace(/-/g, '').trim() + ' --------',
				...header,
				'',
				...prior.lines,
			];
			break;
		case 'eudora':
			quoted = [...attribution(client, loc, w, agent), ...quote(prior.lines)];
			leaks.push('you wrote');
			break;
		case 'quote-only':
			quoted = quote(prior.lines);
			break;
		case 'outlook-html':
		case 'owa-html':
		case 'gmail-html':
		case 'apple-html':
			html = htmlBody(
				client,
				loc,
				newLines,
				header,
				attribution(client === 'apple-html' ? 'apple' : 'html', loc, w, agent).join(' '),
				prior.lines,
			);
			break;
		default: {
			const width = client === 'gmail' ? 78 : client === 'thunderbird' ? 72 : 0;
			let q = quote(prior.lines, width);
			if (chance(0.25)) {
				// A client that hard-wrapped a long quoted line at 72 columns without repeating the "> ".
				const [first, ...rest] = wrap(`> ${prior.lines[3]}`, 72);
				q = [
					...quote(prior.lines.slice(0, 3), width),
					first,
					...rest.slice(0, 2),
					...quote(prior.lines.slice(4), width),
				];
			}
			quoted = [...attribution(client, loc, w, agent), ...q];
		}
	}

	if (html) return finish(index, loc, client, style, '', html, expectedLines, leaks, keepOf(m));

	let body: string[];
	if (style === 'bottom') {
		body = [...quoted.filter((l) => l !== ''), '', ...newLines];
	} else if (style === 'inline') {
		// Answers under two of the agent's sentences, then the rest of the quote and its signature.
		const answers = shuffled(loc.customer).slice(0, 2);
		const intro = m.greeting || loc.greet(agent.split(' ')[0]);
		const head = attribution(client, loc, w, agent);
		body = [
			intro,
			'',
			...head,
			`> ${prior.sentences[0]}`,
			'',
			answers[0],
			'',
			`> ${prior.sentences[1]}`,
			'',
			answers[1],
			'',
			...quote(prior.lines.slice(5)),
			'>',
			`> ${loc.footer}`,
		];
		expectedLines = [
			intro,
			`> ${prior.sentences[0]}`,
			answers[0],
			`> ${prior.sentences[1]}`,
			answers[1],
		];
		leaks.length = 0;
		leaks.push(prior.sentences[2], 'www.voltaris.example', loc.footer.slice(0, 40), SUPPORT);
		return finish(index, loc, client, style, body.join('\n'), '', expectedLines, leaks, [
			intro,
			...answers,
		]);
	} else {
		body = [...newLines, '', ...quoted];
	}
	return finish(index, loc, client, style, body.join('\n'), '', expectedLines, leaks, keepOf(m));
}

function keepOf(m: Message): string[] {
	return [m.greeting, ...m.paragraphs, m.closing, m.name, m.ps].filter((s) => s !== '');
}

function htmlBody(
	client: string,
	loc: Locale,
	mine: string[],
	header: string[],
	attributionLine: string,
	prior: string[],
): string {
	const paras = (lines: string[], tag: string, cls = '') =>
		lines
			.map((l) => (l === '' ? `<${tag}${cls}><br></${tag}>` : `<${tag}${cls}>${esc(l)}</${tag}>`))
			.join('\n');
	const [from, ...rest] = header;
	const headerHtml = [from, ...rest]
		.map((l) => {
			const at = l.indexOf(':');
			return `<b>${esc(l.slice(0, at + 1))}</b>${esc(l.slice(at + 1))}`;
		})
		.join('<br>\n');
	switch (client) {
		case 'outlook-html':
			return `<html><body><div class=WordSection1>\n${paras(mine, 'p', ' class=MsoNormal')}\n<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>\n<p class=MsoNormal>${headerHtml}</p></div>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n${paras(prior, 'p', ' class=MsoNormal')}\n</div></body></html>`;
		case 'owa-html':
			return `<html><body><div dir="ltr">\n${paras(mine, 'div')}\n</div>\n<hr style="display:inline-block;width:98%" tabindex="-1">\n<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">${headerHtml}</font>\n<div>&nbsp;</div></div>\n<div>${paras(prior, 'div')}</div></body></html>`;
		case 'gmail-html':
			return `<div dir="ltr">${paras(mine, 'div')}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${esc(attributionLine)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${paras(prior, 'div')}</blockquote></div>`;
		default:
			return `<html><body style="word-wrap: break-word;">${paras(mine, 'div')}<div><br><blockquote type="cite"><div>${esc(attributionLine)}</div><br class="Apple-interchange-newline"><div>${paras(prior, 'div')}</div></blockquote></div></body></html>`;
	}
}

function finish(
	index: number,
	loc: Locale,
	client: string,
	style: string,
	text: string,
	html: string,
	expectedLines: string[],
	leaks: string[],
	keep: string[],
): CorpusEmail {
	const expected = expectedLines
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	const e = norm(expected);
	return {
		id: `${String(index + 1).padStart(3, '0')}-${loc.code}-${client}-${style}`,
		lang: loc.code,
		client,
		style,
		format: html ? 'html' : 'text',
		body: html || text,
		expected,
		leaks: [...new Set(leaks.map(norm))].filter((l) => l !== '' && !e.includes(l)),
		keep: [...new Set(keep.map(norm))].filter((k) => k !== ''),
	};
}

export const CORPUS_SIZE = 360;

/** The generated emails, then the hand-written ones. */
export function buildCorpus(): CorpusEmail[] {
	const generated = Array.from({ length: CORPUS_SIZE }, (_, i) => makeCase(i));
	const handwritten = HANDWRITTEN.map(
		([id, lang, client, style, body, expected, leaks, keep]): CorpusEmail => ({
			id: `hw-${id}`,
			lang,
			client,
			style,
			format: 'text',
			body,
			expected,
			leaks: leaks.map(norm),
			keep: keep.map(norm),
		}),
	);
	return [...generated, ...handwritten];
}

/** corpus.json as prettier formats it, so that `npm run format:check` passes on a fresh file. */
async function writeCorpus(): Promise<void> {
	const prettier = await import('prettier');
	const file = join(__dirname, 'corpus.json');
	const corpus = buildCorpus();
	const options = (await prettier.resolveConfig(file)) ?? {};
	writeFileSync(
		file,
		await prettier.format(JSON.stringify(corpus), { ...options, filepath: file }),
	);
	console.log(`wrote ${corpus.length} emails`);
}

if (require.main === module) void writeCorpus();
