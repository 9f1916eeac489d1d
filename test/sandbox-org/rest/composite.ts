import type { Router } from '../http/router';

export function registerCompositeRoutes(_router: Router): void {
	// TODO(sandbox): routes land here
}
