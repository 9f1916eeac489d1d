// The demo org's customers: accounts (small businesses, farms, schools, clinics), their contacts
// with the mail habits each one keeps across cases, and sales leads.

import type { SandboxOrg } from '../org';
import { DAY } from './dates';
import { customerSignature, type MailClient, type Signature } from './mail-format';
import { asciiSlug, companyName, REGION_WEIGHTS, streetAddress, type Region } from './people';
import type { Random } from './random';

export interface Customer {
	id: string;
	accountId: string;
	accountName: string;
	accountNumber: string;
	firstName: string;
	lastName: string;
	name: string;
	email: string;
	phone: string | null;
	title: string;
	street: string;
	city: string;
	region: Region;
	domain: string;
	client: MailClient;
	signature: Signature;
	/** Whether this customer's replies keep the earlier mail below (some trim it, on mobile mostly). */
	quotesHistory: boolean;
	/** A colleague the customer sometimes puts in copy. */
	colleague: { name: string; address: string };
}

const TITLES = [
	'Owner',
	'Office Manager',
	'Facilities Manager',
	'Operations Manager',
	'Bookkeeper',
	'Head of Finance',
	'IT Administrator',
	'Practice Manager',
	'Site Manager',
	'Director',
	'Maintenance Lead',
	'Accounts Payable',
];
const LEAD_TITLES = [
	'Owner',
	'Facilities Director',
	'Sustainability Manager',
	'Operations Director',
	'Procurement Lead',
];

/** How many customers an org with `cases` cases has. */
export function customerCounts(cases: number): {
	accounts: number;
	contacts: number;
	leads: number;
} {
	if (cases <= 0) return { accounts: 0, contacts: 0, leads: 0 };
	const contacts = Math.min(30000, Math.max(20, Math.ceil(cases * 0.45)));
	return {
		contacts,
		accounts: Math.min(8000, Math.max(8, Math.ceil(contacts / 3.5))),
		leads: Math.min(3000, Math.max(8, Math.ceil(cases * 0.05))),
	};
}

interface AccountInfo {
	id: string;
	name: string;
	number: string;
	domain: string;
	region: Region;
	city: string;
	street: string;
	createdAt: number;
}

/** Who creates and owns the customer records. */
export interface RecordOwners {
	/** Creates accounts and contacts (a data load by the automation user) and leads (Web-to-Lead). */
	createdById: string;
	/** Owns accounts and contacts. */
	ownerId: string;
}

/**
 * Adds accounts and contacts, created in the two years before `anchor` and at least 200 days
 * before it (so before any case about them). One contact is deliberately entered twice (same
 * email), as real orgs have duplicates.
 */
export function addCustomers(
	org: SandboxOrg,
	r: Random,
	anchor: number,
	counts: { accounts: number; contacts: number },
	owners: RecordOwners,
): Customer[] {
	const as = { userId: owners.createdById };
	const taken = new Set<string>();
	const accounts: AccountInfo[] = [];
	for (let i = 0; i < counts.accounts; i++) {
		const region = r.weighted(REGION_WEIGHTS);
		const company = companyName(r, region, taken);
		const [city, state, postalCode] = r.pick(region.cities);
		const street = streetAddress(r);
		const number = `CUS-${String(100000 + i * 7 + r.int(0, 6))}`;
		const createdAt = anchor - r.int(300, 730) * DAY - r.int(0, 86_399_999);
		org.clock.freeze(createdAt);
		const id = org.store.insert(
			'Account',
			{
				OwnerId: owners.ownerId,
				Name: company.name,
				AccountNumber: number,
				Type: r.weighted([
					['Customer - Direct', 8],
					['Customer - Channel', 2],
				]),
				Industry: company.industry,
				Phone: region.phone(r),
				Website: `https://www.${company.domain}`,
				BillingStreet: street,
				BillingCity: city,
				BillingState: state,
				BillingPostalCode: postalCode,
				BillingCountry: region.country,
				NumberOfEmployees: r.pick([3, 8, 12, 25, 40, 75, 150, 320]),
			},
			as,
		);
		accounts.push({
			id,
			name: company.name,
			number,
			domain: company.domain,
			region,
			city,
			street,
			createdAt,
		});
	}

	const customers: Customer[] = [];
	const emails = new Set<string>();
	for (let i = 0; i < counts.contacts; i++) {
		const account = accounts[i < accounts.length ? i : r.int(0, accounts.length - 1)];
		const region = r.chance(0.9) ? account.region : r.weighted(REGION_WEIGHTS);
		const firstName = r.pick(region.firstNames);
		const lastName = r.pick(region.lastNames);
		const personal = r.chance(0.12);
		let local = personal
			? `${asciiSlug(firstName)}${asciiSlug(lastName).slice(0, 1)}${r.int(1, 99)}`
			: `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
		const domain = personal ? 'example.com' : account.domain;
		while (emails.has(`${local}@${domain}`)) local = `${local.replace(/\d+$/, '')}${r.int(2, 999)}`;
		const email = `${local}@${domain}`;
		emails.add(email);
		const title = r.pick(TITLES);
		const phone = region.phone(r);
		const name = `${firstName} ${lastName}`;
		org.clock.freeze(Math.round(r.between(account.createdAt, anchor - 200 * DAY)));
		const id = org.store.insert(
			'Contact',
			{
				OwnerId: owners.ownerId,
				AccountId: account.id,
				FirstName: firstName,
				LastName: lastName,
				Salutation: r.chance(0.3) ? r.pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Mx.']) : null,
				Email: email,
				Phone: phone,
				MobilePhone: r.chance(0.4) ? region.phone(r) : null,
				Title: title,
				Department: null,
				MailingStreet: account.street,
				MailingCity: account.city,
				MailingCountry: account.region.country,
				LeadSource: r.pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Other']),
			},
			as,
		);
		// Mostly Outlook, as at small businesses; Gmail (Workspace) next, then Apple Mail and iPhones.
		const client = r.weighted<MailClient>([
			['outlook', 42],
			['outlook-classic', 10],
			['gmail', 25],
			['iphone', 13],
			['apple', 10],
		]);
		const sigStyle =
			client === 'iphone'
				? r.chance(0.8)
					? 'iphone'
					: 'name'
				: client === 'gmail'
					? r.weighted([
							['dashes', 5],
							['name', 3],
							['outlook-mobile', 1],
						] as const)
					: client === 'apple'
						? r.weighted([
								['name', 6],
								['company', 4],
							] as const)
						: r.weighted([
								['company', 7],
								['name', 3],
							] as const);
		const colleagueFirst = r.pick(region.firstNames);
		const colleagueLast = r.pick(region.lastNames);
		customers.push({
			id,
			accountId: account.id,
			accountName: account.name,
			accountNumber: account.number,
			firstName,
			lastName,
			name,
			email,
			phone,
			title,
			street: account.street,
			city: account.city,
			region,
			domain,
			client,
			signature: customerSignature(sigStyle, {
				firstName,
				name,
				title,
				company: account.name,
				phone,
			}),
			quotesHistory: client === 'iphone' ? r.chance(0.7) : r.chance(0.92),
			colleague: {
				name: `${colleagueFirst} ${colleagueLast}`,
				address: `${asciiSlug(colleagueFirst)}.${asciiSlug(colleagueLast)}@${account.domain}`,
			},
		});
	}

	if (customers.length >= 20) {
		const original = customers[Math.floor(customers.length / 2)];
		org.clock.freeze(anchor - r.int(20, 90) * DAY);
		org.store.insert(
			'Contact',
			{
				OwnerId: owners.ownerId,
				AccountId: original.accountId,
				FirstName: original.firstName,
				LastName: original.lastName,
				Email: original.email,
				Phone: original.phone,
				Title: original.title,
				LeadSource: 'Web',
				Description: 'Created from web form',
			},
			as,
		);
	}
	return customers;
}

/** Adds sales leads from the last 90 days (people asking about products, not yet customers). */
export function addLeads(
	org: SandboxOrg,
	r: Random,
	anchor: number,
	count: number,
	createdById: string,
): number {
	const taken = new Set<string>();
	for (let i = 0; i < count; i++) {
		const region = r.weighted(REGION_WEIGHTS);
		const company = companyName(r, region, taken);
		const firstName = r.pick(region.firstNames);
		const lastName = r.pick(region.lastNames);
		const [city, state, postalCode] = r.pick(region.cities);
		org.clock.freeze(anchor - r.int(1, 90) * DAY - r.int(0, 86_399_999));
		org.store.insert(
			'Lead',
			{
				FirstName: firstName,
				LastName: lastName,
				Company: company.name,
				Title: r.pick(LEAD_TITLES),
				Email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${company.domain}`,
				Phone: region.phone(r),
				City: city,
				State: state,
				PostalCode: postalCode,
				Country: region.country,
				Industry: company.industry,
				LeadSource: r.pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
				Status: r.weighted([
					['Open - Not Contacted', 5],
					['Working - Contacted', 4],
					['Closed - Not Converted', 1],
				]),
				Rating: r.pick(['Hot', 'Warm', 'Cold']),
				Website: `https://www.${company.domain}`,
				Description: r.pick([
					'Interested in backup power for a cold storage room.',
					'Asked for a quote for two HB-20 batteries and installation.',
					'Wants to know lead times for the GC3040 standby generator.',
					'Downloaded the commercial battery brochure.',
					'Visited the trade show booth; follow up about fleet EV chargers.',
				]),
			},
			{ userId: createdById },
		);
	}
	return count;
}
