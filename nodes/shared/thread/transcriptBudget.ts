import { renderTranscript, type LeftOut } from './transcript';
import type { TranscriptTurn } from './types';

/** The transcript, and whether it was cut to fit its budget. */
export interface BudgetedTranscript {
	transcript: string;
	cut: boolean;
}

const ELLIPSIS = ' […]';
/** Below this many characters for a message's text, the latest message is left out rather than cut. */
const SMALLEST_TEXT = 40;

function leftOut(turns: readonly TranscriptTurn[]): LeftOut[] {
	if (turns.length === 0) return [];
	const dated = turns.map((t) => t.at).filter((at): at is number => at !== undefined);
	return [
		{
			leftOut: turns.length,
			from: dated.length > 0 ? Math.min(...dated) : undefined,
			to: dated.length > 0 ? Math.max(...dated) : undefined,
		},
	];
}

const shorten = (text: string, length: number) =>
	text.length <= length
		? text
		: `${text.slice(0, Math.max(0, length - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;

/**
 * The transcript in at most `budget` characters (0: no limit). A longer one keeps the first customer
 * message (the first message, when the customer wrote none) and as many of the latest messages as
 * fit, with a line in each gap saying how many messages were left out and between which dates. When
 * even the first and the latest message do not fit, their texts are shortened (ending in "[…]").
 */
export function renderTranscriptWithin(
	turns: readonly TranscriptTurn[],
	budget: number,
): BudgetedTranscript {
	const full = renderTranscript(turns);
	if (budget <= 0 || full.length <= budget) return { transcript: full, cut: false };
	const first = Math.max(
		0,
		turns.findIndex((t) => t.speaker === 'customer'),
	);
	// The transcript keeping the first customer message and the messages from `tail` on.
	const keeping = (tail: number, firstTurn = turns[first], tailTurns = turns.slice(tail)) =>
		renderTranscript([
			...leftOut(turns.slice(0, first)),
			firstTurn,
			...leftOut(turns.slice(first + 1, tail)),
			...tailTurns,
		]);
	// The fewest latest messages to leave out: a longer tail is (almost always) a longer transcript.
	let lo = first + 1;
	let hi = turns.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (keeping(mid).length <= budget) hi = mid;
		else lo = mid + 1;
	}
	while (lo < turns.length && keeping(lo).length > budget) lo++;
	if (lo < turns.length) return { transcript: keeping(lo), cut: true };
	// Not even the first customer message and the latest one fit: shorten their texts.
	const last = turns.length - 1 > first ? turns.length - 1 : undefined;
	const bare = (turn: TranscriptTurn) => ({ ...turn, text: ELLIPSIS.trim() });
	const overhead = keeping(
		last ?? turns.length,
		bare(turns[first]),
		last === undefined ? [] : [bare(turns[last])],
	).length;
	let room = budget - overhead + (last === undefined ? 1 : 2) * ELLIPSIS.trim().length;
	const lastText = last === undefined ? '' : turns[last].text;
	const firstRoom = Math.min(
		turns[first].text.length,
		Math.max(Math.floor(room / 2), room - lastText.length),
	);
	const lastRoom = room - firstRoom;
	let transcript: string;
	if (last !== undefined && lastRoom >= SMALLEST_TEXT)
		transcript = keeping(last, { ...turns[first], text: shorten(turns[first].text, firstRoom) }, [
			{ ...turns[last], text: shorten(lastText, lastRoom) },
		]);
	else {
		room = budget - keeping(turns.length, bare(turns[first]), []).length + ELLIPSIS.trim().length;
		transcript = keeping(
			turns.length,
			{ ...turns[first], text: shorten(turns[first].text, room) },
			[],
		);
	}
	// A budget smaller than the headings themselves: cut the text itself.
	return {
		transcript: transcript.length > budget ? shorten(transcript, budget) : transcript,
		cut: true,
	};
}
