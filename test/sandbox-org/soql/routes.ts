import type { Router } from '../http/router';

export function registerQueryRoutes(_router: Router): void {
	// TODO(sandbox): routes land here
}
