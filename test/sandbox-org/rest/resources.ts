import type { SfRequest, SfResponse } from '../http/types';

/** Resources of an API version the sandbox serves (a subset of a real org's list). */
const RESOURCES = [
	'sobjects',
	'connect',
	'query',
	'queryAll',
	'composite',
	'limits',
	'recent',
	'search',
	'tooling',
	'metadata',
	'jobs',
	'tabs',
	'theme',
];

/** `GET /services/data/vNN.0/`: the version's resources by name, plus the caller's identity URL. */
export function resourcesList(req: SfRequest): SfResponse {
	const body: Record<string, string> = {};
	for (const name of RESOURCES) body[name] = `/services/data/v${req.version}/${name}`;
	if (req.session) body.identity = `${req.baseUrl}/id/${req.org.orgId}/${req.session.userId}`;
	return { status: 200, body };
}
