import {
	extractNewText,
	isoDateTime,
	removeThreadTokens,
	splitAddresses,
} from '../../nodes/shared/thread';
import { trimSignOffBlock } from '../../nodes/shared/thread/signOff';

describe('threading tokens', () => {
	it.each([
		['RE: No power [ ref:!00D5e01Kcg.!5005e02BSHop:ref ]', 'RE: No power'],
		['RE: No power [ref:_00D5e1Kcg._5005e2BSHop:ref]', 'RE: No power'],
		['RE: No power [ thread::pp5XPGfmNf2hRZdRCWnrohc:: ]', 'RE: No power'],
		['Thanks\n\nthread::pp5XPGfmNf2hRZdRCWnrohc::\n', 'Thanks\n\n\n'],
		['See ref:_00D5e1Kcg._5005e2BSHop:ref above', 'See above'],
		['No token: ref: 42, thread:: x ::', 'No token: ref: 42, thread:: x ::'],
	])('%j', (input, output) => {
		expect(removeThreadTokens(input)).toBe(output);
	});
});

describe('sign-off blocks', () => {
	it('keeps the sign-off and the name, drops title, company and phone', () => {
		expect(
			trimSignOffBlock(
				'Works now.\n\nThanks,\nMia Clarke\nOperations Manager\nJuniper Telecom Co-op\nTel. +44 7700 900711',
			),
		).toBe('Works now.\n\nThanks,\nMia Clarke');
	});
	it('drops the whole block when no name leads it', () => {
		expect(
			trimSignOffBlock(
				'Works now.\n\nBest,\nVoltaris Energy Support | help.voltaris.example\n+1 (614) 555-0142',
			),
		).toBe('Works now.\n\nBest,');
	});
	it('leaves a sign-off with only a name under it', () => {
		expect(trimSignOffBlock('Works now.\n\nThanks,\nMia')).toBe('Works now.\n\nThanks,\nMia');
	});
	it('leaves text that goes on after "Thanks," as a sentence', () => {
		const text =
			'Works now.\n\nThanks,\nMia\nPS: the old unit is still in the garage, can you collect it next week?';
		expect(trimSignOffBlock(text)).toBe(text);
	});
	it('leaves a sign-off far from the end', () => {
		const text = ['Thanks,', 'a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n');
		expect(trimSignOffBlock(text)).toBe(text);
	});
	it('does not take a sentence of thanks for a sign-off', () => {
		const text = 'Thanks again for your patience.\nMarcus Bell\nSupport';
		expect(trimSignOffBlock(text)).toBe(text);
	});
});

describe('addresses', () => {
	it.each([
		[null, []],
		['', []],
		['a@example.com', ['a@example.com']],
		['a@example.com; b@example.com;', ['a@example.com', 'b@example.com']],
		['a@example.com, b@example.com', ['a@example.com', 'b@example.com']],
		[
			'"Doe, Jane" <jane@example.com>; b@example.com',
			['"Doe, Jane" <jane@example.com>', 'b@example.com'],
		],
	])('%j', (input, output) => {
		expect(splitAddresses(input)).toEqual(output);
	});
});

describe('dates', () => {
	it.each([
		['2026-05-01T07:25:37.000+0000', '2026-05-01T07:25:37.000+00:00'],
		['2026-05-01T07:25:37.000-0530', '2026-05-01T07:25:37.000-05:30'],
		['2026-05-01T07:25:37Z', '2026-05-01T07:25:37.000+00:00'],
		[1777620337000, '2026-05-01T07:25:37.000+00:00'],
		[null, null],
		['', null],
		['not a date', null],
	])('%j', (input, output) => {
		expect(isoDateTime(input)).toBe(output);
	});
});

describe('new text', () => {
	it('is empty for an empty or blank body', () => {
		expect(extractNewText('')).toBe('');
		expect(extractNewText(' \n\t\n')).toBe('');
	});
	it('keeps a message with nothing to remove as it is', () => {
		expect(extractNewText('Hello,\n\nmy charger shows E-214.\n\nJane')).toBe(
			'Hello,\n\nmy charger shows E-214.\n\nJane',
		);
	});
	it.each([
		['a line of 100,000 dashes', '-'.repeat(100_000)],
		['a 200,000-character "On ..." line', `On ${'a '.repeat(100_000)}wrote`],
		['a 200,000-character line', 'x'.repeat(200_000)],
	])('stays fast on %s', (_, body) => {
		const started = Date.now();
		// Compared as a boolean: a failing diff of such lines would flood the output.
		expect(extractNewText(`Hello\n${body}\nBye`) === `Hello\n${body}\nBye`).toBe(true);
		expect(Date.now() - started).toBeLessThan(1000);
	});
	it('keeps long quoted lines quoted', () => {
		expect(
			extractNewText(
				`New text.\n\nOn Mon, May 4, 2026 at 9:00 AM Agent <a@example.com> wrote:\n> ${'long quoted line '.repeat(30)}\n> more`,
			),
		).toBe('New text.');
	});
	it('stays fast on a long thread', () => {
		const quoted = Array.from(
			{ length: 40 },
			(_, i) =>
				`\n\nOn Mon, May ${i + 1}, 2026 at 9:00 AM Agent <a@example.com> wrote:\n${'> earlier text line\n'.repeat(200)}`,
		).join('');
		const started = Date.now();
		expect(extractNewText(`New text.${quoted}`)).toBe('New text.');
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
