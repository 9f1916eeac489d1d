// Email bodies as real mail clients write them: the new text on top, then the quoted history in
// the client's own style (Gmail's "On ... wrote:" with "> " lines and <div class="gmail_quote">,
// Outlook's From/Sent/To/Subject block and <div id="divRplyFwdMsg">, Apple's <blockquote
// type="cite">, the Salesforce composer's "Original Message" block).
//
// Quoted history repeats every earlier message, so a long thread's bodies grow quadratically.
// Where a client keeps the earlier text as it was (HTML, Outlook's unprefixed text), the new body
// is built by concatenation and V8 keeps the earlier string shared instead of copying it.

import { appleDate, gmailDate, outlookDate, salesforceDate, type DateOrder } from './dates';

export type MailClient =
	| 'gmail'
	| 'outlook'
	| 'outlook-classic'
	| 'apple'
	| 'iphone'
	| 'salesforce';

export interface Mailbox {
	name: string;
	address: string;
}

/** What a reply needs to quote its predecessor. */
export interface QuotedMail {
	from: Mailbox;
	to: string;
	cc: string | null;
	subject: string;
	sentAt: number;
	text: string;
	/** The HTML of the body without the document wrapper, as a reply embeds it. */
	contentHtml: string;
}

export interface Signature {
	text: string;
	html: string;
}

export interface MailDraft {
	client: MailClient;
	/** Lines before the body (`Hi Jane,`), empty for none. */
	greeting: string;
	paragraphs: readonly string[];
	/** `Thanks,` followed by the sender's first name, or empty. */
	closing: string;
	signature: Signature;
	/** How the sender's clock and calendar read (for the reply header of the quoted mail). */
	offsetMinutes: number;
	dateOrder: DateOrder;
	/** The mail being answered or forwarded; its body is quoted below the new text. */
	quoted?: QuotedMail;
	/** A line after the signature, before the quote (the Salesforce threading token). */
	trailer?: string;
}

export interface ComposedBody {
	text: string;
	html: string;
	contentHtml: string;
}

/** Escapes text for HTML; text with nothing to escape comes back as the same string (no copy). */
export function escapeHtml(s: string): string {
	if (!/[&<>"]/.test(s)) return s;
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

const mailbox = (m: Mailbox) => `${m.name} <${m.address}>`;

const FLATTEN = /^\u0000/;

/**
 * Has V8 store `s` as one flat string. A string built with `+` or a template literal is a tree of
 * its pieces, which for many small pieces costs several times the text; running a regular
 * expression over it flattens it in place.
 */
export function flatten(s: string): string {
	FLATTEN.test(s);
	return s;
}

/**
 * The body of a new mail or reply, text and HTML. Memory matters at benchmark scale (hundreds of
 * thousands of mails): each body is one flat string for what is new (Array.join copies its parts
 * into one string, where `+` would leave a tree of small pieces that costs more than the text),
 * joined by `+` to the quoted predecessor, which V8 then shares instead of copying.
 */
export function composeBody(d: MailDraft): ComposedBody {
	const blocks = [d.greeting, ...d.paragraphs].filter((b) => b !== '');
	const text = [blocks.join('\n\n')];
	if (d.closing) text.push('\n\n', d.closing);
	if (d.signature.text) text.push(d.closing ? '\n' : '\n\n', d.signature.text);
	const html = [htmlBlocks(d.client, blocks, d.closing), d.signature.html];
	if (d.trailer) {
		text.push('\n\n', d.trailer);
		html.push('<br><div style="font-size:10px;color:#777777">', escapeHtml(d.trailer), '</div>');
	}
	if (!d.quoted) {
		const content = html.join('');
		return { text: text.join(''), contentHtml: content, html: wrapDocument(d.client, content) };
	}
	const quote = textQuote(d, d.quoted);
	const htmlQuoteParts = htmlQuote(d, d.quoted);
	const content =
		html.join('') + htmlQuoteParts.before + d.quoted.contentHtml + htmlQuoteParts.after;
	const plain = quote.shared
		? text.join('') + quote.header + d.quoted.text
		: text.join('') + quote.header;
	return { text: plain, contentHtml: content, html: wrapDocument(d.client, content) };
}

function htmlBlocks(client: MailClient, blocks: string[], closing: string): string {
	const lines = (s: string) => s.split('\n').map(escapeHtml).join('<br>');
	switch (client) {
		case 'gmail':
			return `<div dir="ltr">${blocks.map((b) => `<div>${lines(b)}</div>`).join('<div><br></div>')}${closing ? `<div><br></div><div>${lines(closing)}</div>` : ''}</div>`;
		case 'outlook':
			return `<div class="elementToProof" style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">${blocks.map(lines).join('<br><br>')}${closing ? `<br><br>${lines(closing)}` : ''}</div>`;
		case 'outlook-classic':
			return `<div class="WordSection1">${blocks.map((b) => `<p class="MsoNormal">${lines(b)}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>`).join('')}${closing ? `<p class="MsoNormal">${lines(closing)}<o:p></o:p></p>` : ''}</div>`;
		case 'apple':
		case 'iphone':
			return `<div dir="ltr">${blocks.map(lines).join('<br><br>')}${closing ? `<br><br>${lines(closing)}` : ''}</div>`;
		case 'salesforce':
			return `<div style="font-family: Arial, Helvetica, sans-serif; font-size: 10pt;">${blocks.map((b) => `<p>${lines(b)}</p>`).join('')}${closing ? `<p>${lines(closing)}</p>` : ''}</div>`;
	}
}

function quoteLines(text: string): string {
	return text
		.split('\n')
		.map((l) => (l === '' ? '>' : l.startsWith('>') ? `>${l}` : `> ${l}`))
		.join('\n');
}

/**
 * The text between the new part and the quoted mail. Clients that prefix every quoted line
 * ("> ") return the whole quote in `header` (a new string, by nature a copy); the others keep the
 * earlier text as it was (`shared`), to be appended after the header.
 */
function textQuote(d: MailDraft, q: QuotedMail): { header: string; shared: boolean } {
	const when = q.sentAt;
	const headerBlock = (first: string, sent: string, from: string) =>
		[
			`\n\n${first}\nFrom: ${from}\nSent: ${sent}\nTo: ${q.to}\n`,
			q.cc ? `Cc: ${q.cc}\n` : '',
			`Subject: ${q.subject}\n\n`,
		].join('');
	switch (d.client) {
		case 'gmail':
			return {
				header: [
					`\n\nOn ${gmailDate(when, d.offsetMinutes, d.dateOrder)} ${mailbox(q.from)} wrote:\n\n`,
					quoteLines(q.text),
				].join(''),
				shared: false,
			};
		case 'apple':
			return {
				header: [
					`\n\nOn ${appleDate(when, d.offsetMinutes, d.dateOrder)}, ${mailbox(q.from)} wrote:\n\n`,
					quoteLines(q.text),
				].join(''),
				shared: false,
			};
		case 'iphone':
			return {
				header: [
					'\n\n',
					quoteLines(
						`On ${appleDate(when, d.offsetMinutes, d.dateOrder)}, ${mailbox(q.from)} wrote:\n\n${q.text}`,
					),
				].join(''),
				shared: false,
			};
		case 'outlook':
			return {
				header: headerBlock(
					'________________________________',
					outlookDate(when, d.offsetMinutes, d.dateOrder),
					mailbox(q.from),
				),
				shared: true,
			};
		case 'outlook-classic':
			return {
				header: headerBlock(
					'-----Original Message-----',
					outlookDate(when, d.offsetMinutes, d.dateOrder),
					mailbox(q.from),
				),
				shared: true,
			};
		case 'salesforce':
			return {
				header: headerBlock(
					'--------------- Original Message ---------------',
					salesforceDate(when, d.offsetMinutes),
					`${q.from.name} [${q.from.address}]`,
				),
				shared: true,
			};
	}
}

/** The HTML around the quoted mail's content, which every client keeps as it was. */
function htmlQuote(d: MailDraft, q: QuotedMail): { before: string; after: string } {
	const when = q.sentAt;
	const from = `${escapeHtml(q.from.name)} &lt;<a href="mailto:${q.from.address}">${q.from.address}</a>&gt;`;
	const plainFrom = escapeHtml(mailbox(q.from));
	const header = (sent: string) =>
		`<b>From:</b> ${plainFrom}<br><b>Sent:</b> ${sent}<br><b>To:</b> ${escapeHtml(q.to)}<br>${q.cc ? `<b>Cc:</b> ${escapeHtml(q.cc)}<br>` : ''}<b>Subject:</b> ${escapeHtml(q.subject)}`;
	const around = (before: string, after: string) => ({ before: flatten(before), after });
	switch (d.client) {
		case 'gmail':
			return around(
				`<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On ${escapeHtml(gmailDate(when, d.offsetMinutes, d.dateOrder))} ${from} wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">`,
				'</blockquote></div>',
			);
		case 'apple':
		case 'iphone':
			return around(
				`<div dir="ltr"><br><blockquote type="cite">On ${escapeHtml(appleDate(when, d.offsetMinutes, d.dateOrder))}, ${plainFrom} wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">`,
				'</div></blockquote>',
			);
		case 'outlook':
			return around(
				`<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">${header(escapeHtml(outlookDate(when, d.offsetMinutes, d.dateOrder)))}</font><div>&nbsp;</div></div>`,
				'',
			);
		case 'outlook-classic':
			return around(
				`<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal">-----Original Message-----<br>${header(escapeHtml(outlookDate(when, d.offsetMinutes, d.dateOrder)))}<o:p></o:p></p></div></div>`,
				'',
			);
		case 'salesforce':
			return around(
				`<br><br>--------------- Original Message ---------------<br><b>From:</b> ${escapeHtml(q.from.name)} [${q.from.address}]<br><b>Sent:</b> ${salesforceDate(when, d.offsetMinutes)}<br><b>To:</b> ${escapeHtml(q.to)}<br>${q.cc ? `<b>Cc:</b> ${escapeHtml(q.cc)}<br>` : ''}<b>Subject:</b> ${escapeHtml(q.subject)}<br><blockquote style="margin:0 0 0 5px;border-left:1px solid #cccccc;padding-left:5px">`,
				'</blockquote>',
			);
	}
}

const OUTLOOK_HEAD =
	'<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n</head>\n<body dir="ltr">\n';
const OUTLOOK_CLASSIC_HEAD =
	'<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0in;font-size:11.0pt;font-family:"Calibri",sans-serif;}--></style></head><body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">';

function wrapDocument(client: MailClient, content: string): string {
	switch (client) {
		case 'gmail':
			return content;
		case 'outlook':
			return `${OUTLOOK_HEAD}${content}\n</body>\n</html>\n`;
		case 'outlook-classic':
			return `${OUTLOOK_CLASSIC_HEAD}${content}</body></html>`;
		case 'apple':
		case 'iphone':
			return `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">${content}</body></html>`;
		case 'salesforce':
			return `<html><head><title></title></head><body style="height: auto; min-height: auto;">${content}</body></html>`;
	}
}

/** A customer's signature in the style of their mail client and habits. */
export function customerSignature(
	style: 'dashes' | 'name' | 'company' | 'iphone' | 'outlook-mobile' | 'none',
	p: { firstName: string; name: string; title: string; company: string; phone: string | null },
): Signature {
	const esc = escapeHtml;
	switch (style) {
		case 'dashes': {
			const lines = [p.name, `${p.title}, ${p.company}`, ...(p.phone ? [p.phone] : [])];
			return {
				text: `${p.firstName}\n\n-- \n${lines.join('\n')}`,
				html: `<div>${esc(p.firstName)}</div><br><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">${lines.map(esc).join('<br>')}</div></div>`,
			};
		}
		case 'name':
			return { text: p.firstName, html: `<div>${esc(p.firstName)}</div>` };
		case 'company': {
			const lines = [p.name, p.title, p.company, ...(p.phone ? [`Tel. ${p.phone}`] : [])];
			return {
				text: lines.join('\n'),
				html: `<div id="Signature"><p>${lines.map(esc).join('<br>')}</p></div>`,
			};
		}
		case 'iphone':
			return {
				text: `${p.firstName}\n\nSent from my iPhone`,
				html: `<div dir="ltr">${esc(p.firstName)}</div><div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div>`,
			};
		case 'outlook-mobile':
			return {
				text: `${p.firstName}\n\nGet Outlook for Android`,
				html: `<div>${esc(p.firstName)}</div><div id="ms-outlook-mobile-signature"><div><br></div>Get Outlook for Android</div>`,
			};
		case 'none':
			return { text: '', html: '' };
	}
}
