import type { Finding } from './findings';

// Digits in groups, one space or dash between groups: `4111 1111 1111 1111`, `3782-822463-10005`.
const DIGIT_RUN = /(?<![\p{N}A-Za-z.,/-])\d+(?:[ -]\d+)*(?![\p{N}A-Za-z]|[.,/-]\d)/gu;
/** Issuer prefixes of the card networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
const ISSUER = /^(?:4|5[0-8]|2[2-7]|3[0-9]|6[0-9])/;

/** Luhn's checksum (ISO/IEC 7812), which every payment card number passes. */
export function passesLuhn(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

const isCard = (digits: string) =>
	digits.length >= 13 && digits.length <= 19 && ISSUER.test(digits) && passesLuhn(digits);

/**
 * Payment card numbers: 13 to 19 digits, written whole or in groups, with a card network's prefix and
 * a valid Luhn checksum. A run of groups longer than a card (a card followed by its expiry month) is
 * tried group by group, the longest span first.
 */
export function findCardNumbers(text: string): Finding[] {
	const out: Finding[] = [];
	for (const m of text.matchAll(DIGIT_RUN)) {
		const groups = [...m[0].matchAll(/\d+/g)].map((g) => ({
			start: m.index + g.index,
			end: m.index + g.index + g[0].length,
			digits: g[0],
		}));
		let i = 0;
		while (i < groups.length) {
			let found: { end: number; digits: string } | undefined;
			let digits = '';
			for (let j = i; j < groups.length && digits.length < 19; j++) {
				digits += groups[j].digits;
				if (isCard(digits)) found = { end: j, digits };
			}
			if (found) {
				out.push({
					kind: 'card',
					start: groups[i].start,
					end: groups[found.end].end,
					key: found.digits,
				});
				i = found.end + 1;
			} else i++;
		}
	}
	return out;
}
