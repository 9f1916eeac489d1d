import type { SfRequest, SfResponse } from '../http/types';
import { NOT_FOUND_RESOURCE } from '../http/errors';
import { isResponse, objectOf } from './request-input';
import { externalIdRowHandler } from './sobject-rows';

/**
 * `GET /sobjects/T/Id/blobField` (sObject Blob Get): the bytes of a blob field (ContentVersion's
 * VersionData), as binary, not JSON. It shares its path shape with `GET /sobjects/T/Field/Value`,
 * so a path whose last segment is not a blob field of T goes on to the External ID lookup.
 * HAND-WRITTEN: the response headers of a real org are not recorded; the body is the stored bytes.
 */
export function blobHandler(
	req: SfRequest,
	params: Record<string, string>,
): SfResponse | Promise<SfResponse> {
	const type = objectOf(req, params.type);
	if (isResponse(type)) return type;
	const field = type.field(params.field);
	if (field?.type !== 'base64')
		return externalIdRowHandler(req, { type: params.type, field: params.id, value: params.field });
	const row = req.org.store.get(params.id, type.name);
	const bytes = row?.[field.name];
	if (!row || !Buffer.isBuffer(bytes)) return NOT_FOUND_RESOURCE();
	return { status: 200, bytes, headers: { 'Content-Type': 'application/octet-stream' } };
}
