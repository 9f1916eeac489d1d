import type { Finding } from './findings';

/** IBAN length per country (SWIFT's IBAN registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
	AD: 24,
	AE: 23,
	AL: 28,
	AT: 20,
	AZ: 28,
	BA: 20,
	BE: 16,
	BG: 22,
	BH: 22,
	BI: 27,
	BR: 29,
	BY: 28,
	CH: 21,
	CR: 22,
	CY: 28,
	CZ: 24,
	DE: 22,
	DJ: 27,
	DK: 18,
	DO: 28,
	EE: 20,
	EG: 29,
	ES: 24,
	FI: 18,
	FK: 18,
	FO: 18,
	FR: 27,
	GB: 22,
	GE: 22,
	GI: 23,
	GL: 18,
	GR: 27,
	GT: 28,
	HN: 28,
	HR: 21,
	HU: 28,
	IE: 22,
	IL: 23,
	IQ: 23,
	IS: 26,
	IT: 27,
	JO: 30,
	KW: 30,
	KZ: 20,
	LB: 28,
	LC: 32,
	LI: 21,
	LT: 20,
	LU: 20,
	LV: 21,
	LY: 25,
	MC: 27,
	MD: 24,
	ME: 22,
	MK: 19,
	MN: 20,
	MR: 27,
	MT: 31,
	MU: 30,
	NI: 28,
	NL: 18,
	NO: 15,
	OM: 23,
	PK: 24,
	PL: 28,
	PS: 29,
	PT: 25,
	QA: 29,
	RO: 24,
	RS: 22,
	RU: 33,
	SA: 24,
	SC: 31,
	SD: 18,
	SE: 24,
	SI: 19,
	SK: 24,
	SM: 27,
	SO: 23,
	ST: 25,
	SV: 28,
	TL: 23,
	TN: 24,
	TR: 26,
	UA: 29,
	VA: 22,
	VG: 24,
	XK: 20,
	YE: 30,
};

// A country code, two check digits, then letters and digits, in groups of any size with one space between.
const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,31}/gu;

/** ISO 13616's check: the IBAN with its first four characters moved to the end, letters as 10-35, mod 97 is 1. */
export function passesMod97(iban: string): boolean {
	const moved = iban.slice(4) + iban.slice(0, 4);
	let rest = 0;
	for (const ch of moved) {
		const code = ch.charCodeAt(0);
		const value = code >= 65 ? code - 55 : code - 48;
		rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97;
	}
	return rest === 1;
}

/** IBANs of the registry's countries, of their country's length and with valid check digits. */
export function findIbans(text: string): Finding[] {
	const out: Finding[] = [];
	for (const m of text.matchAll(CANDIDATE)) {
		const country = m[0].slice(0, 2).toUpperCase();
		const length = IBAN_LENGTHS[country];
		if (!length) continue;
		let compact = '';
		let end = 0;
		for (let i = 0; i < m[0].length && compact.length < length; i++) {
			if (m[0][i] !== ' ') compact += m[0][i];
			end = i + 1;
		}
		const next = text[m.index + end];
		if (compact.length !== length || (next !== undefined && /[A-Za-z0-9]/.test(next))) continue;
		if (passesMod97(compact))
			out.push({ kind: 'iban', start: m.index, end: m.index + end, key: compact });
	}
	return out;
}
