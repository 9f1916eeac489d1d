import { DateTime } from 'luxon';

import type { ShapedComment, ShapedEmail, Speaker, TranscriptTurn } from './types';
import { epochMs } from '../salesforceDate';

/** One turn per email, under a heading with its subject (and, for a forward, where it went). */
export function emailTurns(emails: readonly ShapedEmail[]): TranscriptTurn[] {
	return emails.map((email) => {
		const sentTo = email.forwarded ? `, forwarded to ${email.to.join(', ')}` : '';
		return {
			at: epochMs(email.date),
			speaker: email.direction === 'fromCustomer' ? 'customer' : 'agent',
			name: email.from.name || email.from.address,
			text: email.text,
			channel: 'email',
			block: email.id,
			heading: `"${email.subject}"${sentTo}`,
		};
	});
}

export function commentTurns(comments: readonly ShapedComment[]): TranscriptTurn[] {
	return comments.map((comment, index) => ({
		at: epochMs(comment.date),
		speaker: comment.internal ? 'internalNote' : 'publicComment',
		name: comment.author,
		text: comment.text,
		channel: 'comment',
		block: comment.id ?? `comment-${index}`,
	}));
}

/** All turns in time order; turns of the same time (and undated ones, last) keep the order given. */
export function mergeTurns(...lists: ReadonlyArray<readonly TranscriptTurn[]>): TranscriptTurn[] {
	return lists
		.flat()
		.map((turn, index) => ({ turn, index }))
		.sort((a, b) => (a.turn.at ?? Infinity) - (b.turn.at ?? Infinity) || a.index - b.index)
		.map(({ turn }) => turn);
}

const LABELS: Readonly<Record<Speaker, string>> = {
	customer: 'Customer',
	agent: 'Agent',
	bot: 'Bot',
	internalNote: 'Internal note',
	publicComment: 'Public comment',
};
const CHANNELS: Readonly<Record<TranscriptTurn['channel'], string>> = {
	email: 'Email',
	chat: 'Chat',
	messaging: 'Messaging',
	comment: 'Case comment',
};

/** Messages left out of a transcript cut to fit (see transcriptBudget.ts): how many, and between which times. */
export type LeftOut = { leftOut: number; from: number | undefined; to: number | undefined };

/**
 * The conversation as one string for a prompt. Each email, chat, messaging session or comment opens
 * with a heading in brackets (channel, UTC time, an email's subject); each turn is
 * `Customer (Jane Doe): text`, `Agent (Hannah Weiß): text`, `Bot: ...` or `Internal note (...): ...`.
 */
export function renderTranscript(turns: ReadonlyArray<TranscriptTurn | LeftOut>): string {
	const parts: string[] = [];
	let block: string | undefined;
	for (const turn of turns) {
		if ('leftOut' in turn) {
			parts.push(`${parts.length > 0 ? '\n' : ''}${leftOutLine(turn)}`);
			block = undefined;
			continue;
		}
		if (turn.block !== block) {
			block = turn.block;
			const when =
				turn.at === undefined
					? ''
					: `, ${DateTime.fromMillis(turn.at, { zone: 'utc' }).toFormat("yyyy-MM-dd HH:mm 'UTC'")}`;
			parts.push(
				`${parts.length > 0 ? '\n' : ''}[${CHANNELS[turn.channel]}${when}${turn.heading ? `, ${turn.heading}` : ''}]`,
			);
		}
		const label = turn.name ? `${LABELS[turn.speaker]} (${turn.name})` : LABELS[turn.speaker];
		parts.push(`${label}: ${turn.text || '(no new text)'}`);
	}
	return parts.join('\n');
}

/** `[… 14 messages left out (3 Jan – 9 Feb) …]`; the year shows when the two dates differ in it. */
function leftOutLine({ leftOut, from, to }: LeftOut): string {
	const messages = `${leftOut} message${leftOut === 1 ? '' : 's'} left out`;
	if (from === undefined || to === undefined) return `[… ${messages} …]`;
	const [a, b] = [from, to].map((ms) => DateTime.fromMillis(ms, { zone: 'utc' }).setLocale('en'));
	const format = a.year === b.year ? 'd LLL' : 'd LLL yyyy';
	const span = a.hasSame(b, 'day')
		? a.toFormat(format)
		: `${a.toFormat(format)} – ${b.toFormat(format)}`;
	return `[… ${messages} (${span}) …]`;
}
