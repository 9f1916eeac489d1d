import { findPhoneNumbersInText as minFinder } from 'libphonenumber-js/min';
import { findPhoneNumbersInText as mobileFinder } from 'libphonenumber-js/mobile';

import { Redactor } from '../../../nodes/shared/redaction';
import { loadSnippets, randomNumbersTakenForPhones, scoreRedaction, SCORED_KINDS } from './scorer';

// The bench's `redaction` group (scripts/bench.ts): precision and recall on the labelled snippets,
// per kind and on the held-out lines alone; the phone figures with libphonenumber-js's other metadata
// builds; and the time to redact typical emails and a long body.

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

const TYPICAL_EMAIL = [
	'Hello,',
	'',
	'my order 4711081512 from 05.03.2024 arrived broken. Please call me on 030 12345678 or mail',
	'jo.doe@example.com; the refund of 1.299,00 EUR should go to DE89 3704 0044 0532 0130 00.',
	'',
	'Thanks, Jo Doe',
	'',
	'On Tue, 5 Mar 2024 at 10:15, Support <support@shop.example> wrote:',
	'> Your case 00001026 was opened at 10:15. Version 3.2.1 of the app is out.',
	'> Call us on +49 89 636-48018, Mon-Fri 9-17.',
].join('\n');

function msPer(run: () => void, times: number): number {
	const start = performance.now();
	for (let i = 0; i < times; i++) run();
	return (performance.now() - start) / times;
}

export function benchRedaction(log: (line: string) => void): Record<string, number> {
	log('Scoring Redact Personal Data on the labelled snippets...');
	const snippets = loadSnippets();
	const all = scoreRedaction({}, snippets);
	const heldOut = scoreRedaction(
		{},
		snippets.filter((s) => s.heldOut),
	);
	const min = scoreRedaction({ phoneFinder: minFinder }, snippets);
	const mobile = scoreRedaction({ phoneFinder: mobileFinder }, snippets);
	const figures: Record<string, number> = {
		snippets: all.snippets,
		heldOutSnippets: heldOut.snippets,
		precision: round(all.precision),
		recall: round(all.recall),
		heldOutPrecision: round(heldOut.precision),
		heldOutRecall: round(heldOut.recall),
	};
	for (const kind of SCORED_KINDS) {
		figures[`${kind}Precision`] = round(all.kinds[kind].precision);
		figures[`${kind}Recall`] = round(all.kinds[kind].recall);
	}
	Object.assign(figures, {
		phonePrecisionMinMetadata: round(min.kinds.phone.precision),
		phoneRecallMinMetadata: round(min.kinds.phone.recall),
		phonePrecisionMobileMetadata: round(mobile.kinds.phone.precision),
		phoneRecallMobileMetadata: round(mobile.kinds.phone.recall),
		randomNumbersTakenForPhonesPct: round(randomNumbersTakenForPhones() * 100, 1),
		randomNumbersTakenForPhonesPctMinMetadata: round(
			randomNumbersTakenForPhones(minFinder) * 100,
			1,
		),
		randomNumbersTakenForPhonesPctMobileMetadata: round(
			randomNumbersTakenForPhones(mobileFinder) * 100,
			1,
		),
	});
	const kinds = ['email', 'phone', 'card', 'iban', 'name'] as const;
	const redactCase = (text: string) => {
		const redactor = new Redactor({ kinds, country: 'DE' });
		redactor.addNames(['Jo Doe', 'Hannah Weiß']);
		redactor.redact(text);
	};
	msPer(() => redactCase(TYPICAL_EMAIL), 50);
	figures.msPerTypicalEmail = round(
		msPer(() => redactCase(TYPICAL_EMAIL), 1000),
		2,
	);
	const longBody = Array.from({ length: 1000 }, () => TYPICAL_EMAIL).join('\n');
	figures.msPer10000LineBody = round(
		msPer(() => redactCase(longBody), 3),
		1,
	);
	return figures;
}
