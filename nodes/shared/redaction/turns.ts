import type { TranscriptTurn } from '../thread/types';
import type { Redactor } from './redactor';

/**
 * The transcript's turns redacted: the people who speak in them (customers, agents, comment authors)
 * are added to the names to redact first, then each turn's name, text and heading is redacted.
 */
export function redactTurns(
	redactor: Redactor,
	turns: readonly TranscriptTurn[],
): TranscriptTurn[] {
	redactor.addNames(turns.filter((t) => t.speaker !== 'bot').map((t) => t.name));
	return turns.map((turn) => ({
		...turn,
		name: redactor.redact(turn.name),
		text: redactor.redact(turn.text),
		...(turn.heading === undefined ? {} : { heading: redactor.redact(turn.heading) }),
	}));
}
