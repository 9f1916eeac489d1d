import type { Router } from '../http/router';

export function registerCollectionRoutes(_router: Router): void {
	// TODO(sandbox): routes land here
}
