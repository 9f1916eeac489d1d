const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefixes of common standard objects, for checking references whose target describe is not at hand. */
export const STANDARD_KEY_PREFIXES: Readonly<Record<string, string>> = {
	Account: '001',
	Contact: '003',
	User: '005',
	Opportunity: '006',
	RecordType: '012',
	Group: '00G',
	Lead: '00Q',
	Task: '00T',
	Event: '00U',
	Case: '500',
	Campaign: '701',
	CampaignMember: '00v',
	ContentDocument: '069',
	EmailMessage: '02s',
};

/** The 3-character checksum suffix that turns a 15-character Id into its 18-character form. */
export function idSuffix(id15: string): string {
	let suffix = '';
	for (let chunk = 0; chunk < 3; chunk++) {
		let bits = 0;
		for (let i = 0; i < 5; i++) {
			const c = id15.charAt(chunk * 5 + i);
			if (c >= 'A' && c <= 'Z') bits |= 1 << i;
		}
		suffix += SUFFIX_ALPHABET.charAt(bits);
	}
	return suffix;
}

/** Whether `id` has the shape of a Salesforce Id: 15 case-sensitive characters, or 18 with a matching checksum. */
export function isWellFormedId(id: string): boolean {
	if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id)) return false;
	return id.length === 15 || idSuffix(id.slice(0, 15)) === id.slice(15).toUpperCase();
}

/**
 * Why `value` is not exactly one Salesforce record Id, in plain words, or undefined when it is one:
 * several Ids in one value, a wrong length, characters an Id never has, or an 18-character Id
 * whose last three characters do not match the first fifteen.
 */
export function idProblem(value: string): string | undefined {
	const id = value.trim();
	if (id === '') return 'is empty';
	if (/^https?:\/\//i.test(id))
		return 'is a web address, but not the address of one Salesforce record (such as https://yourorg.lightning.force.com/lightning/r/Case/500Sb00000XyZ12AAB/view)';
	const parts = id.split(/[\s,;]+/).filter((p) => p !== '');
	if (parts.length > 1 && parts.every((p) => /^[a-zA-Z0-9]+$/.test(p)))
		return 'holds more than one Id: give one Id per item';
	if (!/^[a-zA-Z0-9]+$/.test(id))
		return 'has characters a Salesforce Id never has (only letters and digits)';
	if (id.length !== 15 && id.length !== 18)
		return `has ${id.length} characters; a Salesforce Id has 15 or 18`;
	if (!isWellFormedId(id))
		return 'is not a Salesforce Id: its last three characters do not match the first fifteen (a character may be mistyped)';
	return undefined;
}
