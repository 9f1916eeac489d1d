// The `thread` group of `npm run bench` (also alone: `npx tsx scripts/benchThread.ts`): the new-text
// extraction scored on the project's corpus (test/thread/corpus), next to planer alone and
// email-reply-parser alone, and its speed on 1,000 typical emails and on 10,000-line bodies.
import { performance } from 'node:perf_hooks';

import { extractNewText } from '../nodes/shared/thread';
import { EXTRACTORS, loadCorpus, plainBody, score } from '../test/thread/corpus/score';

interface ThreadFigures {
	[key: string]: number | ThreadFigures;
}

/** Milliseconds for `run`, the best of `repeat` runs (the machine is shared). */
function bestMs(run: () => void, repeat = 3): number {
	let best = Infinity;
	for (let i = 0; i < repeat; i++) {
		const started = performance.now();
		run();
		best = Math.min(best, performance.now() - started);
	}
	return Math.round(best * 100) / 100;
}

/** A reply over 40 earlier mails of 250 quoted lines each: 10,000 lines. */
function longThread(): string {
	const earlier = Array.from(
		{ length: 40 },
		(_, i) =>
			`On Mon, May ${(i % 28) + 1}, 2026 at 9:00 AM Agent <a@example.com> wrote:\n${'> earlier text of the thread, quoted again\n'.repeat(249)}`,
	);
	return `The unit works again, thanks.\n\n${earlier.join('')}`;
}

/** 10,000 lines of new text (a pasted log): every line goes through every rule. */
const longBody = () =>
	Array.from(
		{ length: 10_000 },
		(_, i) =>
			`2026-05-04 09:12:${String(i % 60).padStart(2, '0')} inverter status ok, line ${i + 1}`,
	).join('\n');

export function benchThread(): ThreadFigures {
	const corpus = loadCorpus();
	const figures: ThreadFigures = {};
	for (const [name, extract] of Object.entries(EXTRACTORS)) {
		const { misses: _misses, emails, ...scores } = score(extract, corpus);
		figures[name] = { emails, ...scores };
	}
	const bodies = Array.from({ length: 1000 }, (_, i) => plainBody(corpus[i % corpus.length]));
	bodies.forEach(extractNewText); // warm-up
	const thread = longThread();
	const body = longBody();
	figures.speed = {
		msPerEmailOver1000:
			Math.round((bestMs(() => bodies.forEach(extractNewText)) / 1000) * 1000) / 1000,
		msFor10000LineThread: bestMs(() => extractNewText(thread)),
		msFor10000LineBody: bestMs(() => extractNewText(body)),
	};
	return figures;
}

if (require.main === module) {
	console.log(JSON.stringify(benchThread(), null, 2));
}
