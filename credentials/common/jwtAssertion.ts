import { createPrivateKey, createSign, type KeyObject } from 'node:crypto';

// The JWT bearer flow's assertion: RS256 (the only algorithm Salesforce accepts), signed with
// Node's crypto; no JWT library is needed.

const PEM_HELP =
	'Paste the private key in PEM format, from its first line to its last: "-----BEGIN PRIVATE KEY-----" (PKCS#8) or "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1), the key data, then the matching END line.';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** Reads an RSA private key in PEM (PKCS#1 or PKCS#8), also when its line breaks were lost in pasting. */
export function parsePrivateKey(pem: string): KeyObject {
	const m = PEM_BLOCK.exec(pem.replace(/\\n/g, '\n'));
	if (!m) throw new Error(`Private Key is not a PEM key. ${PEM_HELP}`);
	const label = m[1];
	if (label === 'CERTIFICATE')
		throw new Error(
			`Private Key holds a certificate, not a private key: the certificate goes to Salesforce, the private key stays here. ${PEM_HELP}`,
		);
	if (label === 'ENCRYPTED PRIVATE KEY')
		throw new Error(
			`Private Key is encrypted with a passphrase: export it without one (for example "openssl pkcs8 -topk8 -nocrypt -in key.pem"). ${PEM_HELP}`,
		);
	if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY')
		throw new Error(`Private Key is a "${label}" block, which Salesforce cannot use. ${PEM_HELP}`);
	const body = m[2].replace(/\s+/g, '');
	const rewrapped = `-----BEGIN ${label}-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
	const key = readPemKey(rewrapped);
	if (!key)
		throw new Error(
			`Private Key could not be read: its key data is damaged or incomplete. ${PEM_HELP}`,
		);
	if (key.asymmetricKeyType !== 'rsa')
		throw new Error(
			`Private Key is a ${String(key.asymmetricKeyType).toUpperCase()} key; Salesforce's JWT bearer flow needs an RSA key. ${PEM_HELP}`,
		);
	return key;
}

/**
 * The key, or undefined when Node cannot read it. Its own error (OpenSSL's decoder wording) would
 * not help a user; the caller says what is wrong instead. Credentials have no node to build n8n's
 * NodeOperationError with, so they throw plain errors outside catch blocks; the nodes' error
 * boundary shows them.
 */
function readPemKey(pem: string): KeyObject | undefined {
	try {
		return createPrivateKey({ key: pem, format: 'pem' });
	} catch {
		return undefined;
	}
}

export interface AssertionClaims {
	/** The connected app's consumer key. */
	iss: string;
	/** The Salesforce username. */
	sub: string;
	/** The login server (or My Domain) that will receive the assertion. */
	aud: string;
}

/** A signed assertion valid for 3 minutes (Salesforce's upper bound). */
export function signAssertion(
	claims: AssertionClaims,
	key: KeyObject,
	nowSeconds = Math.floor(Date.now() / 1000),
): string {
	const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const unsigned = `${encode({ alg: 'RS256' })}.${encode({ ...claims, exp: nowSeconds + 180 })}`;
	const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
	return `${unsigned}.${signature}`;
}
