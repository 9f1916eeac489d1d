import type { Router } from '../http/router';

export function registerLimitsRoutes(_router: Router): void {
	// TODO(sandbox): routes land here
}
