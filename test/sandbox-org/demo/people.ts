// Invented people, companies and places for the demo customers. Every email address and web site
// is on a reserved example domain; phone numbers are in ranges set aside for fiction.

import type { Random } from './random';

export type RegionCode = 'US' | 'UK' | 'DE' | 'FR' | 'ES' | 'NORDIC' | 'PL';

export interface Region {
	code: RegionCode;
	country: string;
	currency: string;
	/** Minutes east of UTC, as mail clients print the sender's time (daylight saving is ignored). */
	utcOffsetMinutes: number;
	/** How the region writes dates in reply headers: `Mar 3, 2026` or `3 Mar 2026`. */
	dateOrder: 'month-first' | 'day-first';
	firstNames: readonly string[];
	lastNames: readonly string[];
	cities: ReadonlyArray<readonly [city: string, state: string | null, postalCode: string]>;
	/** Company names typical of the region (with their industry), used besides the generic English ones. */
	companies: ReadonlyArray<readonly [name: string, industry: string]>;
	phone(r: Random): string | null;
	/** The reply prefix the region's Outlook writes (`RE`, `AW`, `SV`...). */
	replyPrefix: string;
}

const US: Region = {
	code: 'US', country: 'United States', currency: '$', utcOffsetMinutes: -300, dateOrder: 'month-first', replyPrefix: 'RE',
	firstNames: [
		'James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'William', 'Elizabeth', 'Richard', 'Barbara',
		'Joseph', 'Susan', 'Thomas', 'Jessica', 'Christopher', 'Sarah', 'Daniel', 'Karen', 'Matthew', 'Lisa', 'Anthony', 'Nancy',
		'Mark', 'Betty', 'Steven', 'Sandra', 'Andrew', 'Ashley', 'Joshua', 'Kimberly', 'Kevin', 'Emily', 'Brian', 'Donna', 'George',
		'Michelle', 'Timothy', 'Carol', 'Ronald', 'Amanda', 'Jason', 'Melissa', 'Ryan', 'Deborah', 'Jacob', 'Stephanie', 'Gary',
		'Rebecca', 'Nicholas', 'Laura', 'Eric', 'Helen', 'Jonathan', 'Sharon', 'Stephen', 'Cynthia', 'Larry', 'Kathleen', 'Justin',
		'Amy', 'Scott', 'Angela', 'Brandon', 'Shirley', 'Benjamin', 'Anna', 'Samuel', 'Brenda', 'Raymond', 'Pamela', 'Gregory',
		'Nicole', 'Frank', 'Emma', 'Alexander', 'Samantha', 'Patrick', 'Katherine', 'DeShawn', 'Aaliyah', 'Marisol', 'Jorge',
		'Mei', 'Wei', 'Priya', 'Arjun', 'Thanh', 'Minh', 'Fatima', 'Omar', 'Renée', 'Zoë', 'José', 'Inés', 'Chloé', 'Dakota',
	],
	lastNames: [
		'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
		'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
		'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott',
		'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell',
		'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
		'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey',
		'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James',
		'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Nakamura', "O'Brien",
		'Okafor', 'Chen', 'Goldberg', 'Kowalski', 'Muñoz', 'Peña', 'Ibáñez',
	],
	cities: [
		['Columbus', 'OH', '43215'], ['Madison', 'WI', '53703'], ['Boise', 'ID', '83702'], ['Raleigh', 'NC', '27601'],
		['Tucson', 'AZ', '85701'], ['Des Moines', 'IA', '50309'], ['Spokane', 'WA', '99201'], ['Albany', 'NY', '12207'],
		['Chattanooga', 'TN', '37402'], ['Fort Collins', 'CO', '80524'], ['Savannah', 'GA', '31401'], ['Burlington', 'VT', '05401'],
		['Lincoln', 'NE', '68508'], ['Reno', 'NV', '89501'], ['Eugene', 'OR', '97401'], ['Lafayette', 'LA', '70501'],
		['Ann Arbor', 'MI', '48104'], ['Duluth', 'MN', '55802'], ['Santa Fe', 'NM', '87501'], ['Portland', 'ME', '04101'],
	],
	companies: [],
	phone: (r) => `+1 (${r.pick(['208', '312', '415', '512', '614', '720', '803', '919'])}) 555-01${String(r.int(0, 99)).padStart(2, '0')}`,
};

const UK: Region = {
	code: 'UK', country: 'United Kingdom', currency: '£', utcOffsetMinutes: 0, dateOrder: 'day-first', replyPrefix: 'RE',
	firstNames: [
		'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Charlie', 'Freya', 'Thomas', 'Lily', 'Alfie', 'Poppy',
		'Oscar', 'Grace', 'William', 'Sophie', 'Henry', 'Evie', 'Rhys', 'Siân', 'Niamh', 'Ciarán', 'Aoife', 'Eilidh', 'Hamish',
		'Gareth', 'Bethan', 'Rajesh', 'Aisha', 'Imran', 'Chidi', 'Yusuf',
	],
	lastNames: [
		'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright',
		'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Jackson', 'Patel',
		'Khan', 'Lewis', 'Morgan', 'Ó Súilleabháin', 'MacLeod', 'Fitzgerald', 'Ahmed', 'Okonkwo', 'Pritchard', 'Llewellyn',
	],
	cities: [
		['Leeds', null, 'LS1 4AP'], ['Bristol', null, 'BS1 5TR'], ['Norwich', null, 'NR2 1NH'], ['Cardiff', null, 'CF10 1EP'],
		['York', null, 'YO1 7HH'], ['Inverness', null, 'IV1 1HY'], ['Exeter', null, 'EX1 1JG'], ['Belfast', null, 'BT1 5GS'],
	],
	companies: [['Thistledown Care Home', 'Healthcare'], ['Harrow & Finch Joinery', 'Manufacturing'], ['Wrenfield Primary Academy', 'Education'], ['Bramble Hill Dairy', 'Agriculture']],
	phone: (r) => r.chance(0.5) ? `+44 20 7946 0${String(r.int(0, 999)).padStart(3, '0')}` : `+44 7700 900${String(r.int(0, 999)).padStart(3, '0')}`,
};

const DE: Region = {
	code: 'DE', country: 'Germany', currency: '€', utcOffsetMinutes: 60, dateOrder: 'day-first', replyPrefix: 'AW',
	firstNames: ['Jürgen', 'Lukas', 'Anna', 'Sophie', 'Maximilian', 'Lena', 'Jörg', 'Katrin', 'Björn', 'Günter', 'Sabine', 'Felix', 'Mareike', 'Tobias', 'Züleyha', 'Uwe'],
	lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schäfer', 'Hoffmann', 'Koch', 'Bauer', 'Groß', 'Köhler', 'Yılmaz', 'Weiß'],
	cities: [['Freiburg im Breisgau', null, '79098'], ['Münster', null, '48143'], ['Leipzig', null, '04109'], ['Würzburg', null, '97070'], ['Kiel', null, '24103']],
	companies: [['Bäckerei Sonnenschein', 'Retail'], ['Köhler Landtechnik GmbH', 'Manufacturing'], ['Gärtnerei Grünwald', 'Agriculture'], ['Tischlerei Weiß & Söhne', 'Manufacturing'], ['Hofladen Müller', 'Retail']],
	phone: () => null,
};

const FR: Region = {
	code: 'FR', country: 'France', currency: '€', utcOffsetMinutes: 60, dateOrder: 'day-first', replyPrefix: 'RE',
	firstNames: ['Léa', 'Chloé', 'Hélène', 'François', 'Jérôme', 'Amélie', 'Théo', 'Noémie', 'Gaëlle', 'Benoît', 'Mathéo', 'Inès'],
	lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Lefèvre', 'Moreau', 'Girard', 'Fontaine', 'Bonnaire', 'Lemaître', 'Faure', 'Rousseau'],
	cities: [['Lyon', null, '69002'], ['Nantes', null, '44000'], ['Bordeaux', null, '33000'], ['Annecy', null, '74000']],
	companies: [['Café Lumière', 'Retail'], ['Boulangerie Dupré', 'Retail'], ['Domaine des Tilleuls', 'Agriculture'], ['Atelier Bonnaire', 'Manufacturing']],
	phone: () => null,
};

const ES: Region = {
	code: 'ES', country: 'Spain', currency: '€', utcOffsetMinutes: 60, dateOrder: 'day-first', replyPrefix: 'RE',
	firstNames: ['José', 'María', 'Lucía', 'Álvaro', 'Sofía', 'Martín', 'Begoña', 'Íñigo', 'Nuria', 'Raúl'],
	lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Núñez', 'Muñoz', 'Ibáñez'],
	cities: [['Valencia', null, '46002'], ['Zaragoza', null, '50001'], ['Málaga', null, '29015'], ['Bilbao', null, '48001']],
	companies: [['Ferretería Núñez', 'Retail'], ['Panadería La Espiga', 'Retail'], ['Bodegas Peñalba', 'Agriculture'], ['Clínica Dental Sonrisa', 'Healthcare']],
	phone: () => null,
};

const NORDIC: Region = {
	code: 'NORDIC', country: 'Denmark', currency: '€', utcOffsetMinutes: 60, dateOrder: 'day-first', replyPrefix: 'SV',
	firstNames: ['Søren', 'Mette', 'Ænne', 'Bjørn', 'Åsa', 'Lars', 'Ingrid', 'Henrik', 'Sigrid', 'Jørgen'],
	lastNames: ['Kjær', 'Jensen', 'Nielsen', 'Hansen', 'Sørensen', 'Lindqvist', 'Østergaard', 'Åberg', 'Dahl', 'Holm'],
	cities: [['Aarhus', null, '8000'], ['Odense', null, '5000'], ['Aalborg', null, '9000']],
	companies: [['Kjær Gartneri ApS', 'Agriculture'], ['Østergaard Mejeri', 'Agriculture'], ['Fjordlys Hotel', 'Other']],
	phone: () => null,
};

const PL: Region = {
	code: 'PL', country: 'Poland', currency: '€', utcOffsetMinutes: 60, dateOrder: 'day-first', replyPrefix: 'RE',
	firstNames: ['Łukasz', 'Agnieszka', 'Paweł', 'Małgorzata', 'Wojciech', 'Zofia', 'Michał', 'Joanna'],
	lastNames: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowska', 'Zieliński', 'Szymańska'],
	cities: [['Kraków', null, '31-042'], ['Wrocław', null, '50-077'], ['Gdańsk', null, '80-831']],
	companies: [['Piekarnia Złoty Kłos', 'Retail'], ['Szkoła Podstawowa nr 12', 'Education']],
	phone: () => null,
};

export const REGIONS: readonly Region[] = [US, UK, DE, FR, ES, NORDIC, PL];

/** Where the demo customers are: mostly the US, then the UK and Europe. */
export const REGION_WEIGHTS = [
	[US, 64], [UK, 16], [DE, 7], [FR, 4], [ES, 4], [NORDIC, 3], [PL, 2],
] as const satisfies ReadonlyArray<readonly [Region, number]>;

const COMPANY_STEMS = [
	'Brightfield', 'Cedar Ridge', 'Harborview', 'Northgate', 'Silver Birch', 'Riverside', 'Oakmont', 'Bluewater', 'Summit Peak',
	'Greenhollow', 'Ironwood', 'Maple Lane', 'Stonebridge', 'Willow Creek', 'Redwood', 'Lakeside', 'Hillcrest', 'Pinecrest',
	'Foxglove', 'Clearwater', 'Westbrook', 'Eastfield', 'Granite State', 'Copperleaf', 'Meadowlark', 'Windmere', 'Kestrel',
	'Alder Grove', 'Juniper', 'Sandstone', 'Prairie Wind', 'Blue Heron', 'Old Mill', 'Crescent Bay', 'Twin Oaks', 'High Desert',
	'Evergreen', 'Quarry Hill', 'Sunrise', 'Lighthouse', 'Cobblestone', 'Red Barn', 'Iron Horse', 'Golden Valley', 'Shady Pines',
];

const COMPANY_KINDS: ReadonlyArray<readonly [kind: string, industry: string]> = [
	['Farms', 'Agriculture'], ['Dental Clinic', 'Healthcare'], ['Veterinary Practice', 'Healthcare'], ['Elementary School', 'Education'],
	['Bakery', 'Retail'], ['Brewing Co.', 'Manufacturing'], ['Construction', 'Other'], ['Logistics', 'Other'], ['Inn', 'Other'],
	['Family Medicine', 'Healthcare'], ['Data Services', 'Technology'], ['Cold Storage', 'Energy'], ['Marina', 'Other'],
	['Community Center', 'Other'], ['Garden Center', 'Retail'], ['Auto Repair', 'Other'], ['Print Shop', 'Manufacturing'],
	['Fitness', 'Other'], ['Self Storage', 'Other'], ['Winery', 'Agriculture'], ['Cabinetry', 'Manufacturing'],
	['Dairy', 'Agriculture'], ['Greenhouses', 'Agriculture'], ['Animal Shelter', 'Other'], ['Credit Union', 'Banking'],
	['Telecom Co-op', 'Communications'], ['Solar Installers', 'Energy'], ['Pharmacy', 'Healthcare'], ['Hardware', 'Retail'],
];

const STREETS = ['Main St', 'Oak Ave', 'Mill Rd', 'Church St', 'River Rd', 'Station Rd', 'Park Ln', 'High St', 'Elm St', 'Commerce Dr', 'Industrial Way', 'Orchard Ln'];

/** Letters an email address can carry: accents dropped, a few letters spelled out. */
export function asciiSlug(s: string): string {
	return s
		.replace(/ß/g, 'ss').replace(/[Ææ]/g, 'ae').replace(/[Øø]/g, 'o').replace(/[Łł]/g, 'l').replace(/[Đđ]/g, 'd').replace(/ı/g, 'i')
		.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
		.toLowerCase().replace(/[''`]/g, '').replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export interface CompanyName {
	name: string;
	industry: string;
	domain: string;
}

/** A company name not used yet (`taken` holds the names and domains handed out so far). */
export function companyName(r: Random, region: Region, taken: Set<string>): CompanyName {
	for (let attempt = 0; ; attempt++) {
		let name: string;
		let industry = 'Other';
		if (region.companies.length > 0 && attempt < 3 && r.chance(0.6)) {
			[name, industry] = r.pick(region.companies);
		} else {
			const [kind, ind] = r.pick(COMPANY_KINDS);
			name = `${r.pick(COMPANY_STEMS)} ${kind}`;
			industry = ind;
		}
		if (attempt >= 3) name = `${name} ${r.pick(region.cities)[0]}${attempt >= 6 ? ` ${attempt}` : ''}`;
		const domain = `${asciiSlug(name).replace(/-(co|gmbh|aps)$/, '')}.example`;
		if (taken.has(name) || taken.has(domain)) continue;
		taken.add(name);
		taken.add(domain);
		return { name, industry, domain };
	}
}

export function streetAddress(r: Random): string {
	return `${r.int(2, 4999)} ${r.pick(STREETS)}`;
}
