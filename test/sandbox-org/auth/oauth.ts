import type { Router } from '../http/router';

export function registerOAuthRoutes(_router: Router): void {
	// TODO(sandbox): routes land here
}
