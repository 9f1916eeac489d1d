// How Salesforce ties mail to a case: the Ref ID of Email-to-Case's older threading
// (`ref:!00DVE01ecv.!500VE01sdS2:ref`, built from the org and case Ids), the Lightning threading
// token that replaced it (`thread::pp5XPGfmNf2hRZdRCWnrohc::`, opaque), and the Message-ID headers
// that header-based threading follows (EmailMessage.MessageIdentifier / ThreadIdentifier).

import { flatten, type MailClient } from './mail-format';
import { hashString, Random } from './random';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An Id's part of a Ref ID: its first six characters, then the rest without leading zeros. */
function refPart(id: string): string {
	const id15 = id.slice(0, 15);
	return id15.slice(0, 6) + id15.slice(6).replace(/^0+/, '');
}

/** `ref:!00DSb0g.!500Sb0Ab3x:ref` */
export function refId(orgId: string, caseId: string): string {
	return `ref:!${refPart(orgId)}.!${refPart(caseId)}:ref`;
}

/** `thread::pp5XPGfmNf2hRZdRCWnrohc::` (stable for a case; not derivable from its Id in a real org). */
export function lightningToken(caseId: string, seed: number): string {
	return `thread::${new Random(hashString(caseId), seed).chars(ALNUM, 23)}::`;
}

/** How a threading token sits at the end of a subject line. */
export function subjectWithToken(subject: string, token: string): string {
	return flatten(`${subject} [ ${token} ]`);
}

/** A Message-ID as the sender's system writes it, angle brackets included. */
export function messageId(r: Random, client: MailClient, domain: string): string {
	return flatten(rawMessageId(r, client, domain));
}

function rawMessageId(r: Random, client: MailClient, domain: string): string {
	switch (client) {
		case 'salesforce':
			return `<${r.chars(ALNUM, 5)}${'0'.repeat(45)}S${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 5)}00${r.chars(`${ALNUM}_-`, 22)}@sfdc.net>`;
		case 'gmail':
			return `<CA${r.chars(`${ALNUM}+`, 42)}=${r.chars(ALNUM, 2)}@mail.${domain}>`;
		case 'outlook':
		case 'outlook-classic': {
			const host = `${r.pick(['DM6PR', 'SN6PR', 'BY5PR', 'AM0PR', 'LO2P'])}${r.int(10, 19)}MB${r.int(1000, 9999)}`;
			return `<${host}${r.chars('0123456789ABCDEF', 28)}@${host}.mail.${domain}>`;
		}
		case 'apple':
		case 'iphone':
			return `<${r.uuid().toUpperCase()}@${domain}>`;
	}
}
