// The particulars of one case (product, order, amounts, error code...) that fill the {placeholders}
// of the theme templates, so that every message of a thread tells the same story.

import { DAY, proseDate, proseDay, monthName, timeOfDay } from './dates';
import type { Region } from './people';
import type { Random } from './random';
import type { ProductKind, Theme } from './themes';

export type Facts = Record<string, string>;

const PRODUCTS: ReadonlyArray<{
	name: string;
	kind: ProductKind;
	serial: string;
	capacity: number;
}> = [
	{ name: 'HB-10 home battery', kind: 'battery', serial: 'HB10', capacity: 10.2 },
	{ name: 'HB-20 home battery', kind: 'battery', serial: 'HB20', capacity: 20.4 },
	{ name: 'SolarLink SI-5000 inverter', kind: 'inverter', serial: 'SI50', capacity: 0 },
	{ name: 'GC3040 standby generator', kind: 'generator', serial: 'GC34', capacity: 0 },
	{ name: 'GC5060 portable generator', kind: 'generator', serial: 'GC56', capacity: 0 },
	{ name: 'EC-22 EV charger', kind: 'charger', serial: 'EC22', capacity: 0 },
	{ name: 'Voltaris Hub', kind: 'hub', serial: 'VH01', capacity: 0 },
];

const ERRORS = [
	['E-214', 'battery over-temperature'],
	['E-031', 'grid voltage out of range'],
	['F-12', 'cooling fan failure'],
	['E-507', 'cell voltage imbalance'],
	['W-09', 'firmware mismatch between modules'],
	['E-118', 'ground fault detected'],
	['E-402', 'communication lost with the battery module'],
] as const;

const PLANS = [
	['Voltaris Care Plus', 299],
	['Monitoring Pro', 119],
	['Monitoring Basic', 9.99],
] as const;
const CARRIERS = ['FreightLine', 'Parcelway', 'NorthStar Freight', 'Bluebird Courier'];
const INSTALLERS = [
	'Brightspark Electrical',
	'SunRise Installers',
	'A1 Energy Services',
	'Greenline Electric',
	'Volt & Co. Installations',
];

/** `$1,249.00`, `€89.00` */
export function money(currency: string, amount: number): string {
	const [whole, cents] = amount.toFixed(2).split('.');
	return `${currency}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export interface FactsInput {
	theme: Theme;
	/** The products the case can be about (all when not given). */
	products?: readonly ProductKind[];
	region: Region;
	/** When the case starts; dates in the story are around it. */
	start: number;
	customer: {
		firstName: string;
		name: string;
		email: string;
		phone: string | null;
		street: string;
		city: string;
		company: string;
		colleague: string;
	};
	accountNumber: string;
}

export function caseFacts(r: Random, input: FactsInput): Facts {
	const { theme, region, start, customer } = input;
	const allowed = input.products;
	const product = r.pick(allowed ? PRODUCTS.filter((p) => allowed.includes(p.kind)) : PRODUCTS);
	const [errorCode, error] = r.pick(ERRORS);
	const [plan, planPrice] = r.pick(PLANS);
	const billing = theme.queue === 'billing';
	const base = billing
		? planPrice * (r.chance(0.3) ? 12 : 1)
		: r.pick([499, 899, 1249, 2190, 4350, 7999, 11450]) + r.pick([0, 0, 49, 99.5]);
	const amount2 = Math.round(base * r.between(0.75, 0.95) * 100) / 100;
	const shipping = r.pick([49, 89, 129, 189]);
	const year = new Date(start).getUTCFullYear();
	const offset = region.utcOffsetMinutes;
	const order = region.dateOrder;
	const firmwareMinor = r.int(2, 9);
	const ticket = String(r.int(1000, 99999));
	const digits = (n: number) => r.chars('0123456789', n);
	const installAt = start - r.int(60, 900) * DAY;
	return {
		product: product.name,
		serial: `${product.serial}-${String(year - 2000 - r.int(0, 3))}${digits(2)}-${digits(5)}`,
		capacity: product.capacity > 0 ? (product.capacity * r.between(0.9, 0.99)).toFixed(1) : '9.6',
		errorCode,
		error,
		plan,
		amount: money(region.currency, base),
		amount2: money(region.currency, amount2),
		diff: money(region.currency, Math.round((base - amount2) * 100) / 100),
		shipping: money(region.currency, shipping),
		invoice: `INV-${digits(6)}`,
		order: `SO-${year}-${digits(6)}`,
		order2: `SO-${year}-${digits(6)}`,
		rma: `RMA-${digits(5)}`,
		refundRef: `RF${digits(8)}`,
		tracking: `${r.pick(['VX', 'PW', 'NS'])}${digits(10)}`,
		tracking2: `${r.pick(['VX', 'PW', 'NS'])}${digits(10)}`,
		carrier: r.pick(CARRIERS),
		installer: r.pick(INSTALLERS),
		installDate: proseDate(installAt, offset, order),
		age: String(r.int(4, 40)),
		last4: digits(4),
		taxId:
			region.code === 'US'
				? `${digits(2)}-${digits(7)}`
				: `${region.code === 'UK' ? 'GB' : region.code.slice(0, 2)}${digits(9)}`,
		ticket,
		firmware: `3.${firmwareMinor}.${r.int(0, 12)}`,
		firmwareNext: `3.${firmwareMinor + 1}.0`,
		appVersion: `5.${r.int(10, 19)}.${r.int(0, 4)}`,
		appVersionNext: `5.${r.int(20, 21)}.0`,
		temperature: region.currency === '$' ? `${r.int(95, 108)}°F` : `${r.int(34, 41)}°C`,
		date: proseDate(start - r.int(2, 20) * DAY, offset, order),
		month: monthName(start - 40 * DAY, offset),
		nextWeek: proseDay(start + r.int(5, 9) * DAY, offset, order),
		nextMonth: proseDate(start + r.int(20, 45) * DAY, offset, order),
		time: timeOfDay(start - r.int(1, 30) * 3_600_000, offset),
		days: String(r.int(3, 9)),
		years: String(r.int(2, 9)),
		signedBy: r.pick(['J. SMITH', 'RECEPTION', 'FRONT DESK', customer.name.toUpperCase()]),
		email: customer.email,
		phone: customer.phone ?? '',
		street: customer.street,
		city: customer.city,
		company: customer.company,
		contactName: customer.name,
		customerFirstName: customer.firstName,
		colleague: customer.colleague,
		accountNumber: input.accountNumber,
	};
}

/**
 * Fills `{name}` placeholders (unknown names are left as they are, so a missing fact shows) and
 * writes the punctuation as a keyboard types it: straight quotes and hyphens. Besides being what
 * most mail carries, that keeps bodies in V8's one-byte strings, half the memory of two-byte ones.
 */
export function fill(template: string, facts: Facts): string {
	// A line without placeholders comes back as the same (cached) string, so the thousands of
	// mails that use it share one string instead of holding a copy each.
	return plainPunctuation(template).replace(
		/\{([A-Za-z0-9]+)\}/g,
		(whole, name: string) => facts[name] ?? whole,
	);
}

const plainTemplates = new Map<string, string>();

function plainPunctuation(template: string): string {
	if (!/[‘’“”–—]/.test(template)) return template;
	let plain = plainTemplates.get(template);
	if (plain === undefined) {
		plain = template.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
		if (plainTemplates.size < 10_000) plainTemplates.set(template, plain);
	}
	return plain;
}

/** The apostrophes and dashes iOS and Outlook autocorrect to (’ and –). */
export function smartPunctuation(text: string): string {
	return text.replace(/(?<=[A-Za-z])'(?=[A-Za-z])/g, '’').replace(/ - /g, ' – ');
}
