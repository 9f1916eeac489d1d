import {
	renderTranscript,
	renderTranscriptWithin,
	type TranscriptTurn,
} from '../../nodes/shared/thread';

// Transcript Budget: a transcript longer than its budget keeps the first customer message and the
// latest messages, and says how many it left out and between which dates.

const DAY = 86_400_000;
const turn = (i: number, over: Partial<TranscriptTurn> = {}): TranscriptTurn => ({
	at: Date.UTC(2026, 0, 3, 9) + i * 2 * DAY,
	speaker: i % 2 === 0 ? 'customer' : 'agent',
	name: i % 2 === 0 ? 'Rose' : 'Hannah',
	text: `Message ${i + 1}: ${'the printer is still broken '.repeat(3)}`,
	channel: 'email',
	block: `email-${i}`,
	heading: '"Printer"',
	...over,
});
const thread = (n: number) => Array.from({ length: n }, (_, i) => turn(i));

describe('Transcript Budget', () => {
	it('leaves a transcript that fits as it is, and says it was not cut', () => {
		const turns = thread(4);
		const full = renderTranscript(turns);
		expect(renderTranscriptWithin(turns, full.length)).toEqual({ transcript: full, cut: false });
		expect(renderTranscriptWithin(turns, 0)).toEqual({ transcript: full, cut: false });
	});

	it('keeps the first customer message and the latest ones, with a line saying how many were left out and when', () => {
		const turns = thread(20);
		const { transcript, cut } = renderTranscriptWithin(turns, 800);
		expect(cut).toBe(true);
		expect(transcript.length).toBeLessThanOrEqual(800);
		expect(
			transcript.startsWith(
				'[Email, 2026-01-03 09:00 UTC, "Printer"]\nCustomer (Rose): Message 1:',
			),
		).toBe(true);
		expect(transcript).toContain('Agent (Hannah): Message 20:');
		const gap = /\n\[… (\d+) messages left out \((\d+ \w+) – (\d+ \w+)\) …\]\n/.exec(transcript);
		expect(gap).not.toBeNull();
		const kept = transcript.match(/^(Customer|Agent) \(/gm)?.length ?? 0;
		expect(kept + Number(gap![1])).toBe(20);
		// The left-out messages are the 2nd to the (20 - kept + 1)th: 5 Jan to their last date.
		expect(gap![2]).toBe('5 Jan');
		const lastLeftOut = new Date(turns[20 - kept].at!);
		expect(gap![3]).toBe(
			`${lastLeftOut.getUTCDate()} ${lastLeftOut.toLocaleString('en', { month: 'short', timeZone: 'UTC' })}`,
		);
		// As many latest messages as fit: one more would not.
		expect(kept).toBeGreaterThan(3);
	});

	it('keeps the first message of the customer even when an agent wrote first, and says what came before it', () => {
		const turns = [
			turn(0, { speaker: 'agent', name: 'Hannah', text: 'We noticed a problem.' }),
			...thread(20)
				.slice(1)
				.map((t, i) => ({
					...t,
					speaker: i % 2 === 0 ? ('customer' as const) : ('agent' as const),
					name: i % 2 === 0 ? 'Rose' : 'Hannah',
				})),
		];
		const { transcript } = renderTranscriptWithin(turns, 700);
		expect(
			transcript.startsWith('[… 1 message left out (3 Jan) …]\n\n[Email, 2026-01-05 09:00 UTC'),
		).toBe(true);
		expect(transcript).toMatch(/^Customer \(Rose\): Message 2:/m);
	});

	it('shows the years when the left-out messages span a new year, and no dates when they have none', () => {
		const turns = thread(12).map((t, i) => ({ ...t, at: Date.UTC(2025, 11, 20) + i * 3 * DAY }));
		expect(renderTranscriptWithin(turns, 600).transcript).toMatch(/\(23 Dec 2025 – \d+ Jan 2026\)/);
		const undated = thread(12).map((t) => ({ ...t, at: undefined }));
		expect(renderTranscriptWithin(undated, 600).transcript).toMatch(
			/\n\[… \d+ messages left out …\]\n/,
		);
	});

	it('shortens the texts, marked […], when not even the first and the latest message fit', () => {
		const turns = [turn(0, { text: 'a'.repeat(5000) }), turn(1, { text: 'b'.repeat(5000) })];
		const { transcript, cut } = renderTranscriptWithin(turns, 400);
		expect(cut).toBe(true);
		expect(transcript.length).toBeLessThanOrEqual(400);
		expect(transcript).toMatch(/Customer \(Rose\): a+ \[…\]\n/);
		expect(transcript).toMatch(/Agent \(Hannah\): b+ \[…\]$/);
		// A budget smaller than a heading still holds.
		expect(renderTranscriptWithin(turns, 30).transcript.length).toBeLessThanOrEqual(30);
	});
});
