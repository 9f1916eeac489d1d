import type { Router } from '../http/router';

export function registerConnectRoutes(_router: Router): void {
	// TODO(sandbox): routes land here
}
