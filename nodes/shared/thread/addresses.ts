/**
 * A Salesforce address field as a list. ToAddress and CcAddress separate addresses with `;`. Mail
 * imported from elsewhere may use `,`; a part is split there only when every piece holds an address,
 * so that `"Doe, Jane" <jane@example.com>` stays one.
 */
export function splitAddresses(value: string | null | undefined): string[] {
	if (!value) return [];
	return value
		.split(';')
		.flatMap((part) => {
			const pieces = part.split(',');
			return pieces.every((p) => p.includes('@')) ? pieces : [part];
		})
		.map((a) => a.trim())
		.filter((a) => a !== '');
}
