import type { Router } from '../http/router';

export function registerSObjectRoutes(_router: Router): void {
	// TODO(sandbox): routes land here
}
