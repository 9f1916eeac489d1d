/**
 * A record's web address in Salesforce: Lightning (`https://<host>/lightning/r/Case/<id>/view`) or
 * Classic (`https://<host>/<id>`). One capture group, the record Id, as n8n's `extractValue` wants.
 */
export const RECORD_ADDRESS_REGEX =
	'^\\s*https?://[^/\\s]+/(?:lightning/r/[A-Za-z0-9_]+/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)(?:[/?#]\\S*)?\\s*$';

const RECORD_ADDRESS = new RegExp(RECORD_ADDRESS_REGEX);

/** Whether the text is a web address (so it is read as a record's address, not as an Id). */
export function isWebAddress(text: string): boolean {
	return /^\s*https?:\/\//i.test(text);
}

/** The record Id in a record's web address, or undefined when the address is not one of a record. */
export function idFromRecordAddress(address: string): string | undefined {
	return RECORD_ADDRESS.exec(address)?.[1];
}
