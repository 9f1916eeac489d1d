// Live conversations (legacy chat and Messaging for In-App and Web / WhatsApp / SMS): the lines
// (the chat transcript Body written from them is in chat-transcript.ts).

import { fill, type Facts } from './facts';
import type { Random } from './random';
import { CHAT_LINES, type Story } from './themes';

export interface DialogueLine {
	role: 'EndUser' | 'Agent' | 'Chatbot';
	text: string;
	/** Epoch ms. */
	at: number;
}

/** The first one or two sentences: what a customer types into a chat box. */
function chatSized(text: string): string {
	const sentences = text.split(/(?<=[.!?])\s+/);
	return sentences.slice(0, sentences[0].length < 60 ? 2 : 1).join(' ');
}

/**
 * A support conversation telling `story` between `start` and `end`. In a legacy chat the agent greets
 * first; in messaging the customer writes first, and a bot may answer before the agent joins.
 */
export function dialogue(
	r: Random,
	story: Story,
	facts: Facts,
	issue: { opening: string; subject: string },
	start: number,
	end: number,
	opts: { withBot: boolean; customerFirst: boolean },
): DialogueLine[] {
	const f = (s: string) => fill(s, facts);
	const script: Array<[DialogueLine['role'], string]> = [];
	if (opts.withBot) {
		script.push(['EndUser', chatSized(issue.opening)]);
		script.push(
			['Chatbot', f(CHAT_LINES.bot[0])],
			['EndUser', r.pick(['agent please', 'talk to a person', issue.subject])],
		);
		script.push(['Chatbot', f(CHAT_LINES.bot[1])], ['Agent', f(r.pick(CHAT_LINES.agentHello))]);
	} else if (opts.customerFirst) {
		script.push(['EndUser', chatSized(issue.opening)], ['Agent', f(r.pick(CHAT_LINES.agentHello))]);
	} else {
		script.push(['Agent', f(r.pick(CHAT_LINES.agentHello))], ['EndUser', chatSized(issue.opening)]);
	}
	script.push(
		['Agent', f(r.pick(CHAT_LINES.agentVerify))],
		[
			'EndUser',
			r.chance(0.5)
				? `${facts.email} ${r.chance(0.5) ? facts.order : facts.serial}`
				: chatSized(f(r.pick(story.details))),
		],
	);
	script.push(
		['Agent', chatSized(f(r.pick(story.agentFirst)))],
		['EndUser', f(r.pick(CHAT_LINES.customerAck))],
	);
	if (r.chance(0.6)) script.push(['Agent', chatSized(f(r.pick(story.agentProgress)))]);
	script.push(
		['Agent', f(r.pick(CHAT_LINES.agentCaseCreated))],
		['Agent', f(r.pick(CHAT_LINES.agentBye))],
		['EndUser', f(r.pick(CHAT_LINES.customerBye))],
	);

	// Spread the lines over the session, keeping their order.
	const span = Math.max(60_000, end - start);
	const gaps = script.map(() => r.between(0.3, 1.7));
	const total = gaps.reduce((a, b) => a + b, 0);
	let at = start;
	return script.map(([role, text], i) => {
		at += Math.round((gaps[i] / total) * span * 0.97);
		return { role, text, at };
	});
}
