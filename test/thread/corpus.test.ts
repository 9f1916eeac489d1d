import { extractNewText } from '../../nodes/shared/thread';
import { buildCorpus } from './corpus/generate';
import { EXTRACTORS, loadCorpus, score } from './corpus/score';

// The new-text extraction on the project's corpus (test/thread/corpus, see its README): a floor it
// must stay at or above, not the figures of today (`npm run bench` prints those).

const corpus = loadCorpus();

describe('thread corpus', () => {
	it('is what the generator writes, with 300+ emails in 18 languages', () => {
		expect(corpus).toEqual(buildCorpus());
		expect(corpus.length).toBeGreaterThanOrEqual(300);
		expect(new Set(corpus.map((e) => e.lang)).size).toBeGreaterThanOrEqual(18);
		expect(new Set(corpus.map((e) => e.style))).toEqual(
			new Set(['top', 'bottom', 'inline', 'forward', 'none']),
		);
		expect(corpus.filter((e) => e.format === 'html').length).toBeGreaterThanOrEqual(30);
	});

	it('is extracted exactly for at least 95% of the emails, with at most 1% leaks and losses', () => {
		const { exactPct, similarity, leaks, losses, misses } = score(extractNewText, corpus);
		// On failure, the ids of the emails missed say where to look.
		expect(exactPct >= 95 ? [] : misses).toEqual([]);
		expect(exactPct).toBeGreaterThanOrEqual(95);
		expect(similarity).toBeGreaterThanOrEqual(0.98);
		expect(leaks).toBeLessThanOrEqual(corpus.length / 100);
		expect(losses).toBeLessThanOrEqual(corpus.length / 100);
	});

	it('is ahead of planer alone and email-reply-parser alone', () => {
		const ours = score(extractNewText, corpus);
		for (const name of ['planer', 'emailReplyParser']) {
			const theirs = score(EXTRACTORS[name], corpus);
			expect(ours.exactPct).toBeGreaterThan(theirs.exactPct);
			expect(ours.leaks).toBeLessThan(theirs.leaks);
		}
	});
});
