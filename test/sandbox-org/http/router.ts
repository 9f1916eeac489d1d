import type { ApiKind, Handler, SfRequest, SfResponse } from './types';
import { NOT_FOUND_RESOURCE, sfError } from './errors';

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	kind: ApiKind;
	handler: Handler;
}

/** Path routing with `:name` parameters (each one path segment, URL-decoded). */
export class Router {
	private readonly routes: Route[] = [];

	add(method: string, path: string, kind: ApiKind, handler: Handler): this {
		const names: string[] = [];
		const source = path
			.split('/')
			.map((seg) => {
				if (seg.startsWith(':')) {
					names.push(seg.slice(1));
					return '([^/]+)';
				}
				if (seg === '*') {
					names.push('rest');
					return '(.*)';
				}
				return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({ method, pattern: new RegExp(`^${source}/?$`, 'i'), names, kind, handler });
		return this;
	}

	/** The route a request would take, with its API kind; undefined when the path is unknown. */
	match(
		method: string,
		path: string,
	): { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | undefined {
		let pathMatched = false;
		for (const route of this.routes) {
			const m = route.pattern.exec(path);
			if (!m) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			const params: Record<string, string> = {};
			route.names.forEach((n, i) => {
				params[n] = safeDecode(m[i + 1]);
			});
			return { route, params };
		}
		return pathMatched ? { methodNotAllowed: true } : undefined;
	}

	kindOf(method: string, path: string): ApiKind {
		const m = this.match(method, path);
		return m && 'route' in m ? m.route.kind : 'other';
	}

	async dispatch(req: SfRequest): Promise<SfResponse> {
		const m = this.match(req.method, req.path);
		if (!m) return NOT_FOUND_RESOURCE();
		if ('methodNotAllowed' in m) {
			return sfError(
				405,
				'METHOD_NOT_ALLOWED',
				`HTTP Method '${req.method}' not allowed. Allowed are ${this.allowed(req.path).join(',')}`,
			);
		}
		return m.route.handler(req, m.params);
	}

	private allowed(path: string): string[] {
		return [...new Set(this.routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
	}
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
