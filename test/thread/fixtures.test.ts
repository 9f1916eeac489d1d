import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { extractNewText, htmlToText } from '../../nodes/shared/thread';

// Hand-picked bodies in the shapes real mail clients write (Outlook on the web and classic Outlook
// HTML, Gmail HTML and wrapped plain text, Apple Mail / iPhone, localized headers, the Salesforce
// composer, an inline reply), each with the text a reader would call new.

const dir = join(__dirname, 'fixtures');
const samples = readdirSync(dir).filter((f) => !f.endsWith('.expected.txt'));

it.each(samples)('%s', (file) => {
	const raw = readFileSync(join(dir, file), 'utf8');
	const body = file.endsWith('.html') ? htmlToText(raw) : raw;
	const expected = readFileSync(
		join(dir, file.replace(/\.(html|txt)$/, '.expected.txt')),
		'utf8',
	).trim();
	expect(extractNewText(body)).toBe(expected);
});
