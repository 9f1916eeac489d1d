/**
 * `multipart/form-data` bodies as the REST API takes them for blob fields ("Insert or Update Blob
 * Data"): one JSON part with the record's other fields (any name: `entity_content` for
 * ContentVersion, `entity_document` for Document) and a part per blob field, named after the field
 * (`VersionData`), with the file's bytes. The record reaches the handlers as the JSON part's object
 * with each file part's bytes under its field name.
 */

export function isMultipart(contentType: string | undefined): boolean {
	return /^multipart\/form-data/i.test(contentType ?? '');
}

interface Part {
	name: string;
	contentType: string;
	data: Buffer;
}

/** The record of a multipart body, with the JSON part's text as rawBody; a malformed body is an error message. */
export function parseMultipart(
	contentType: string,
	bytes: Buffer,
): { body: unknown; rawBody: string; error?: string } {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	if (!boundary)
		return { body: undefined, rawBody: '', error: 'Multipart request without a boundary' };
	const parts = splitParts(bytes, boundary);
	const json = parts.find((p) => /json/i.test(p.contentType));
	if (!json)
		// HAND-WRITTEN: the message Salesforce gives for a multipart body without its JSON part is not recorded.
		return {
			body: undefined,
			rawBody: '',
			error:
				'The multipart request has no part with the record as JSON (Content-Type: application/json).',
		};
	const rawBody = json.data.toString('utf8');
	let record: unknown;
	try {
		record = JSON.parse(rawBody);
	} catch (e) {
		return {
			body: undefined,
			rawBody,
			error: `Unexpected character: ${(e as Error).message} at [line:1, column:1]`,
		};
	}
	if (record === null || typeof record !== 'object' || Array.isArray(record))
		return { body: record, rawBody };
	const body: Record<string, unknown> = { ...(record as Record<string, unknown>) };
	for (const part of parts) if (part !== json) body[part.name] = part.data;
	return { body, rawBody };
}

function splitParts(bytes: Buffer, boundary: string): Part[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: Part[] = [];
	let at = bytes.indexOf(delimiter);
	while (at >= 0) {
		const start = at + delimiter.length;
		if (bytes.subarray(start, start + 2).toString() === '--') break;
		const next = bytes.indexOf(delimiter, start);
		if (next < 0) break;
		// The part runs from after the delimiter's line break to before the next delimiter's (CRLF).
		const raw = bytes.subarray(bytes[start] === 0x0d ? start + 2 : start + 1, next - 2);
		const split = raw.indexOf('\r\n\r\n');
		if (split >= 0) {
			const head = raw.subarray(0, split).toString('utf8');
			parts.push({
				name: /name="([^"]*)"/i.exec(head)?.[1] ?? '',
				contentType: /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1] ?? '',
				data: raw.subarray(split + 4),
			});
		}
		at = next;
	}
	return parts;
}
